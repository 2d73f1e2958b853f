import { read } from '../db/driver.js';
import { presentEntity, type EntityView } from '../safety/present.js';
import { findNode } from '../queries/entity.js';
import { datedEventView, eventFact, evidenceFor, readingsOf, type DatedEventView } from '../queries/evidence.js';
import { acrossReadings, boundsOf, certainSpan, intersect, possibleSpan, type Bounds, type Certainty } from './certainty.js';
import { pageParams, toPage, type Paging, type PatternPage } from './page.js';

type Span = { from: string; to: string };

export interface CoDetention {
  facility: EntityView;
  people: [EntityView, EntityView];
  detentions: [DatedEventView, DatedEventView];
  certainty: Certainty;
  /** When they were held together: certainly (narrow bounds) and possibly (wide bounds). */
  overlap: { certain: Span | null; possible: Span | null };
}

export interface CoDetentionPage extends PatternPage<CoDetention> { facility?: EntityView }

type Props = Record<string, unknown>;

export function heldTogether(a: Bounds, b: Bounds): Certainty | null {
  if (intersect(certainSpan(a), certainSpan(b))) return 'certain';
  return intersect(possibleSpan(a), possibleSpan(b)) ? 'possible' : null;
}

/**
 * Pairs of people held at the same facility in (possibly) overlapping intervals. Facilities are
 * walked in id order and pairs sorted within each, so pages are stable and a query stops early.
 */
export async function coDetention(input: { facility?: string | undefined }, paging: Paging): Promise<CoDetentionPage | null> {
  const facility = input.facility ? await findNode(input.facility) : null;
  if (input.facility && (!facility || facility.type !== 'Facility')) return null;
  const result = await read<{ f: Props; a: Props; b: Props; d1: Props; d2: Props }>(
    `MATCH (f:Facility) WHERE $facility IS NULL OR f.id = $facility
     WITH f ORDER BY f.id
     CALL (f) {
       MATCH (f)<-[:OCCURRED_AT]-(d1:Event {kind: 'detention'})<-[:PARTICIPATED_IN {role: 'subject'}]-(a:Person)
       WHERE d1.startLatest IS NOT NULL
       MATCH (f)<-[:OCCURRED_AT]-(d2:Event {kind: 'detention'})<-[:PARTICIPATED_IN {role: 'subject'}]-(b:Person)
       WHERE a.id < b.id AND d2.startLatest IS NOT NULL
         AND coalesce(d1.startEarliest <= d2.endLatest, true) AND coalesce(d2.startEarliest <= d1.endLatest, true)
       RETURN a, b, d1, d2 ORDER BY d1.startLatest, a.id, b.id, d1.id, d2.id
     }
     WITH f, a, b, d1, d2 SKIP $offset LIMIT $limit
     RETURN properties(f) AS f, properties(a) AS a, properties(b) AS b, properties(d1) AS d1, properties(d2) AS d2`,
    { facility: facility ? String(facility.id) : null, ...pageParams(paging) },
  );
  const rows = result.records.map((r) => r.toObject());
  const claims = await evidenceFor(rows.flatMap((r) => [eventFact(r.d1), eventFact(r.d2)]));
  const hits = rows.flatMap((row): CoDetention[] => {
    const [c1, c2] = [claims.get(String(row.d1.id)) ?? [], claims.get(String(row.d2.id)) ?? []];
    const certainty = acrossReadings([readingsOf(row.d1, c1), readingsOf(row.d2, c2)], (a, b) => heldTogether(a!, b!));
    if (!certainty) return [];
    const [b1, b2] = [boundsOf(row.d1)!, boundsOf(row.d2)!];
    return [{
      facility: presentEntity(row.f),
      people: [presentEntity(row.a), presentEntity(row.b)],
      detentions: [datedEventView(row.d1, c1, row.f), datedEventView(row.d2, c2, row.f)],
      certainty,
      overlap: { certain: intersect(certainSpan(b1), certainSpan(b2)), possible: intersect(possibleSpan(b1), possibleSpan(b2)) },
    }];
  });
  return { ...(facility ? { facility: presentEntity(facility) } : {}), ...toPage(hits, paging), hasMore: rows.length > paging.limit };
}
