import { el } from '../dom.js';
import { CONFIDENCE_DASH, EDGE_GROUPS, NODE_COLOURS, STATUS_COLOURS } from '../graph/style.js';

/** The legend, read from the same style table the renderer uses. */
export function renderLegend(root: HTMLElement): void {
  const swatch = (colour: string, shape: 'dot' | 'line' | 'ring', dash: number[] = []) => {
    const span = el('span', { className: `swatch ${shape}`, 'aria-hidden': 'true' });
    if (shape === 'dot') span.style.background = colour;
    else if (shape === 'ring') span.style.borderColor = colour;
    else {
      span.style.borderTopColor = colour;
      span.style.borderTopStyle = dash.length ? (dash[0]! > 3 ? 'dashed' : 'dotted') : 'solid';
    }
    return span;
  };
  root.replaceChildren(
    el('h3', { text: 'Legend' }),
    el(
      'ul',
      {},
      ...Object.entries(NODE_COLOURS).map(([type, colour]) => el('li', {}, swatch(colour, 'dot'), ` ${type}`)),
    ),
    el('ul', {}, ...EDGE_GROUPS.map((g) => el('li', {}, swatch(g.colour, 'line'), ` ${g.name}`))),
    el(
      'ul',
      {},
      ...Object.entries(CONFIDENCE_DASH).map(([level, dash]) =>
        el('li', {}, swatch('#566573', 'line', dash), ` ${level}`),
      ),
    ),
    el(
      'ul',
      {},
      ...Object.entries(STATUS_COLOURS).map(([status, colour]) => el('li', {}, swatch(colour, 'ring'), ` ${status}`)),
      el('li', {}, swatch('#34495e', 'ring'), ' protected (pseudonym)'),
    ),
  );
}
