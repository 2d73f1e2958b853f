import { read } from '../db/driver.js';
import { presentEntity, type EntityView } from '../safety/present.js';
import { datedEventView, eventFact, evidenceFor, placeOf, type DatedEventView } from '../queries/evidence.js';
import { addMonths, type Certainty } from './certainty.js';
import { DEPRIVING_KINDS, pageParams, toPage, type Paging, type PatternPage } from './page.js';

export interface StaleStatus {
  person: EntityView;
  certainty: Certainty;
  /** The latest date anything is known about them: an event's end or date, a claimed date, a source's date. */
  lastKnown: { earliest: string; latest: string };
  /** Their most recent events (up to 3), with the claims behind them. */
  evidence: DatedEventView[];
}

export interface StaleStatusPage extends PatternPage<StaleStatus> { asOf: string; months: number; cutoff: string }

type Props = Record<string, unknown>;

/**
 * People who were ever detained, missing or blocked whose last confirmed status (latest event,
 * claimed or source date about them) is older than `months` before `asOf`. Certain when even the
 * latest reading of that date is before the cutoff; possible when only the earliest is.
 */
export async function staleStatus(input: { months: number; asOf: string }, paging: Paging): Promise<StaleStatusPage> {
  const cutoff = addMonths(input.asOf, -input.months);
  const result = await read<{ p: Props; earliest: string; latest: string }>(
    `MATCH (d:Event) WHERE d.kind IN $kinds AND d.startLatest IS NOT NULL
     MATCH (p:Person)-[:PARTICIPATED_IN {role: 'subject'}]->(d)
     WITH DISTINCT p
     CALL (p) {
       MATCH (p)-[:PARTICIPATED_IN {role: 'subject'}]->(e:Event) WHERE e.startLatest IS NOT NULL
       OPTIONAL MATCH (c:Claim {about: e.id})-[:CITES]->(s:Source)
       WITH e, c, s, [
         [coalesce(e.endEarliest, e.startEarliest, e.startLatest), coalesce(e.endLatest, e.startLatest)],
         [coalesce(c.endEarliest, c.startEarliest, c.startLatest), coalesce(c.endLatest, c.startLatest)],
         [coalesce(s.startEarliest, s.startLatest), s.startLatest]
       ] AS readings
       UNWIND readings AS r
       WITH r WHERE r[1] IS NOT NULL
       RETURN max(r[0]) AS earliest, max(r[1]) AS latest
     }
     WITH p, earliest, latest WHERE earliest < $cutoff
     RETURN properties(p) AS p, earliest, latest ORDER BY latest, earliest, p.id SKIP $offset LIMIT $limit`,
    { kinds: DEPRIVING_KINDS, cutoff, ...pageParams(paging) },
  );
  const rows = result.records.map((r) => r.toObject()).slice(0, paging.limit);
  const recent = await recentEvents(rows.map((r) => String(r.p.id)));
  const claims = await evidenceFor(recent.map((r) => eventFact(r.event)));
  const items = rows.map((row): StaleStatus => ({
    person: presentEntity(row.p),
    certainty: row.latest < cutoff ? 'certain' : 'possible',
    lastKnown: { earliest: row.earliest, latest: row.latest },
    evidence: recent.filter((r) => r.personId === row.p.id).map((r) => datedEventView(r.event, claims.get(String(r.event.id)) ?? [], r.place)),
  }));
  return { asOf: input.asOf, months: input.months, cutoff, items, offset: paging.offset, limit: paging.limit, hasMore: result.records.length > paging.limit };
}

async function recentEvents(personIds: string[]) {
  const result = await read<{ personId: string; event: Props; place: Props | null }>(
    `UNWIND $personIds AS pid
     CALL (pid) {
       MATCH (:Person {id: pid})-[:PARTICIPATED_IN {role: 'subject'}]->(e:Event) WHERE e.startLatest IS NOT NULL
       RETURN e ORDER BY coalesce(e.endLatest, e.startLatest) DESC, e.id LIMIT 3
     }
     ${placeOf('e')}
     RETURN pid AS personId, properties(e) AS event, place`,
    { personIds },
  );
  return result.records.map((r) => r.toObject());
}
