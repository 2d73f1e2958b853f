import { parseEdtf } from './edtf.js';
import type { Props } from '../db/props.js';

/** A date is certainly or only possibly in a range; anything else is not in it. */
export const CERTAINTIES = ['certain', 'possible'] as const;
export type Certainty = (typeof CERTAINTIES)[number];

/**
 * "Certainly" and "possibly" on a date (graph/README.md, Dates). Bounds are ISO day strings, so they
 * compare as strings; `null` start means open ("../2018"), `null` end means open or unknown.
 */
export interface Bounds {
  startEarliest: string | null;
  startLatest: string;
  endEarliest: string | null;
  endLatest: string | null;
  openEnd: 'none' | 'open' | 'unknown';
}

const str = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** The stored bounds of an event or claim node; null when it carries no date. */
export function boundsOf(props: Props): Bounds | null {
  const startLatest = str(props.startLatest);
  if (!startLatest) return null;
  const openEnd = props.openEnd === 'open' || props.openEnd === 'unknown' ? props.openEnd : inferOpenEnd(props);
  return {
    startEarliest: str(props.startEarliest),
    startLatest,
    endEarliest: str(props.endEarliest),
    endLatest: str(props.endLatest),
    openEnd,
  };
}

// Claim nodes store the four bounds but not openEnd: read it back from their EDTF text.
function inferOpenEnd(props: Props): Bounds['openEnd'] {
  const date = str(props.date);
  return date ? parseEdtf(date).openEnd : 'none';
}

export function boundsOfEdtf(edtf: string): Bounds {
  const { startEarliest, startLatest, endEarliest, endLatest, openEnd } = parseEdtf(edtf);
  return { startEarliest, startLatest, endEarliest, endLatest, openEnd };
}

/** Held (or happening) on `date`: certain within the narrow bounds, possible within the wide ones. */
export function certaintyOn(b: Bounds, date: string): Certainty | null {
  const possible =
    (b.startEarliest === null || b.startEarliest <= date) && (b.endLatest === null || b.endLatest >= date);
  if (!possible) return null;
  const certain = b.startLatest <= date && (b.openEnd === 'open' || (b.endEarliest !== null && b.endEarliest >= date));
  return certain ? 'certain' : 'possible';
}

/** The span during which the event certainly lasted, if any (open ends run to the far future). */
export function certainSpan(b: Bounds): { from: string; to: string } | null {
  const to = b.openEnd === 'open' ? FAR_FUTURE : b.endEarliest;
  return to !== null && to >= b.startLatest ? { from: b.startLatest, to } : null;
}

export function possibleSpan(b: Bounds): { from: string; to: string } {
  return { from: b.startEarliest ?? FAR_PAST, to: b.endLatest ?? FAR_FUTURE };
}

export const FAR_PAST = '0000-01-01';
export const FAR_FUTURE = '9999-12-31';

export function intersect(a: { from: string; to: string } | null, b: { from: string; to: string } | null) {
  if (!a || !b) return null;
  const from = a.from > b.from ? a.from : b.from;
  const to = a.to < b.to ? a.to : b.to;
  return from <= to ? { from, to } : null;
}

export function addDays(iso: string, days: number): string {
  const ms = Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000;
  return new Date(ms).toISOString().slice(0, 10);
}

export function addMonths(iso: string, months: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d.toISOString().slice(0, 10);
}

/** The weaker of several certainties; null (not at all) wins over everything. */
export function weakest(values: readonly (Certainty | null)[]): Certainty | null {
  if (values.some((v) => v === null)) return null;
  return values.every((v) => v === 'certain') ? 'certain' : 'possible';
}

/** The stronger of several certainties (one certain reason suffices). */
export function strongest(values: readonly (Certainty | null)[]): Certainty | null {
  if (values.includes('certain')) return 'certain';
  return values.includes('possible') ? 'possible' : null;
}

/**
 * When sources disagree on dates, each event has several readings (its own date, then each claimed
 * date). A test is certain only if every combination of readings makes it certain, and possible
 * if any combination makes it possible: claims are never merged (graph/README.md, Dates).
 */
export function acrossReadings(
  readings: readonly (readonly Bounds[])[],
  test: (...b: Bounds[]) => Certainty | null,
): Certainty | null {
  const combos = readings.reduce<Bounds[][]>(
    (acc, list) => acc.flatMap((combo) => list.map((b) => [...combo, b])),
    [[]],
  );
  const results = combos.map((combo) => test(...combo));
  if (results.length && results.every((r) => r === 'certain')) return 'certain';
  return results.some((r) => r !== null) ? 'possible' : null;
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
