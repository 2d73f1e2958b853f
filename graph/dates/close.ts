import { type DateBounds, NO_LATEST, parseEdtf } from './edtf.js';

/**
 * The last day a source dated `sourceDate` (EDTF) can have been written on; null when undated or
 * open ("[2019..]": no limit to close anything with).
 */
export function publicationLatest(sourceDate: string | null | undefined): string | null {
  if (!sourceDate) return null;
  const b = parseEdtf(sourceDate);
  if (b.openAfter) return null;
  const latest = b.endLatest ?? b.startLatest;
  return latest === NO_LATEST ? null : latest;
}

/**
 * A source cannot report what happened after it was written: an "on or after" bound (`[2015..]`)
 * closes at the latest day of the source's publication date (graph/README.md, Dates). Only such
 * open bounds are closed; an end the source gives (a sentence "until 2030") and an open end
 * ("still held", `/..`) stay as they are. A source dated before the earliest bound closes nothing.
 */
export function closeBySource<T extends Pick<DateBounds, 'startEarliest' | 'startLatest' | 'endLatest' | 'openAfter'>>(
  bounds: T,
  latest: string | null,
): T {
  if (!bounds.openAfter || latest === null) return bounds;
  if (bounds.startEarliest !== null && latest < bounds.startEarliest) return bounds;
  const close = (day: string | null) => (day === NO_LATEST ? latest : day);
  return { ...bounds, startLatest: close(bounds.startLatest)!, endLatest: close(bounds.endLatest), openAfter: false };
}
