import { autoCommit } from '../db/driver.js';
import type { Dataset, EntityType } from '../schema/index.js';
import { chunks } from './batches.js';
import type { Existing, Section, Step } from './load-plan.js';
import { ENTITY } from '../vocabulary/entity-types.js';

/**
 * Cypher: sets `p.lastKnownEarliest` / `p.lastKnownLatest` on each person `p`: the latest date
 * anything is known about them (an event they are the subject of ends or happens, a claim about
 * it is dated, a source citing it is published), as the earliest and the latest reading of that
 * date. Null (removed) when they are the subject of no dated event. The stale-status pattern
 * orders people by it (index person_last_known), which it could not compute per request at
 * 100,000 people (issue 7: ~1.8 s); the loader keeps it current (lastKnownSteps).
 */
export const SET_LAST_KNOWN = `CALL (p) {
    MATCH (p)-[:PARTICIPATED_IN {role: 'subject'}]->(e:${ENTITY.Event}) WHERE e.startLatest IS NOT NULL
    // A plain USING INDEX is met by scanning the whole index for every event (see LOADER_PLAN).
    OPTIONAL MATCH (c:Claim {about: e.id})-[:CITES]->(s:${ENTITY.Source}) USING INDEX SEEK c:Claim(about)
    WITH e, c, s, [
      [coalesce(e.endEarliest, e.startEarliest, e.startLatest), coalesce(e.endLatest, e.startLatest)],
      [coalesce(c.endEarliest, c.startEarliest, c.startLatest), coalesce(c.endLatest, c.startLatest)],
      [coalesce(s.startEarliest, s.startLatest), s.startLatest]
    ] AS readings
    UNWIND readings AS r
    WITH r WHERE r[1] IS NOT NULL
    RETURN max(r[0]) AS earliest, max(r[1]) AS latest
  }
  SET p.lastKnownEarliest = earliest, p.lastKnownLatest = latest`;

/**
 * Planned afresh on every run. Cached, the plan stays the one made for the graph the query first
 * met: after the seed case it scans every dated event and every claim for each person, and the
 * load of 10,000 people after it did not finish in 400 s (CI, issue 7). Planning costs milliseconds
 * per batch.
 */
const LOADER_PLAN = 'CYPHER replan=force';

/**
 * Steps that bring the last-known dates up to date after a load, run after every other write.
 * Recomputed (from the whole graph, not the file) for: people in the file (a MERGE replaces their
 * properties); people on the file's PARTICIPATED_IN links; and, for records the graph held before
 * this load, the subjects of the file's events (a changed date, changed or dropped claims) and
 * of events with claims citing the file's sources (a changed publication date). A record new to
 * the graph reaches a person only through links or claims in the same file, covered above.
 */
export function lastKnownSteps(
  data: Dataset,
  labelOf: (id: string) => EntityType,
  existing: Existing,
  batchSize: number,
): Section {
  const people = [
    ...new Set([
      ...data.entities.filter((e) => e.type === ENTITY.Person).map((e) => e.id),
      ...data.relationships
        .filter((r) => r.type === 'PARTICIPATED_IN' && labelOf(r.from) === ENTITY.Person)
        .map((r) => r.from),
    ]),
  ];
  const known = (type: EntityType) =>
    data.entities.filter((e) => e.type === type && existing.entities.has(e.id)).map((e) => e.id);
  const [events, sources] = [known(ENTITY.Event), known(ENTITY.Source)];
  const step =
    (match: string) =>
    (rows: string[]): Step => ({
      cypher: `${LOADER_PLAN} UNWIND $rows AS id ${match} ${SET_LAST_KNOWN}`,
      params: { rows },
    });
  const steps = [
    ...chunks(people, batchSize).map(step(`MATCH (p:${ENTITY.Person} {id: id})`)),
    ...chunks(events, batchSize).map(
      step(
        `MATCH (:${ENTITY.Event} {id: id})<-[:PARTICIPATED_IN {role: 'subject'}]-(p:${ENTITY.Person}) WITH DISTINCT p`,
      ),
    ),
    ...chunks(sources, batchSize).map(
      step(`MATCH (:${ENTITY.Source} {id: id})<-[:CITES]-(c:Claim)
      MATCH (e:${ENTITY.Event} {id: c.about})<-[:PARTICIPATED_IN {role: 'subject'}]-(p:${ENTITY.Person}) USING INDEX SEEK e:${ENTITY.Event}(id) WITH DISTINCT p`),
    ),
  ];
  return { rows: people.length + events.length + sources.length, steps: () => steps };
}

/**
 * A graph loaded before last-known dates existed has none: fills them in for the people who are
 * subject of a dated event and lack one (at startup; a no-op, one scan, once they are there).
 * Returns how many people it set.
 */
export async function backfillLastKnown(): Promise<number> {
  const result = await autoCommit<{ people: number }>(
    `${LOADER_PLAN} MATCH (p:${ENTITY.Person}) WHERE p.lastKnownLatest IS NULL
       AND EXISTS { (p)-[:PARTICIPATED_IN {role: 'subject'}]->(e:${ENTITY.Event}) WHERE e.startLatest IS NOT NULL }
     CALL (p) { ${SET_LAST_KNOWN} } IN TRANSACTIONS OF 10000 ROWS
     RETURN count(p) AS people`,
  );
  return Number(result.records[0]?.get('people') ?? 0);
}
