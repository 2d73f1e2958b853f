import type { Timeline, TimelineItem } from '../api/types.js';
import { el } from '../dom.js';
import { kindLabel } from './labels.js';

/**
 * The timeline's "Undated" row: events that neither they nor their claims date, one chip each,
 * under the dated rows. An undated detention still happened; it is listed, never left out, and
 * opens its claims like any other item.
 */
export function createUndatedRow(pick: (item: TimelineItem) => void) {
  const list = el('div', { className: 'tl-undated-items' });
  const root = el(
    'div',
    { id: 'timeline-undated', className: 'tl-undated', hidden: true },
    el('span', { className: 'tl-undated-label', text: 'Undated' }),
    list,
  );
  return {
    root,
    show(data: Timeline | undefined, nameOf: (id: string) => string): void {
      const items = data?.undated ?? [];
      root.hidden = items.length === 0;
      // The canvas fills its parent: it makes room for the row below it (timeline.css).
      root.parentElement?.classList.toggle('has-undated', items.length > 0);
      root.dataset.count = String(items.length);
      list.replaceChildren(
        ...items.map((item) =>
          el(
            'button',
            {
              type: 'button',
              className: `tl-undated-item kind-${item.kind}`,
              'data-item': item.id,
              title: `${kindLabel(item.kind)}, date unknown: ${item.claims.length} ${item.claims.length === 1 ? 'source' : 'sources'}`,
              onclick: () => pick(item),
            },
            `${kindLabel(item.kind)}: ${item.title} · ${nameOf(item.group)}`,
          ),
        ),
      );
    },
  };
}
