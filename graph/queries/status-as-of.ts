import { read } from '../db/driver.js';
import { acrossReadings, certaintyOn } from '../dates/certainty.js';
import { DEPRIVING_EVENT_KINDS } from '../schema/index.js';
import type { ReadScope } from '../read/scope.js';
import { findNode } from './entity.js';
import { datedEventView, eventFact, evidenceFor, placeOf, readingsOf } from './evidence.js';
import type { Props } from '../db/props.js';
import { ENTITY } from '../vocabulary/entity-types.js';
import { DEPRIVED_STATUSES, statusOfKind } from '../vocabulary/event-kinds.js';
import type { PersonStatusOn, StatusAsOf } from '../views/events.js';

interface Row {
  person: Props;
  event: Props;
  place: Props | null;
}

/** Status on `date` of the people named by their visible ids; events and their claims come along. */
export async function statusAsOf(scope: ReadScope, ids: readonly string[], date: string): Promise<StatusAsOf> {
  const nodes = await Promise.all(ids.map((id) => findNode(scope, id)));
  const people = nodes.filter((n): n is Props => n !== null && n.type === ENTITY.Person);
  const unknown = ids.filter((_, i) => !nodes[i] || nodes[i]!.type !== ENTITY.Person);
  const result = await read<Row>(
    `UNWIND $ids AS pid MATCH (p:${ENTITY.Person} {id: pid})-[:PARTICIPATED_IN {role: 'subject'}]->(e:${ENTITY.Event})
     WHERE e.kind IN $kinds AND e.startLatest IS NOT NULL
       AND coalesce(e.startEarliest <= $date, true) AND coalesce(e.endLatest >= $date, true)
     ${placeOf('e')}
     RETURN properties(p) AS person, properties(e) AS event, place ORDER BY p.id, e.startLatest, e.id`,
    { ids: people.map((p) => String(p.id)), date, kinds: DEPRIVING_EVENT_KINDS },
  );
  const rows = result.records.map((r) => r.toObject());
  const claims = await evidenceFor(
    scope,
    rows.map((r) => eventFact(scope, r.event)),
  );
  const byPerson = new Map<string, PersonStatusOn['events']>();
  for (const row of rows) {
    const eventClaims = claims.get(String(row.event.id)) ?? [];
    // Claims may give other dates than the event's own: the status holds across all readings.
    const certainty = acrossReadings([readingsOf(row.event, eventClaims)], (b) => certaintyOn(b, date));
    if (!certainty) continue;
    const id = scope.visibleId(row.person);
    byPerson.set(id, [
      ...(byPerson.get(id) ?? []),
      { ...datedEventView(scope, row.event, eventClaims, row.place), certainty },
    ]);
  }
  return {
    date,
    people: [...byPerson].map(([id, events]) => ({
      id,
      // When one person has several events on the date, the most severe names the status.
      status: DEPRIVED_STATUSES.find((s) => events.some((e) => statusOfKind(e.kind) === s)) ?? DEPRIVED_STATUSES[0],
      certainty: events.some((e) => e.certainty === 'certain') ? 'certain' : 'possible',
      events,
    })),
    unknown,
  };
}
