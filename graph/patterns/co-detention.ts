import { read } from '../db/driver.js';
import type { ReadScope } from '../read/scope.js';
import type { CoDetention, CoDetentionPage } from '../views/patterns.js';
import { findNode } from '../queries/entity.js';
import { datedEventView, eventFact, evidenceFor, readingsOf } from '../queries/evidence.js';
import {
  acrossReadings,
  boundsOf,
  certainSpan,
  intersect,
  possibleSpan,
  type Bounds,
  type Certainty,
} from '../dates/certainty.js';
import { overlappingStays, type RowWindow, type Stay, type StayPair } from './overlapping-stays.js';
import { cypherInt, toPage, type Paging } from '../db/page.js';
import type { Props } from '../db/props.js';
import { ENTITY } from '../vocabulary/entity-types.js';
import { isIdentified, type LocationPrecision, precisionOf } from '../vocabulary/precision.js';

export function heldTogether(a: Bounds, b: Bounds): Certainty | null {
  if (intersect(certainSpan(a), certainSpan(b))) return 'certain';
  return intersect(possibleSpan(a), possibleSpan(b)) ? 'possible' : null;
}

/**
 * "Held together" at a record that does not identify one facility ("Prison, Urumqi": any of the
 * city's prisons) is possible at most, however certain the dates (graph/README.md).
 */
export function atPrecision(certainty: Certainty | null, precision: LocationPrecision): Certainty | null {
  return certainty === 'certain' && !isIdentified(precision) ? 'possible' : certainty;
}

/**
 * Pairs of people held at the same facility in (possibly) overlapping intervals. Facilities are
 * walked in id order and pairs sorted within each, so pages are stable and a query stops early:
 * each facility's detentions come back as compact rows and are paired in TypeScript
 * (overlapping-stays.ts), then only the page's nodes are read in full.
 */
export async function coDetention(
  scope: ReadScope,
  input: { facility?: string | undefined },
  paging: Paging,
): Promise<CoDetentionPage | null> {
  const facility = input.facility ? await findNode(scope, input.facility) : null;
  if (input.facility && facility?.type !== ENTITY.Facility) return null;
  const window = { skip: paging.offset, take: paging.limit + 1 };
  const found = facility
    ? pairsAt(String(facility.id), await staysAt({ id: String(facility.id) }), window)
    : await pairsAcrossFacilities(window);
  const rows = await withProperties(found);
  const claims = await evidenceFor(
    scope,
    rows.flatMap((r) => [eventFact(scope, r.d1), eventFact(scope, r.d2)]),
  );
  const hits = rows.flatMap((row): CoDetention[] => {
    const [c1, c2] = [claims.get(String(row.d1.id)) ?? [], claims.get(String(row.d2.id)) ?? []];
    const precision = precisionOf(row.f);
    const certainty = atPrecision(
      acrossReadings([readingsOf(row.d1, c1), readingsOf(row.d2, c2)], (a, b) => heldTogether(a!, b!)),
      precision,
    );
    if (!certainty) return [];
    const [b1, b2] = [boundsOf(row.d1)!, boundsOf(row.d2)!];
    return [
      {
        facility: scope.present(row.f),
        precision,
        people: [scope.present(row.a), scope.present(row.b)],
        detentions: [datedEventView(scope, row.d1, c1, row.f), datedEventView(scope, row.d2, c2, row.f)],
        certainty,
        overlap: {
          certain: intersect(certainSpan(b1), certainSpan(b2)),
          possible: intersect(possibleSpan(b1), possibleSpan(b2)),
        },
      },
    ];
  });
  return {
    ...(facility ? { facility: scope.present(facility) } : {}),
    ...toPage(hits, paging),
    hasMore: rows.length > paging.limit,
  };
}

type FacilityPair = StayPair & { facility: string };

function pairsAt(facility: string, stays: Map<string, Stay[]>, window: RowWindow): FacilityPair[] {
  return overlappingStays(stays.get(facility) ?? [], window).pairs.map((pair) => ({ facility, ...pair }));
}

/** Facilities in id order, a few more each round trip, until the page is full or none are left. */
async function pairsAcrossFacilities(window: RowWindow): Promise<FacilityPair[]> {
  const pairs: FacilityPair[] = [];
  let skip = window.skip;
  let after = '';
  for (let count = 1; pairs.length < window.take; count = Math.min(count * 2, 64)) {
    const stays = await staysAt({ after, count });
    for (const [facility, list] of stays) {
      const found = overlappingStays(list, { skip, take: window.take - pairs.length });
      skip -= found.skipped;
      pairs.push(...found.pairs.map((pair) => ({ facility, ...pair })));
      after = facility;
      if (pairs.length >= window.take) break;
    }
    if (stays.size < count) break;
  }
  return pairs;
}

/** The detentions at one facility, or at the `count` facilities after `after` in id order, as compact stays. */
async function staysAt(facilities: { id: string } | { after: string; count: number }): Promise<Map<string, Stay[]>> {
  const which =
    'id' in facilities
      ? { cypher: `MATCH (f:${ENTITY.Facility} {id: $id})`, params: { id: facilities.id } }
      : {
          cypher: `MATCH (f:${ENTITY.Facility}) WHERE f.id > $after WITH f ORDER BY f.id LIMIT $count`,
          params: { after: facilities.after, count: cypherInt(facilities.count) },
        };
  const result = await read<{ facility: string; stays: [string, string, string | null, string, string | null][] }>(
    `${which.cypher}
     RETURN f.id AS facility, COLLECT {
       MATCH (f)<-[:OCCURRED_AT]-(d:${ENTITY.Event} {kind: 'detention'})<-[:PARTICIPATED_IN {role: 'subject'}]-(p:${ENTITY.Person})
       WHERE d.startLatest IS NOT NULL
       RETURN [d.id, p.id, d.startEarliest, d.startLatest, d.endLatest]
     } AS stays ORDER BY facility`,
    which.params,
  );
  return new Map(
    result.records.map((r) => [
      r.get('facility'),
      r.get('stays').map(([event, person, startEarliest, startLatest, endLatest]) => ({
        event,
        person,
        startEarliest,
        startLatest,
        endLatest,
      })),
    ]),
  );
}

/** The page's facilities, people and detentions, read in full by id. */
async function withProperties(
  pairs: FacilityPair[],
): Promise<{ f: Props; a: Props; b: Props; d1: Props; d2: Props }[]> {
  const ids = [
    ...new Set(pairs.flatMap((p) => [p.facility, p.first.person, p.second.person, p.first.event, p.second.event])),
  ];
  const result = await read<{ id: string; props: Props }>(
    'UNWIND $ids AS id MATCH (n:Entity {id: id}) RETURN id, properties(n) AS props',
    { ids },
  );
  const props = new Map(result.records.map((r) => [r.get('id'), r.get('props')]));
  return pairs.flatMap((p) => {
    const [f, a, b, d1, d2] = [p.facility, p.first.person, p.second.person, p.first.event, p.second.event].map((id) =>
      props.get(id),
    );
    return f && a && b && d1 && d2 ? [{ f, a, b, d1, d2 }] : []; // a node wiped since the stays were read
  });
}
