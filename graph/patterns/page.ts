import neo4j from 'neo4j-driver';
import type { PatternPage } from '../views/page.js';
import { DEPRIVING_EVENT_KINDS, RELATIONSHIP_TYPES, type RelationshipType } from '../schema/index.js';

/** Every pattern answers one page at a time, so a hub or a 100,000-person graph never hangs a reader. */
export interface Paging {
  limit: number;
  offset: number;
}

export type { PatternPage } from '../views/page.js';

/** Queries fetch limit + 1 rows; the extra one only says whether there is more. */
export function toPage<T>(rows: T[], paging: Paging): PatternPage<T> {
  return {
    items: rows.slice(0, paging.limit),
    offset: paging.offset,
    limit: paging.limit,
    hasMore: rows.length > paging.limit,
  };
}

/** SKIP and LIMIT take integers; plain JS numbers travel as floats, which Neo4j refuses. */
export const cypherInt = (n: number) => neo4j.int(n);

/** The SKIP/LIMIT parameters of a page, fetching one row more than shown. */
export const pageParams = (paging: Paging) => ({
  offset: cypherInt(paging.offset),
  limit: cypherInt(paging.limit + 1),
});

export const DEPRIVING_KINDS: readonly string[] = DEPRIVING_EVENT_KINDS;

/** Kinship used by the cascade analysis; GUARDIAN_OF (care, not kin) is left out. Joined only from the schema's list. */
export const CASCADE_KINSHIP = (
  ['PARENT_OF', 'PARTNER_OF', 'SIBLING_OF', 'RELATIVE_OF'] as const satisfies readonly RelationshipType[]
)
  .filter((type) => RELATIONSHIP_TYPES.includes(type))
  .join('|');

/**
 * Cypher: events `e` of `$kinds` that possibly started by the date parameter `by`: the indexed
 * range (kind, startEarliest), plus the open starts ("../2018-03"), which that index cannot hold
 * (it skips nulls). An open start always has an end (graph/dates/edtf.ts), so the index on
 * (kind, endLatest) holds every one of them.
 */
export const startedBy = (by: `$${string}`) => `CALL () {
    MATCH (e:Event) WHERE e.kind IN $kinds AND e.startEarliest <= ${by} RETURN e
    UNION ALL
    MATCH (e:Event) WHERE e.kind IN $kinds AND e.endLatest IS NOT NULL AND e.startEarliest IS NULL AND e.startLatest IS NOT NULL RETURN e
  }`;

/** Events of `$kinds` that possibly started by `$date` (see startedBy). */
export const STARTED_BY_DATE = startedBy('$date');
