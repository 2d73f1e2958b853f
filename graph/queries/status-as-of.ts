import { read } from '../db/driver.js';
import { libertyOn } from '../dates/liberty.js';
import { DEPRIVING_EVENT_KINDS } from '../schema/index.js';
import type { ReadScope } from '../read/scope.js';
import { claimView } from './claims.js';
import { datedEventView, eventFact, placeOf, readingsOf } from './evidence.js';
import type { Props } from '../db/props.js';
import type { ClaimView } from '../views/entity.js';
import { ENTITY } from '../vocabulary/entity-types.js';
import { DEPRIVED_STATUSES, releaseKinds, statusOfKind } from '../vocabulary/event-kinds.js';
import type { PersonStatusOn, StatusAsOf } from '../views/events.js';

export interface LibertyRow {
  personId: string;
  event: Props;
  place: Props | null;
}

const RELEASE_KINDS = releaseKinds();

/**
 * Every deprivation and release of these people (by real id), dated or not, with its place. Not
 * filtered by date: a claim may date an event otherwise than the event does, and an undated
 * deprivation holds "at an unknown time", so the four states are worked out from all of them.
 */
export async function libertyEvents(personIds: readonly string[]): Promise<LibertyRow[]> {
  const result = await read<LibertyRow>(
    `UNWIND $ids AS pid MATCH (:${ENTITY.Person} {id: pid})-[:PARTICIPATED_IN {role: 'subject'}]->(e:${ENTITY.Event})
     WHERE e.kind IN $kinds
     ${placeOf('e')}
     RETURN pid AS personId, properties(e) AS event, place ORDER BY pid, e.startLatest, e.id`,
    { ids: personIds, kinds: [...DEPRIVING_EVENT_KINDS, ...RELEASE_KINDS] },
  );
  return result.records.map((r) => r.toObject());
}

/** One person's state on `date` from their deprivation and release rows and the claims behind them. */
export function personStatusOn(
  scope: ReadScope,
  id: string,
  rows: readonly LibertyRow[],
  claims: ReadonlyMap<string, ClaimView[]>,
  date: string,
): PersonStatusOn {
  const withClaims = rows.map((row) => ({ row, claims: claims.get(String(row.event.id)) ?? [] }));
  const deprivations = withClaims.filter((r) => statusOfKind(String(r.row.event.kind)));
  // A release counts as evidence of freedom only with a claim: a source must say so.
  const releases = withClaims.filter((r) => !statusOfKind(String(r.row.event.kind)) && r.claims.length > 0);
  const readings = (r: (typeof withClaims)[number]) => ({ readings: readingsOf(r.row.event, r.claims) });
  const on = libertyOn(date, deprivations.map(readings), releases.map(readings));
  const view = (r: (typeof withClaims)[number]) => datedEventView(scope, r.row.event, r.claims, r.row.place);
  const held = deprivations.flatMap((r, i) => {
    const certainty = on.deprivations[i];
    return certainty ? [{ ...view(r), certainty }] : [];
  });
  // When several hold on the date, the most severe names the status.
  const status = DEPRIVED_STATUSES.find((s) => held.some((e) => statusOfKind(e.kind) === s));
  return {
    id,
    state: on.state,
    ...(status ? { status } : {}),
    events: on.state === 'free' ? on.releases.map((i) => view(releases[i]!)) : held,
  };
}

/** What one query gives of an asked person: enough to name them, and their events with claims. */
interface AskedRow {
  asked: string[];
  person: Props;
  events: { event: Props; place: Props | null; claims: { c: Props; s: Props }[] }[];
}

/**
 * Status on `date` of the people named by their visible ids, each in one of the four states with
 * the events and claims behind it (graph/dates/liberty.ts). One query finds the people the reader
 * may name (a protected person only by public id below their clearance, as findNodes does), their
 * deprivations and releases, and the claims behind these: a view of 500 people is one round trip.
 */
export async function statusAsOf(scope: ReadScope, ids: readonly string[], date: string): Promise<StatusAsOf> {
  const result = await read<AskedRow>(
    `UNWIND $ids AS asked
     CALL (asked) {
       MATCH (n:Entity {id: asked}) WHERE n:${ENTITY.Person} AND ${scope.readable('n')} RETURN n
       UNION
       MATCH (n:Entity {publicId: asked}) WHERE n:${ENTITY.Person} RETURN n
     }
     WITH n, collect(asked) AS asked
     CALL (n) {
       MATCH (n)-[:PARTICIPATED_IN {role: 'subject'}]->(e:${ENTITY.Event}) WHERE e.kind IN $kinds
       ${placeOf('e')}
       WITH e, place ORDER BY e.startLatest, e.id
       RETURN collect({event: properties(e), place: place, claims: COLLECT {
         MATCH (c:Claim {about: e.id})-[:CITES]->(s:${ENTITY.Source}) WITH c, s ORDER BY c.seq
         RETURN {c: properties(c), s: properties(s)}
       }}) AS events
     }
     RETURN asked, n {.id, .publicId, .type, .needs, .protected} AS person, events`,
    { ids: [...new Set(ids)], kinds: [...DEPRIVING_EVENT_KINDS, ...RELEASE_KINDS], ...scope.cypherParams },
  );
  const found = result.records.map((r) => r.toObject());
  // In the order asked, by the ids that named each person to this reader (never by a real id the
  // reader may not use: its place in the answer would confirm whose it is).
  const firstAsked = new Map<string, number>();
  for (const [i, id] of ids.entries()) if (!firstAsked.has(id)) firstAsked.set(id, i);
  const people = found.map(({ asked, person, events }) => {
    const personId = String(person.id);
    const claims = new Map<string, ClaimView[]>();
    for (const { event, claims: cited } of events) {
      const fact = eventFact(scope, event);
      claims.set(
        fact.id,
        cited.map(({ c, s }) => claimView(scope, c, s, fact.visibleId, fact.withheld)),
      );
    }
    const rows = events.map(({ event, place }) => ({ personId, event, place }));
    return {
      order: Math.min(...asked.map((id) => firstAsked.get(id)!)),
      view: personStatusOn(scope, scope.visibleId(person), rows, claims, date),
    };
  });
  const named = new Set(found.flatMap((row) => row.asked));
  return {
    date,
    people: people.sort((a, b) => a.order - b.order).map((p) => p.view),
    notFound: ids.filter((id) => !named.has(id)),
  };
}
