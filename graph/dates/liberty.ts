import { acrossReadings, certaintyOn, strongest, type Bounds, type Certainty } from './certainty.js';

/**
 * Where a person stands on a date, in four states, never three (graph/README.md, Dates): certainly
 * or possibly deprived of liberty (detained, missing, blocked), known free (a source says they were
 * released, and nothing says they may have been deprived again since), or unknown. Silence is
 * never freedom: a person of whom the sources say nothing is "unknown".
 */
export const LIBERTY_STATES = ['certainly-deprived', 'possibly-deprived', 'free', 'unknown'] as const;
export type LibertyState = (typeof LIBERTY_STATES)[number];

/** An event as the four states read it: each reading of its date (none when undated). */
export interface DatedReadings {
  readings: readonly Bounds[];
}

/** The state on a date, with the deprivations and releases behind it (indexes into the inputs). */
export interface LibertyOn {
  state: LibertyState;
  /** Per deprivation: its certainty on the date (undated: possible at an unknown time), or null. */
  deprivations: (Certainty | null)[];
  /** The releases that make the person free; empty unless the state is free. */
  releases: number[];
}

const DEPRIVED_STATE = { certain: 'certainly-deprived', possible: 'possibly-deprived' } as const;

const latestOf = (b: Bounds) => b.endLatest ?? b.startLatest;

/** Every reading of the release certainly happened on or before `date`. */
const certainlyBy = (release: DatedReadings, date: string) =>
  release.readings.length > 0 && release.readings.every((r) => latestOf(r) <= date);

/** Every reading of the release certainly follows the start of the deprivation reading `b`. */
const certainlyAfterStart = (release: DatedReadings, b: Bounds) =>
  release.readings.length > 0 &&
  release.readings.every((r) => r.startEarliest !== null && r.startEarliest >= b.startLatest);

/**
 * A release that certainly followed a deprivation's start ends it: its wide end is capped at the
 * release's latest date (a detention of 2017 with an unknown end, then a release in 2019, no
 * longer reaches 2020). Which detention a release ends is not recorded, so the latest such
 * release caps it: the widest reading, never the narrowest.
 */
export function endedByReleases(b: Bounds, releases: readonly DatedReadings[]): Bounds {
  const ending = releases.filter((r) => certainlyAfterStart(r, b));
  if (!ending.length) return b;
  const cap = ending.flatMap((r) => r.readings.map(latestOf)).reduce((a, c) => (c > a ? c : a));
  const endLatest = b.endLatest === null || b.endLatest > cap ? cap : b.endLatest;
  if (b.openEnd === 'none') return { ...b, endLatest };
  // Held until at least the earliest of those releases when the source said "still held" (open).
  const heldUntil = ending
    .flatMap((r) => r.readings.map((x) => x.startEarliest as string))
    .reduce((a, c) => (c < a ? c : a));
  return { ...b, endLatest, endEarliest: b.openEnd === 'open' ? heldUntil : b.endEarliest, openEnd: 'none' };
}

/**
 * The four states on `date` from a person's deprivations and releases, each with every reading
 * of its date (claims are never merged: certain under every reading, possible under any).
 * Free only when a release certainly lies on or before the date, no deprivation possibly holds
 * on it, and no deprivation possibly began after that release (a later arrest the sources do not
 * see ended). An undated deprivation makes the person possibly deprived at an unknown time.
 */
export function libertyOn(
  date: string,
  deprivations: readonly DatedReadings[],
  releases: readonly DatedReadings[],
): LibertyOn {
  const certainties = deprivations.map((d): Certainty | null =>
    d.readings.length === 0
      ? 'possible'
      : acrossReadings([d.readings.map((b) => endedByReleases(b, releases))], (b) => certaintyOn(b, date)),
  );
  const deprived = strongest(certainties);
  if (deprived) return { state: DEPRIVED_STATE[deprived], deprivations: certainties, releases: [] };
  const freeing = releases.flatMap((release, index) => {
    if (!certainlyBy(release, date)) return [];
    const earliest = release.readings.map((r) => r.startEarliest ?? r.startLatest).reduce((a, c) => (c < a ? c : a));
    const laterArrest = deprivations.some((d) => d.readings.some((b) => b.startLatest > earliest));
    return laterArrest ? [] : [index];
  });
  return { state: freeing.length ? 'free' : 'unknown', deprivations: certainties, releases: freeing };
}

/** "certainly-deprived" and the like, as the certainty of a deprivation (null: not deprived). */
export function deprivedCertainty(state: LibertyState): Certainty | null {
  if (state === 'certainly-deprived') return 'certain';
  return state === 'possibly-deprived' ? 'possible' : null;
}
