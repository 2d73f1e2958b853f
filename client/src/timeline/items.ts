import { lastingKinds } from '../../../graph/vocabulary/event-kinds.js';
import type { Timeline, TimelineGroup, TimelineItem } from '../api/types.js';

/**
 * A timeline response as vis-timeline rows and items: a pure function, so the drawing rules for
 * uncertain dates (graph/README.md, Dates) are testable without a browser.
 *
 *   fuzzy start  start.earliest ──fade──▶ start.latest   (the item fades in over its bounds)
 *   fuzzy end    end.earliest   ──fade──▶ end.latest
 *   open end     "still held" (EDTF "/..") runs to the horizon with a dashed, striped tail;
 *                "fate unknown" (EDTF "/") fades out to the horizon, striped grey.
 */
export interface VisRow {
  id: string;
  content: string;
  className: string;
  order: number;
  source: TimelineGroup;
  nestedGroups?: string[];
  showNested?: boolean;
}

export interface VisItem {
  id: string;
  group: string;
  start: Date;
  end?: Date;
  type: 'range' | 'point';
  content: string;
  className: string;
  /** Custom properties only (CSS variables for the fade); never markup. */
  style?: string;
  source: TimelineItem;
}

const DAY = 86_400_000;
const toTime = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const pct = (x: number) => `${Math.max(0, Math.min(100, x * 100)).toFixed(2)}%`;

/** Kinds that last, drawn as ranges: the vocabulary's `lasts` (graph/vocabulary/event-kinds.ts). */
export const RANGE_KINDS: ReadonlySet<string> = new Set(lastingKinds());

export function visItem(item: TimelineItem, horizon: number): VisItem | null {
  if (!item.start) return null;
  const earliestKnown = item.start.earliest ? toTime(item.start.earliest) : null;
  // "After 2015" with no source date to close it ends its latest bound at the horizon, not in 9999.
  const latestStart = Math.min(toTime(item.start.latest), Math.max(horizon, earliestKnown ?? 0));
  const earliestStart = earliestKnown ?? latestStart - 365 * DAY;
  const classes = ['tl-item', `kind-${item.kind}`];
  if (item.approximate) classes.push('tl-approximate');
  if (item.uncertain) classes.push('tl-uncertain');
  if (item.conflict) classes.push('tl-conflict');
  if (!item.start.earliest) classes.push('tl-open-start');
  const base = { id: item.id, group: item.group, content: item.title, source: item };
  if (item.point) {
    if (latestStart - earliestStart < 2 * DAY)
      return { ...base, start: new Date(latestStart), type: 'point', className: [...classes, 'tl-point'].join(' ') };
    // A point known only within bounds ("2016~" is 2015-2017): a bar that fades at both ends.
    return {
      ...base,
      start: new Date(earliestStart),
      end: new Date(latestStart + DAY),
      type: 'range',
      className: [...classes, 'tl-point-span', 'tl-fuzzy-start', 'tl-fuzzy-end'].join(' '),
      style: '--fs:50%;--fe:50%;',
    };
  }
  let endEarliest: number;
  let endLatest: number;
  if (item.openEnd === 'open') {
    classes.push('tl-open-end');
    endEarliest = endLatest = Math.max(horizon, latestStart + 30 * DAY);
  } else if (item.openEnd === 'unknown' || !item.end || item.end.latest === null) {
    classes.push('tl-unknown-end');
    endEarliest = item.end?.earliest ? toTime(item.end.earliest) : latestStart;
    endLatest = Math.max(horizon, endEarliest + 30 * DAY);
  } else {
    endLatest = Math.min(toTime(item.end.latest), Math.max(horizon, latestStart)) + DAY;
    endEarliest = item.end.earliest ? toTime(item.end.earliest) : endLatest;
  }
  const span = Math.max(DAY, endLatest - earliestStart);
  const fs = (latestStart - earliestStart) / span;
  const fe = (endEarliest - earliestStart) / span;
  if (fs > 0.001) classes.push('tl-fuzzy-start');
  if (fe < 0.999) classes.push('tl-fuzzy-end');
  return {
    ...base,
    start: new Date(earliestStart),
    end: new Date(endLatest),
    type: 'range',
    className: classes.join(' '),
    style: `--fs:${pct(fs)};--fe:${pct(Math.max(fe, fs))};`,
  };
}

/** Rows: one per person; when people come from several families, nested under a family row. */
export function visRows(
  groups: readonly TimelineGroup[],
  familyNames: ReadonlyMap<string, string> = new Map(),
): VisRow[] {
  const rows: VisRow[] = groups.map((g, order) => ({
    id: g.id,
    content: g.name,
    className: g.protected ? 'tl-row tl-protected' : 'tl-row',
    order,
    source: g,
  }));
  const families = [...new Set(groups.map((g) => g.family).filter((f): f is string => Boolean(f)))];
  if (families.length < 2) return rows;
  const parents = families.map(
    (family, i): VisRow => ({
      id: `family:${family}`,
      content: familyNames.get(family) ?? family,
      className: 'tl-family-row',
      order: -1000 + i,
      source: { id: family, name: familyNames.get(family) ?? family },
      nestedGroups: groups.filter((g) => g.family === family).map((g) => g.id),
      showNested: true,
    }),
  );
  return [...parents, ...rows];
}

export function visData(
  timeline: Timeline,
  horizon = Date.now(),
  familyNames?: ReadonlyMap<string, string>,
): { rows: VisRow[]; items: VisItem[] } {
  const items = timeline.items.map((i) => visItem(i, horizon)).filter((i): i is VisItem => i !== null);
  return { rows: visRows(timeline.groups, familyNames), items };
}
