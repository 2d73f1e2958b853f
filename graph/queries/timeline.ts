import { read } from '../db/driver.js';
import { boundsOf, type Bounds } from '../dates/certainty.js';
import { parseEdtf } from '../dates/edtf.js';
import type { ReadScope } from '../read/scope.js';
import type { ClaimView } from '../views/entity.js';
import type { Timeline, TimelineGroup, TimelineItem, TimelineScope } from '../views/events.js';
import { findNode } from './entity.js';
import { cypherInt } from '../db/page.js';
import { boundsView, claimDateBounds, eventFact, placeOf, evidenceFor, whenView } from './evidence.js';
import type { Props } from '../db/props.js';
import { ENTITY } from '../vocabulary/entity-types.js';
import { IDENTIFYING_KINDS } from '../vocabulary/event-kinds.js';

export interface TimelineWindow {
  from?: string;
  to?: string;
  limit: number;
}

interface Row {
  person: Props;
  role: string;
  event: Props;
  place: Props | null;
}

// Possibly overlaps [from, to]: open or unknown bounds never exclude (graph/README.md, Dates).
// Birth and death records this reader may not read are left out: their date is the secret
// (graph/store/load-plan.ts, protectionSteps). Other withheld events keep their dates, untitled.
const window = (scope: ReadScope) => `(${scope.readable('e')} OR NOT e.kind IN $identifying)
  AND ($from IS NULL OR e.endLatest IS NULL OR e.endLatest >= $from)
  AND ($to IS NULL OR e.startEarliest IS NULL OR e.startEarliest <= $to)`;
const RETURN_ROWS = `RETURN properties(p) AS person, r.role AS role, properties(e) AS event, place
  ORDER BY coalesce(e.startEarliest, e.startLatest), e.startLatest, e.id, p.id LIMIT $limit`;

const ANCHOR_TYPES = { family: ENTITY.Family, facility: ENTITY.Facility, crossing: ENTITY.Place } as const;

/** The timeline of a scope, or null when an id in it names nothing of the right kind. */
export async function timeline(
  reader: ReadScope,
  scope: TimelineScope,
  window: TimelineWindow,
): Promise<Timeline | null> {
  const params = {
    ...reader.cypherParams,
    identifying: IDENTIFYING_KINDS,
    from: window.from ?? null,
    to: window.to ?? null,
    limit: cypherInt(window.limit + 1),
  };
  let rows: Row[];
  let anchor: Props | undefined;
  let groups: TimelineGroup[] = [];
  if (scope.kind === 'people') {
    const people = await Promise.all(scope.ids.map((id) => findNode(reader, id)));
    if (people.some((p) => p?.type !== ENTITY.Person)) return null;
    groups = (people as Props[]).map((p) => groupOf(reader, p));
    rows = await eventsOfPeople(
      reader,
      (people as Props[]).map((p) => String(p.id)),
      params,
    );
  } else {
    const [key, id] = [scope.kind, scope.ids[0]];
    anchor = (await findNode(reader, id)) ?? undefined;
    if (!anchor || anchor.type !== ANCHOR_TYPES[key] || (key === 'crossing' && anchor.kind !== 'border-crossing'))
      return null;
    if (key === 'family') {
      const members = await familyMembers(String(anchor.id));
      groups = members.map((p) => groupOf(reader, p, reader.visibleId(anchor!)));
      rows = await eventsOfPeople(
        reader,
        members.map((p) => String(p.id)),
        params,
      );
    } else {
      rows = await eventsAt(reader, String(anchor.id), params);
    }
  }
  const truncated = rows.length > window.limit;
  rows = rows.slice(0, window.limit);
  for (const row of rows)
    if (!groups.some((g) => g.id === reader.visibleId(row.person))) groups.push(groupOf(reader, row.person));
  const claims = await evidenceFor(
    reader,
    rows.map((r) => eventFact(reader, r.event)),
  );
  const items = rows.flatMap((row) => itemsOf(reader, row, claims.get(String(row.event.id)) ?? []));
  return {
    ...(anchor ? { anchor: reader.present(anchor) } : {}),
    groups,
    items,
    undated: rows.length - new Set(items.map((i) => i.id.split('#')[0])).size,
    truncated,
  };
}

function groupOf(reader: ReadScope, person: Props, family?: string): TimelineGroup {
  const view = reader.present(person);
  return {
    id: view.id,
    name: view.name,
    ...(view.protected ? { protected: true } : {}),
    ...(family ? { family } : {}),
  };
}

async function familyMembers(familyId: string): Promise<Props[]> {
  const result = await read<{ p: Props }>(
    `MATCH (p:${ENTITY.Person})-[m:MEMBER_OF]->(:${ENTITY.Family} {id: $familyId})
     RETURN properties(p) AS p ORDER BY CASE m.role WHEN 'parent' THEN 0 WHEN 'partner' THEN 1 WHEN 'child' THEN 2 ELSE 3 END, p.id LIMIT 500`,
    { familyId },
  );
  return result.records.map((r) => r.get('p'));
}

async function eventsOfPeople(reader: ReadScope, ids: string[], params: Record<string, unknown>): Promise<Row[]> {
  const result = await read<Row>(
    `UNWIND $ids AS pid
     MATCH (p:${ENTITY.Person} {id: pid})-[r:PARTICIPATED_IN]->(e:${ENTITY.Event}) WHERE ${window(reader)}
     ${placeOf('e')}
     ${RETURN_ROWS}`,
    { ...params, ids },
  );
  return result.records.map((r) => r.toObject());
}

async function eventsAt(reader: ReadScope, anchorId: string, params: Record<string, unknown>): Promise<Row[]> {
  const result = await read<Row>(
    `MATCH (:Entity {id: $anchorId})<-[:OCCURRED_AT]-(e:${ENTITY.Event}) WHERE ${window(reader)}
     MATCH (p:${ENTITY.Person})-[r:PARTICIPATED_IN {role: 'subject'}]->(e)
     ${placeOf('e')}
     ${RETURN_ROWS}`,
    { ...params, anchorId },
  );
  return result.records.map((r) => r.toObject());
}

/**
 * One item per event and person, or, when the claims give different dates, one item per claimed
 * date with the claims that give it: sources that disagree are shown side by side, never merged.
 */
function itemsOf(reader: ReadScope, row: Row, claims: ClaimView[]): TimelineItem[] {
  const eventDate = typeof row.event.date === 'string' ? row.event.date : null;
  const byDate = new Map<string, ClaimView[]>();
  for (const claim of claims) {
    const date = claim.date ?? eventDate;
    if (date) byDate.set(date, [...(byDate.get(date) ?? []), claim]);
  }
  if (byDate.size === 0 && eventDate) byDate.set(eventDate, []);
  const conflict = byDate.size > 1;
  const base = reader.present(row.event);
  const group = reader.visibleId(row.person);
  return [...byDate].map(([edtf, dated], index): TimelineItem => {
    const own = edtf === eventDate;
    const bounds: Bounds | null = own ? boundsOf(row.event) : claimDateBounds(edtf, dated);
    const parsed = own
      ? { approximate: row.event.approximate === true, uncertain: row.event.uncertain === true }
      : parseEdtf(edtf);
    return {
      id: `${base.id}|${group}${conflict ? `#${index + 1}` : ''}`,
      eventId: base.id,
      group,
      role: row.role,
      kind: String(row.event.kind),
      title: base.name,
      edtf,
      ...whenView(reader, row.event, edtf, dated),
      ...boundsView(bounds),
      approximate: parsed.approximate,
      uncertain: parsed.uncertain,
      point: !edtf.includes('/'),
      ...(row.place ? { place: reader.present(row.place) } : {}),
      claims: conflict ? dated : claims,
      ...(conflict ? { conflict: true as const } : {}),
    };
  });
}
