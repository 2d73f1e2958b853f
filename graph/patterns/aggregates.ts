import { read } from '../db/driver.js';
import { presentEntity, type EntityView } from '../safety/present.js';
import { boundsOf, strongest, type Certainty } from './certainty.js';
import { CROSSED_THEN_DETAINED, crossedThenDetained } from './crossing-detentions.js';
import { cypherInt } from './page.js';

/**
 * Counts split by certainty: `certain` counts what certainly falls in the bucket, `possible` what
 * only possibly does (so certain + possible is the upper bound). Counts use each event's own date;
 * the claims behind each counted hit are one drill-down away (co-detention, crossing-detentions,
 * timeline?facility=).
 */
export interface FacilityYearCount { facility: EntityView; year: number; certain: number; possible: number }
export interface CrossingCount { crossing: EntityView; days: number; certain: number; possible: number }

export type Aggregates =
  | { by: 'facility-year'; rows: FacilityYearCount[]; truncated: boolean }
  | { by: 'crossing'; rows: CrossingCount[]; truncated: boolean };

type Props = Record<string, unknown>;

export async function detentionAggregates(input: { by: 'facility-year' | 'crossing'; days: number; limit: number }): Promise<Aggregates> {
  return input.by === 'facility-year' ? detentionsPerFacilityYear(input.limit) : detainedAfterCrossing(input.days, input.limit);
}

/** Detentions per facility and year of their start; an approximate start counts as possible in every year it may fall in. */
async function detentionsPerFacilityYear(limit: number): Promise<Aggregates> {
  const result = await read<{ f: Props; year: number; certain: number; possible: number }>(
    `MATCH (f:Facility)<-[:OCCURRED_AT]-(d:Event {kind: 'detention'}) WHERE d.startLatest IS NOT NULL
     WITH f, d, toInteger(left(coalesce(d.startEarliest, d.startLatest), 4)) AS y0, toInteger(left(d.startLatest, 4)) AS y1
     WITH f, d, y0, y1, d.startEarliest IS NOT NULL AND y0 = y1 AS sure
     UNWIND range(y0, y1) AS year
     WITH f, year, sum(CASE WHEN sure THEN 1 ELSE 0 END) AS certain, sum(CASE WHEN sure THEN 0 ELSE 1 END) AS possible
     RETURN properties(f) AS f, year, certain, possible ORDER BY f.id, year LIMIT $limit`,
    { limit: cypherInt(limit + 1) },
  );
  const rows = result.records.map((r) => ({ facility: presentEntity(r.get('f')), year: r.get('year'), certain: r.get('certain'), possible: r.get('possible') }));
  return { by: 'facility-year', rows: rows.slice(0, limit), truncated: rows.length > limit };
}

/** Per border crossing: people who crossed there and were detained within `days` (any date). */
async function detainedAfterCrossing(days: number, limit: number): Promise<Aggregates> {
  const window = { from: '0001-01-01', to: '9999-12-31', days };
  const result = await read<{ x: Props; person: string; c: Props; d: Props }>(
    `MATCH (x:Place {kind: 'border-crossing'}) ${CROSSED_THEN_DETAINED}
     RETURN properties(x) AS x, p.id AS person, c {.startEarliest, .startLatest, .endEarliest, .endLatest, .openEnd} AS c,
            d {.startEarliest, .startLatest, .endEarliest, .endLatest, .openEnd} AS d`,
    window,
  );
  const perCrossing = new Map<string, { x: Props; people: Map<string, Certainty> }>();
  for (const record of result.records) {
    const [x, person, c, d] = [record.get('x'), record.get('person'), boundsOf(record.get('c')), boundsOf(record.get('d'))];
    const certainty = c && d ? crossedThenDetained(c, d, window) : null;
    if (!certainty) continue;
    const entry = perCrossing.get(String(x.id)) ?? { x, people: new Map<string, Certainty>() };
    entry.people.set(person, strongest([entry.people.get(person) ?? null, certainty])!);
    perCrossing.set(String(x.id), entry);
  }
  const rows = [...perCrossing.values()]
    .map(({ x, people }): CrossingCount => {
      const certain = [...people.values()].filter((c) => c === 'certain').length;
      return { crossing: presentEntity(x), days, certain, possible: people.size - certain };
    })
    .sort((a, b) => b.certain + b.possible - (a.certain + a.possible) || a.crossing.id.localeCompare(b.crossing.id));
  return { by: 'crossing', rows: rows.slice(0, limit), truncated: rows.length > limit };
}
