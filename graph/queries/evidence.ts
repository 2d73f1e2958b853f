import { parseEdtf } from '../dates/edtf.js';
import { boundsOf, type Bounds } from '../dates/certainty.js';
import { closeBySource, publicationLatest } from '../dates/close.js';
import { phraseOf } from '../dates/phrase.js';
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
  const edtf = typeof event.date === 'string' ? event.date : null;
  return {
    id: view.id,
    kind: String(event.kind),
    title: view.name,
    edtf,
    ...whenView(scope, event, edtf),
    ...boundsView(b),
    approximate: event.approximate === true,
    uncertain: event.uncertain === true,
    ...(place ? { place: scope.present(place) } : {}),
    claims,
  };
}

/**
 * A date in words, and the source's own words for the event's date where the import kept them:
 * read through the scope like the event's other text fields (a reader who may not read the event,
 * or a field of it that names someone protected, does not get them).
 */
export function whenView(
  scope: ReadScope,
  event: Props,
  edtf: string | null,
  claims: readonly ClaimView[] = [],
): Pick<DatedEventView, 'phrase' | 'asWritten'> {
  if (!edtf) return { phrase: null };
  const own = edtf === event.date ? scope.present(event, { detail: true }).dateAsWritten : undefined;
  const written = typeof own === 'string' ? own : claims.find((c) => c.date === edtf)?.dateAsWritten;
  return { phrase: phraseOf(edtf), ...(written ? { asWritten: written } : {}) };
}

/** The bounds of a date a claim gives: an "on or after" bound closed by its source's date (close.ts). */
export function claimDateBounds(edtf: string, claims: readonly ClaimView[]): Bounds {
  const days = claims.filter((c) => c.date === edtf).map((c) => publicationLatest(c.source.date));
  const latest = days.length > 0 && days.every((d) => d !== null) ? days.reduce((a, b) => (a! > b! ? a : b)) : null;
  const { startEarliest, startLatest, endEarliest, endLatest, openEnd } = closeBySource(parseEdtf(edtf), latest);
  return { startEarliest, startLatest, endEarliest, endLatest, openEnd };
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

export const relationshipFact = (scope: ReadScope, type: string, rel: Props, a: Props, b: Props): Fact => ({
  id: String(rel.id),
  visibleId: scope.relationshipId(rel, a, b),
  withheld: scope.kinshipWithheld(type, rel, a, b),
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
  return claims.flatMap((claim) => (claim.date ? [claimDateBounds(claim.date, [claim])] : []));
}
