import { parseEdtf } from '../dates/edtf.js';
import { boundsOf, type Bounds } from '../dates/certainty.js';
import type { ReadScope } from '../read/scope.js';
import { claimsAbout, type Fact } from './claims.js';
import type { Props } from '../db/props.js';
import type { ClaimView } from '../views/entity.js';
import type { DatedEventView } from '../views/events.js';

export function datedEventView(
  scope: ReadScope,
  event: Props,
  claims: ClaimView[],
  place?: Props | null,
): DatedEventView {
  const b = boundsOf(event);
  const view = scope.present(event);
  return {
    id: view.id,
    kind: String(event.kind),
    title: view.name,
    edtf: typeof event.date === 'string' ? event.date : null,
    ...boundsView(b),
    approximate: event.approximate === true,
    uncertain: event.uncertain === true,
    ...(place ? { place: scope.present(place) } : {}),
    claims,
  };
}

export function boundsView(b: Bounds | null): Pick<DatedEventView, 'start' | 'end' | 'openEnd'> {
  if (!b) return { start: null, end: null, openEnd: 'none' };
  const hasEnd = b.endEarliest !== null || b.endLatest !== null;
  const point = b.openEnd === 'none' && b.endEarliest === b.startEarliest && b.endLatest === b.startLatest;
  return {
    start: { earliest: b.startEarliest, latest: b.startLatest },
    end: hasEnd && !point ? { earliest: b.endEarliest, latest: b.endLatest } : null,
    openEnd: b.openEnd,
  };
}

/** Cypher: the first place or facility the event variable `v` OCCURRED_AT, as `place` (null if none). */
export const placeOf = (v: 'e' | 'd' | 'c') =>
  `CALL (${v}) { OPTIONAL MATCH (${v})-[:OCCURRED_AT]->(at:Entity) RETURN properties(at) AS place ORDER BY at.id LIMIT 1 }`;

export type { Fact };

/** Claims for events and relationships, keyed by the fact's real id (claims.ts). */
export const evidenceFor = claimsAbout;

export const eventFact = (scope: ReadScope, event: Props): Fact => ({
  id: String(event.id),
  visibleId: scope.visibleId(event),
  withheld: !scope.mayRead(event),
});

export const relationshipFact = (scope: ReadScope, rel: Props, a: Props, b: Props): Fact => ({
  id: String(rel.id),
  visibleId: scope.relationshipId(rel, a, b),
  withheld: !scope.relationshipReadable(rel, a, b),
});

/** The readings of an event's date: its own bounds, then each date a claim gives (deduplicated). */
export function readingsOf(event: Props, claims: readonly ClaimView[]): Bounds[] {
  const own = boundsOf(event);
  const dates = new Set<string>();
  const claimed = claims.filter((claim) => {
    if (!claim.date || (own && claim.date === event.date) || dates.has(claim.date)) return false;
    dates.add(claim.date);
    return true;
  });
  return [...(own ? [own] : []), ...claimedBounds(claimed)];
}

/** The dates the claims give, where they give one (two sources may disagree). */
export function claimedBounds(claims: readonly ClaimView[]): Bounds[] {
  return claims.flatMap((claim) => {
    if (!claim.date) return [];
    const { startEarliest, startLatest, endEarliest, endLatest, openEnd } = parseEdtf(claim.date);
    return [{ startEarliest, startLatest, endEarliest, endLatest, openEnd }];
  });
}
