import type { VisItem } from './items.js';

/**
 * Windowed loading for big timelines (issue #5: 10,000 items open in under 1 s): vis-timeline
 * only ever holds the items around the visible window; when even those are too many, each row
 * shows one summary bar per time bucket ("37 events") instead, until the reader zooms in.
 */
export const MAX_LIVE_ITEMS = 500;
/** Summary bars across all rows stay under this, so a 300-row timeline draws a few hundred boxes. */
const MAX_BINS = 800;

export interface BinItem {
  id: string;
  group: string;
  start: Date;
  end: Date;
  type: 'range';
  content: string;
  className: string;
  bin: { count: number };
}

export type ShownItem = VisItem | BinItem;

const endOf = (i: VisItem) => (i.end ?? i.start).getTime();

/** Items possibly visible in [from, to] (plus half a window either side, so scrolling finds them ready). */
export function itemsAround(all: readonly VisItem[], from: number, to: number): VisItem[] {
  const pad = (to - from) / 2;
  const lo = from - pad;
  const hi = to + pad;
  return all.filter((i) => i.start.getTime() <= hi && endOf(i) >= lo);
}

/** What to hand to vis-timeline for a window: the items themselves, or per-row buckets when too many. */
export function shownItems(all: readonly VisItem[], from: number, to: number): { items: ShownItem[]; binned: boolean } {
  const near = itemsAround(all, from, to);
  if (near.length <= MAX_LIVE_ITEMS) return { items: near, binned: false };
  const pad = (to - from) / 2;
  const lo = from - pad;
  const rows = new Set(near.map((i) => i.group)).size;
  const buckets = Math.max(1, Math.min(48, Math.floor(MAX_BINS / Math.max(1, rows))));
  const width = (to - from + 2 * pad) / buckets;
  const bins = new Map<string, BinItem>();
  for (const item of near) {
    const first = Math.max(0, Math.floor((item.start.getTime() - lo) / width));
    const key = `${item.group}|${first}`;
    const bin = bins.get(key);
    if (bin) {
      bin.bin.count++;
      continue;
    }
    const start = lo + first * width;
    bins.set(key, {
      id: `bin:${key}`,
      group: item.group,
      start: new Date(start),
      end: new Date(start + width),
      type: 'range',
      content: '',
      className: 'tl-bin',
      bin: { count: 1 },
    });
  }
  return { items: [...bins.values()], binned: true };
}
