import { closeBySource, publicationLatest } from '../dates/close.js';
import { parseEdtf, type DateBounds } from '../dates/edtf.js';
import type { Claim, Dataset } from '../schema/index.js';
import { ENTITY } from '../vocabulary/entity-types.js';

/**
 * The latest day the given sources can have been published: the latest of their publication
 * dates when every one of them is dated, else null (an undated source may be of any time).
 */
export type Published = (sources: readonly string[]) => string | null;

/** Nothing is known of any source's date: no bound is closed. */
export const UNPUBLISHED: Published = () => null;

/**
 * Publication days of the sources a dataset holds, and of those the graph already holds
 * (`stored`, source id -> latest publication day), for closing "on or after" dates at load.
 */
export function publishedBy(data: Dataset, stored: ReadonlyMap<string, string> = new Map()): Published {
  const days = new Map(stored);
  for (const e of data.entities) {
    if (e.type !== ENTITY.Source) continue;
    const latest = publicationLatest(e.date);
    if (latest) days.set(e.id, latest);
    else days.delete(e.id);
  }
  return (sources) => {
    if (sources.length === 0) return null;
    let latest = '';
    for (const id of sources) {
      const day = days.get(id);
      if (!day) return null;
      if (day > latest) latest = day;
    }
    return latest;
  };
}

/** The sources that give an event its own date: its claims without a date of their own (else all). */
export function sourcesOfDate(claims: readonly Claim[]): string[] {
  const undated = claims.filter((c) => !c.date);
  return (undated.length ? undated : claims).map((c) => c.source);
}

/** The bounds of an EDTF date reported by these sources: open "after" bounds closed (close.ts). */
export const reportedBounds = (edtf: string, sources: readonly string[], published: Published): DateBounds =>
  closeBySource(parseEdtf(edtf), published(sources));
