import { ENTITY } from '../vocabulary/entity-types.js';

/**
 * Cypher: events `e` of `$kinds` that possibly started by the date parameter `by`: the indexed
 * range (kind, startEarliest), plus the open starts ("../2018-03"), which that index cannot hold
 * (it skips nulls). An open start always has an end (graph/dates/edtf.ts), so the index on
 * (kind, endLatest) holds every one of them.
 */
export const startedBy = (by: `$${string}`) => `CALL () {
    MATCH (e:${ENTITY.Event}) WHERE e.kind IN $kinds AND e.startEarliest <= ${by} RETURN e
    UNION ALL
    MATCH (e:${ENTITY.Event}) WHERE e.kind IN $kinds AND e.endLatest IS NOT NULL AND e.startEarliest IS NULL AND e.startLatest IS NOT NULL RETURN e
  }`;

/** Events of `$kinds` that possibly started by `$date` (see startedBy). */
export const STARTED_BY_DATE = startedBy('$date');
