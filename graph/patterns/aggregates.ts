import { read } from '../db/driver.js';
import type { ReadScope } from '../read/scope.js';
import { strongest, type Certainty } from '../dates/certainty.js';
import type { Aggregates, CrossingCount, FacilityYearCount } from '../views/patterns.js';
import { CROSSED_THEN_DETAINED, crossedThenDetained } from './crossing-detentions.js';
import { cypherInt } from '../db/page.js';
import type { Props } from '../db/props.js';
import { ENTITY } from '../vocabulary/entity-types.js';

export async function detentionAggregates(
  scope: ReadScope,
  input: {
    by: 'facility-year' | 'crossing';
    days: number;
    limit: number;
  },
): Promise<Aggregates> {
  return input.by === 'facility-year'
    ? detentionsPerFacilityYear(scope, input.limit)
    : detainedAfterCrossing(scope, input.days, input.limit);
}

/** Detentions per facility and year of their start; an approximate start counts as possible in every year it may fall in. */
async function detentionsPerFacilityYear(scope: ReadScope, limit: number): Promise<Aggregates> {
  // One row per facility (its properties once), its years in order; the limit still counts years.
  const result = await read<{ f: Props; years: [number, number, number][] }>(
    `MATCH (f:${ENTITY.Facility})<-[:OCCURRED_AT]-(d:${ENTITY.Event} {kind: 'detention'}) WHERE d.startLatest IS NOT NULL
     WITH f, d, toInteger(left(coalesce(d.startEarliest, d.startLatest), 4)) AS y0, toInteger(left(d.startLatest, 4)) AS y1
     WITH f, d, y0, y1, d.startEarliest IS NOT NULL AND y0 = y1 AS sure
     UNWIND range(y0, y1) AS year
     WITH f, year, sum(CASE WHEN sure THEN 1 ELSE 0 END) AS certain, sum(CASE WHEN sure THEN 0 ELSE 1 END) AS possible
     ORDER BY f.id, year LIMIT $limit
     WITH f, collect([year, certain, possible]) AS years
     RETURN properties(f) AS f, years ORDER BY f.id`,
    { limit: cypherInt(limit + 1) },
  );
  const rows = result.records.flatMap((r) => {
    const facility = scope.present(r.get('f'));
    return [...r.get('years')]
      .sort((a, b) => a[0] - b[0])
      .map(([year, certain, possible]): FacilityYearCount => ({ facility, year, certain, possible }));
  });
  return { by: 'facility-year', rows: rows.slice(0, limit), truncated: rows.length > limit };
}

/** Per border crossing: people who crossed there and were detained within `days` (any date). */
async function detainedAfterCrossing(scope: ReadScope, days: number, limit: number): Promise<Aggregates> {
  const window = { from: '0001-01-01', to: '9999-12-31', days };
  // USING SCAN starts from the few posts: otherwise the planner reads every event through the
  // startLatest index (130,000 at 100,000 people) to find their crossings. Rows carry only the
  // starts, all that crossedThenDetained reads: full property maps cost more than the query.
  const result = await read<{ x: Props; pairs: [string, string | null, string, string | null, string][] }>(
    `MATCH (x:${ENTITY.Place} {kind: 'border-crossing'}) USING SCAN x:${ENTITY.Place} ${CROSSED_THEN_DETAINED}
     WITH x, collect([p.id, c.startEarliest, c.startLatest, d.startEarliest, d.startLatest]) AS pairs
     RETURN properties(x) AS x, pairs`,
    window,
  );
  const rows = result.records
    .map((record): CrossingCount => {
      const people = new Map<string, Certainty>();
      for (const [person, cEarliest, cLatest, dEarliest, dLatest] of record.get('pairs')) {
        const certainty = crossedThenDetained(
          { startEarliest: cEarliest, startLatest: cLatest },
          { startEarliest: dEarliest, startLatest: dLatest },
          window,
        );
        if (certainty) people.set(person, strongest([people.get(person) ?? null, certainty])!);
      }
      const certain = [...people.values()].filter((c) => c === 'certain').length;
      return { crossing: scope.present(record.get('x')), days, certain, possible: people.size - certain };
    })
    .filter((row) => row.certain + row.possible > 0)
    .sort((a, b) => b.certain + b.possible - (a.certain + a.possible) || a.crossing.id.localeCompare(b.crossing.id));
  return { by: 'crossing', rows: rows.slice(0, limit), truncated: rows.length > limit };
}
