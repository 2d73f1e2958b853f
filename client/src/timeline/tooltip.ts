import { el } from '../dom.js';
import type { TimelineItem } from '../api/types.js';
import { describeEdtf } from './edtf-text.js';
import { kindLabel } from './labels.js';

/**
 * The item tooltip, built as DOM text (never handed to vis-timeline as markup): the date as the
 * source gives it (EDTF and in words), its bounds, and each claim's note and quoted words.
 */
export function createTooltip(container: HTMLElement) {
  const box = el('div', { className: 'tl-tooltip', role: 'tooltip', hidden: true });
  container.append(box);
  return {
    show(item: TimelineItem, event: MouseEvent): void {
      const bounds = item.start
        ? `Between ${item.start.earliest ?? 'an unknown date'} and ${item.start.latest}${item.openEnd === 'open' ? ', still ongoing' : item.openEnd === 'unknown' ? ', end unknown' : item.end ? `, ending ${item.end.earliest ?? '?'} – ${item.end.latest ?? '?'}` : ''}`
        : 'Undated';
      box.replaceChildren(
        el('strong', { text: item.title }),
        el('div', {
          className: 'tl-tip-kind',
          text: `${kindLabel(item.kind)}${item.place ? ` · ${item.place.name}` : ''}`,
        }),
        item.edtf
          ? el(
              'div',
              { className: 'tl-tip-date' },
              el('b', { text: describeEdtf(item.edtf, item.phrase) }),
              ` (EDTF ${item.edtf})`,
              item.asWritten ? el('div', { className: 'tl-tip-written', text: `As written: “${item.asWritten}”` }) : '',
            )
          : '',
        el('div', { className: 'tl-tip-bounds', text: bounds }),
        ...item.claims
          .slice(0, 3)
          .map((c) =>
            el(
              'div',
              { className: 'tl-tip-claim' },
              el('span', { className: `badge confidence ${c.confidence}`, text: c.confidence }),
              `${c.source.name}${c.locator ? `, ${c.locator}` : ''}${c.date ? ` — dated ${describeEdtf(c.date, c.datePhrase)}` : ''}: `,
              el('q', { text: c.excerpt }),
              c.note ? el('div', { className: 'tl-tip-note', text: c.note }) : null,
            ),
          ),
      );
      box.hidden = false;
      const frame = container.getBoundingClientRect();
      const x = Math.min(event.clientX - frame.left + 14, frame.width - 380);
      box.style.left = `${Math.max(4, x)}px`;
      box.style.top = `${Math.max(4, event.clientY - frame.top + 14)}px`;
    },
    hide(): void {
      box.hidden = true;
    },
  };
}
