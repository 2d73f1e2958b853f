import { DataSet } from 'vis-data/peer';
import { Timeline, type TimelineOptions } from 'vis-timeline/peer';
import 'vis-timeline/styles/vis-timeline-graph2d.min.css';
import type { Timeline as TimelineData, TimelineItem } from '../api/types.js';
import { visData, type VisItem, type VisRow } from './items.js';
import { itemContent, rowLabel, type RowBadge } from './labels.js';
import { createTooltip } from './tooltip.js';
import { createBrush } from './brush.js';
import { shownItems, type ShownItem } from './windowing.js';
import { el } from '../dom.js';

export interface TimelineViewEvents {
  selectItem(item: TimelineItem | undefined): void;
  selectRow(id: string): void;
  brushed(from: string, to: string): void;
  asOfMoved(date: string): void;
}

const DAY = 86_400_000;
const iso = (d: Date) => d.toISOString().slice(0, 10);

/**
 * vis-timeline drawing one timeline: rows per person, items from items.ts, labels built as DOM
 * (textContent only; vis-timeline's own XSS filter stays on for anything it renders itself).
 */
export function createTimelineView(container: HTMLElement, events: TimelineViewEvents) {
  const items = new DataSet<ShownItem>();
  let all: VisItem[] = [];
  let binned = false;
  const rows = new DataSet<VisRow>();
  const badges = new Map<string, RowBadge>();
  let byId = new Map<string, VisItem>();
  let timeline: Timeline | undefined;
  let asOf: string | undefined;
  const tooltip = createTooltip(container);
  const brush = createBrush(
    container,
    () => timeline,
    (from, to) => events.brushed(iso(from), iso(to)),
  );

  const options = (count: number): TimelineOptions =>
    ({
      orientation: { axis: 'top', item: 'top' },
      margin: { item: { horizontal: 0, vertical: 5 }, axis: 6 },
      verticalScroll: true,
      horizontalScroll: false,
      zoomKey: 'ctrlKey',
      maxHeight: '100%',
      height: '100%',
      zoomMin: 7 * DAY,
      zoomMax: 200 * 365 * DAY,
      showTooltips: false,
      selectable: true,
      groupHeightMode: 'auto',
      groupOrder: 'order',
      template: (item?: ShownItem) =>
        !item
          ? ''
          : 'bin' in item
            ? el('span', { className: 'tl-bin-count', text: `${item.bin.count}` })
            : itemContent(item.source),
      groupTemplate: (row?: VisRow) => (row ? rowLabel(row, badges.get(row.id)) : ''),
      // Big timelines: items do not stack (rows keep one line), and windowing.ts bins what is far out of view.
      stack: count <= 600,
    }) as TimelineOptions;

  /** Loads the items around the visible window (or per-row buckets of them) into vis-timeline. */
  function refill(): void {
    if (!timeline) return;
    const { start, end } = timeline.getWindow();
    const next = shownItems(all, start.getTime(), end.getTime());
    binned = next.binned;
    container.dataset.binned = String(binned);
    const keep = new Set(next.items.map((i) => i.id));
    items.remove(items.getIds().filter((id) => !keep.has(String(id))));
    items.update(next.items);
  }
  let refillTimer: ReturnType<typeof setTimeout> | undefined;

  function mount(count: number): Timeline {
    const view = new Timeline(container, items, rows, options(count));
    view.on('select', (props: { items: string[] }) => {
      const id = props.items[0] ?? '';
      if (id.startsWith('bin:')) {
        const bin = items.get(id);
        if (bin) view.setWindow(bin.start, bin.end);
        return;
      }
      events.selectItem(byId.get(id)?.source);
    });
    view.on('rangechanged', () => {
      clearTimeout(refillTimer);
      refillTimer = setTimeout(refill, 60);
    });
    view.on('itemover', (props: { item: string; event: MouseEvent }) => {
      const it = byId.get(props.item);
      if (it) tooltip.show(it.source, props.event);
    });
    view.on('itemout', () => tooltip.hide());
    view.on('click', (props: { what?: string; group?: string | number }) => {
      if (props.what === 'group-label' && typeof props.group === 'string' && !props.group.startsWith('family:'))
        events.selectRow(props.group);
    });
    view.on('timechanged', (props: { id: string; time: Date }) => {
      if (props.id === 'asof') events.asOfMoved(iso(props.time));
    });
    return view;
  }

  return {
    show(data: TimelineData, familyNames?: ReadonlyMap<string, string>): void {
      const { rows: visRows, items: visItems } = visData(data, Date.now(), familyNames);
      byId = new Map(visItems.map((i) => [i.id, i]));
      if (!timeline) timeline = mount(visItems.length);
      else timeline.setOptions(options(visItems.length));
      all = visItems;
      rows.clear();
      items.clear();
      rows.add(visRows);
      const span = visItems.reduce(
        (acc, i) => [Math.min(acc[0]!, i.start.getTime()), Math.max(acc[1]!, (i.end ?? i.start).getTime())],
        [Infinity, -Infinity],
      );
      if (visItems.length) {
        const margin = Math.max(30 * DAY, (span[1]! - span[0]!) * 0.04);
        timeline.setWindow(new Date(span[0]! - margin), new Date(span[1]! + margin), { animation: false });
      }
      refill();
      this.setAsOf(asOf);
    },
    /** Status badges on the row labels (as-of view); redraws only the labels. */
    setBadges(next: ReadonlyMap<string, RowBadge>): void {
      badges.clear();
      for (const [id, badge] of next) badges.set(id, badge);
      if (timeline) rows.update(rows.get().map((r) => ({ ...r })));
    },
    setAsOf(date: string | undefined): void {
      asOf = date;
      if (!timeline) return;
      try {
        timeline.removeCustomTime('asof');
      } catch {
        /* not there yet */
      }
      if (date) {
        timeline.addCustomTime(new Date(`${date}T12:00:00Z`), 'asof');
        timeline.setCustomTimeTitle(`As of ${date} — drag to move`, 'asof');
        // Typed in vis-timeline's JS but missing from its .d.ts.
        (
          timeline as unknown as { setCustomTimeMarker(title: string, id: string, editable: boolean): void }
        ).setCustomTimeMarker(`As of ${date}`, 'asof', false);
      }
    },
    setWindow(from: string | undefined, to: string | undefined): void {
      brush.showWindow(from, to);
    },
    select(itemId: string | undefined): void {
      timeline?.setSelection(itemId ? [itemId] : []);
    },
    startBrush(): void {
      brush.start();
    },
    fit(): void {
      timeline?.fit({ animation: false });
    },
    get binned(): boolean {
      return binned;
    },
    get timeline(): Timeline | undefined {
      return timeline;
    },
    get itemCount(): number {
      return all.length;
    },
    destroy(): void {
      timeline?.destroy();
      timeline = undefined;
      tooltip.hide();
    },
  };
}
export type TimelineView = ReturnType<typeof createTimelineView>;
