import { read } from '../db/driver.js';
import { acrossReadings, certaintyOn } from '../patterns/certainty.js';
import { DEPRIVING_KINDS } from '../patterns/page.js';
import { visibleId } from '../safety/present.js';
import { findNode } from './entity.js';
import type { DeprivedStatus, PersonStatusOn, StatusAsOf } from '../views/events.js';
import { datedEventView, eventFact, evidenceFor, placeOf, readingsOf } from './evidence.js';

const STATUS_OF: Record<string, DeprivedStatus> = {
  detention: 'detained',
  disappearance: 'missing',
  'blocked-exit': 'blocked',
};
// When one person has several events on the date, the most severe names the status.
const SEVERITY: DeprivedStatus[] = ['detained', 'missing', 'blocked'];

type Props = Record<string, unknown>;
interface Row {
  person: Props;
  event: Props;
  place: Props | null;
}

/** Status on `date` of the people named by their visible ids; events and their claims come along. */
export async function statusAsOf(ids: readonly string[], date: string): Promise<StatusAsOf> {
  const nodes = await Promise.all(ids.map(findNode));
  const people = nodes.filter((n): n is Props => n !== null && n.type === 'Person');
  const unknown = ids.filter((_, i) => !nodes[i] || nodes[i]!.type !== 'Person');
  const result = await read<Row>(
    `UNWIND $ids AS pid MATCH (p:Person {id: pid})-[:PARTICIPATED_IN {role: 'subject'}]->(e:Event)
     WHERE e.kind IN $kinds AND e.startLatest IS NOT NULL
       AND coalesce(e.startEarliest <= $date, true) AND coalesce(e.endLatest >= $date, true)
     ${placeOf('e')}
     RETURN properties(p) AS person, properties(e) AS event, place ORDER BY p.id, e.startLatest, e.id`,
    { ids: people.map((p) => String(p.id)), date, kinds: DEPRIVING_KINDS },
  );
  const rows = result.records.map((r) => r.toObject());
  const claims = await evidenceFor(rows.map((r) => eventFact(r.event)));
  const byPerson = new Map<string, PersonStatusOn['events']>();
  for (const row of rows) {
    const eventClaims = claims.get(String(row.event.id)) ?? [];
    // Claims may give other dates than the event's own: the status holds across all readings.
    const certainty = acrossReadings([readingsOf(row.event, eventClaims)], (b) => certaintyOn(b, date));
    if (!certainty) continue;
    const id = visibleId(row.person);
    byPerson.set(id, [
      ...(byPerson.get(id) ?? []),
      { ...datedEventView(row.event, eventClaims, row.place), certainty },
    ]);
  }
  return {
    date,
    people: [...byPerson].map(([id, events]) => ({
      id,
      status: SEVERITY.find((s) => events.some((e) => STATUS_OF[e.kind] === s)) ?? 'detained',
      certainty: events.some((e) => e.certainty === 'certain') ? 'certain' : 'possible',
      events,
    })),
    unknown,
  };
}
