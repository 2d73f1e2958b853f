import { el } from '../dom.js';
import { type LegendEntry, legendEntries } from './legend-model.js';

function swatch({ colour, shape, dash = [] }: LegendEntry): HTMLElement {
  const span = el('span', { className: `swatch ${shape}`, 'aria-hidden': 'true' });
  if (shape === 'dot') span.style.background = colour;
  else if (shape === 'ring') span.style.borderColor = colour;
  else {
    span.style.borderTopColor = colour;
    span.style.borderTopStyle = dash.length ? (dash[0]! > 3 ? 'dashed' : 'dotted') : 'solid';
  }
  return span;
}

/** The legend, read from the vocabulary and the same style table the renderer uses. */
export function renderLegend(root: HTMLElement): void {
  root.replaceChildren(
    el('h3', { text: 'Legend' }),
    ...legendEntries().map((section) =>
      el('ul', {}, ...section.map((entry) => el('li', {}, swatch(entry), ` ${entry.label}`))),
    ),
  );
}
