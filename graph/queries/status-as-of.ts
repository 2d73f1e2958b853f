import { read } from '../db/driver.js';
import { libertyOn } from '../dates/liberty.js';
import { DEPRIVING_EVENT_KINDS } from '../schema/index.js';
import type { ReadScope } from '../read/scope.js';
import { findNodes } from './entity.js';
import { datedEventView, eventFact, evidenceFor, placeOf, readingsOf } from './evidence.js';
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

/**
 * Status on `date` of the people named by their visible ids, each in one of the four states with
 * the events and claims behind it (graph/dates/liberty.ts).
 */
export async function statusAsOf(scope: ReadScope, ids: readonly string[], date: string): Promise<StatusAsOf> {
  const nodes = await findNodes(scope, ids);
  const isPerson = (n: Props | null): n is Props => n !== null && n.type === ENTITY.Person;
  const people = [...new Map(nodes.filter(isPerson).map((p) => [String(p.id), p])).values()];
  const notFound = ids.filter((_, i) => !isPerson(nodes[i] ?? null));
  const rows = await libertyEvents(people.map((p) => String(p.id)));
  const claims = await evidenceFor(
    scope,
    rows.map((r) => eventFact(scope, r.event)),
  );
  const rowsOf = new Map<string, LibertyRow[]>();
  for (const row of rows) rowsOf.set(row.personId, [...(rowsOf.get(row.personId) ?? []), row]);
  return {
    date,
    people: people.map((p) => personStatusOn(scope, scope.visibleId(p), rowsOf.get(String(p.id)) ?? [], claims, date)),
    notFound,
  };
}
