import { read } from '../db/driver.js';
import type { ReadScope } from '../read/scope.js';
import { datedEventView, eventFact, evidenceFor, placeOf } from '../queries/evidence.js';
import { addMonths } from '../dates/certainty.js';
import { pageParams, type Paging } from '../db/page.js';
import type { Props } from '../db/props.js';
import { DEPRIVING_EVENT_KINDS } from '../schema/index.js';
import { ENTITY } from '../vocabulary/entity-types.js';
import type { StaleStatus, StaleStatusPage } from '../views/patterns.js';

/**
 * People who were ever detained, missing or blocked whose last confirmed status (latest event,
 * claimed or source date about them) is older than `months` before `asOf`. Certain when even the
 * latest reading of that date is before the cutoff; possible when only the earliest is. The date
 * is kept on the person by the loader (store/last-known.ts), so a page walks the index in order
 * and stops once it is full.
 */
export async function staleStatus(
  scope: ReadScope,
  input: { months: number; asOf: string },
  paging: Paging,
): Promise<StaleStatusPage> {
  const cutoff = addMonths(input.asOf, -input.months);
  const result = await read<{ p: Props; earliest: string; latest: string }>(
    `MATCH (p:${ENTITY.Person}) WHERE p.lastKnownLatest IS NOT NULL AND p.lastKnownEarliest < $cutoff
       AND EXISTS { (p)-[:PARTICIPATED_IN {role: 'subject'}]->(d:${ENTITY.Event}) WHERE d.kind IN $kinds }
     WITH p, p.lastKnownEarliest AS earliest, p.lastKnownLatest AS latest ORDER BY latest, earliest, p.id SKIP $offset LIMIT $limit
     RETURN properties(p) AS p, earliest, latest`,
    { kinds: DEPRIVING_EVENT_KINDS, cutoff, ...pageParams(paging) },
  );
  const rows = result.records.map((r) => r.toObject()).slice(0, paging.limit);
  const recent = await recentEvents(rows.map((r) => String(r.p.id)));
  const claims = await evidenceFor(
    scope,
    recent.map((r) => eventFact(scope, r.event)),
  );
  const items = rows.map(
    (row): StaleStatus => ({
      person: scope.present(row.p),
      certainty: row.latest < cutoff ? 'certain' : 'possible',
      lastKnown: { earliest: row.earliest, latest: row.latest },
      evidence: recent
        .filter((r) => r.personId === row.p.id)
        .map((r) => datedEventView(scope, r.event, claims.get(String(r.event.id)) ?? [], r.place)),
    }),
  );
  return {
    asOf: input.asOf,
    months: input.months,
    cutoff,
    items,
    offset: paging.offset,
    limit: paging.limit,
    hasMore: result.records.length > paging.limit,
  };
}

async function recentEvents(personIds: string[]) {
  const result = await read<{ personId: string; event: Props; place: Props | null }>(
    `UNWIND $personIds AS pid
     CALL (pid) {
       MATCH (:${ENTITY.Person} {id: pid})-[:PARTICIPATED_IN {role: 'subject'}]->(e:${ENTITY.Event})
       WHERE e.startLatest IS NOT NULL OR e.kind IN $kinds
       RETURN e ORDER BY coalesce(e.endLatest, e.startLatest, '') DESC, e.id LIMIT 3
     }
     ${placeOf('e')}
     RETURN pid AS personId, properties(e) AS event, place`,
    // Undated deprivations too (last): they are why the person may still be held.
    { personIds, kinds: DEPRIVING_EVENT_KINDS },
  );
  return result.records.map((r) => r.toObject());
}
