/**
 * One person's detention at a facility, as co-detention compares them: the event's id, its
 * subject, and its own bounds (ISO day strings; null for an open start "../2018" or an open or
 * unknown end). One stay per path in the graph, so a duplicated link counts twice, as in Cypher.
 */
export interface Stay {
  event: string;
  person: string;
  startEarliest: string | null;
  startLatest: string;
  endLatest: string | null;
}

/** Two stays of different people; `first` belongs to the person with the smaller id. */
export interface StayPair {
  first: Stay;
  second: Stay;
}

/** Rows to skip before the page, and how many to return at most. */
export interface RowWindow {
  skip: number;
  take: number;
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Possibly held at the same time: the wide spans meet, an open end meeting everything. The
 * Cypher it replaces: coalesce(a.startEarliest <= b.endLatest, true) AND coalesce(b.startEarliest <= a.endLatest, true).
 */
export function possiblyOverlap(a: Stay, b: Stay): boolean {
  return (
    (a.startEarliest === null || b.endLatest === null || a.startEarliest <= b.endLatest) &&
    (b.startEarliest === null || a.endLatest === null || b.startEarliest <= a.endLatest)
  );
}

/** Page order: first.startLatest, first.person, second.person, first.event, second.event. */
export function comparePairs(p: StayPair, q: StayPair): number {
  return (
    compare(p.first.startLatest, q.first.startLatest) ||
    compare(p.first.person, q.first.person) ||
    compare(p.second.person, q.second.person) ||
    compare(p.first.event, q.first.event) ||
    compare(p.second.event, q.second.event)
  );
}

/**
 * The possibly overlapping pairs of stays at one facility, in page order, from `skip` on. A sweep
 * over the stays sorted by earliest start: a stay's partners are the prefix that starts no later
 * than it may end (binary search), checked for ending no earlier than it may start. Stays are
 * taken in page order and stop once the page is full; pairs before the page are only counted.
 * `skipped` says how many rows this facility used up of `skip`, for the next facility.
 */
export function overlappingStays(stays: readonly Stay[], window: RowWindow): { pairs: StayPair[]; skipped: number } {
  const byStart = [...stays].sort((a, b) =>
    a.startEarliest === null
      ? b.startEarliest === null
        ? 0
        : -1
      : b.startEarliest === null
        ? 1
        : compare(a.startEarliest, b.startEarliest),
  );
  const partnersOf = (x: Stay): StayPair[] => {
    const end = x.endLatest === null ? byStart.length : startsBy(byStart, x.endLatest);
    const pairs: StayPair[] = [];
    for (let i = 0; i < end; i++) {
      const y = byStart[i]!;
      if (y.person > x.person && possiblyOverlap(x, y)) pairs.push({ first: x, second: y });
    }
    return pairs;
  };
  const firsts = [...stays].sort(
    (a, b) => compare(a.startLatest, b.startLatest) || compare(a.person, b.person) || compare(a.event, b.event),
  );
  const pairs: StayPair[] = [];
  let skipped = 0;
  for (let g = 0; g < firsts.length && pairs.length < window.take; ) {
    // Stays of one person with the same startLatest: their pairs interleave by the second person.
    let h = g + 1;
    while (
      h < firsts.length &&
      firsts[h]!.startLatest === firsts[g]!.startLatest &&
      firsts[h]!.person === firsts[g]!.person
    )
      h++;
    const group = firsts.slice(g, h).flatMap(partnersOf);
    g = h;
    const toSkip = window.skip - skipped;
    if (group.length <= toSkip) {
      skipped += group.length;
      continue;
    }
    skipped += toSkip;
    pairs.push(...group.sort(comparePairs).slice(toSkip, toSkip + window.take - pairs.length));
  }
  return { pairs, skipped };
}

/** How many of `byStart` (nulls first, then ascending) start no later than `date`. */
function startsBy(byStart: readonly Stay[], date: string): number {
  let lo = 0;
  let hi = byStart.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const start = byStart[mid]!.startEarliest;
    if (start === null || start <= date) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
