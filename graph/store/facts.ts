import type { Dataset } from '../schema/index.js';
import { ENTITY } from '../vocabulary/entity-types.js';

/** Every fact a dataset makes claims about: its events and its relationships. */
export function claimedFacts(data: Dataset) {
  return [
    ...data.entities.flatMap((e) =>
      e.type === ENTITY.Event ? [{ about: e.id, kind: ENTITY.Event, claims: e.claims }] : [],
    ),
    ...data.relationships.map((r) => ({ about: r.id, kind: 'Relationship' as const, claims: r.claims })),
  ];
}

/** How many claims these facts make (claimedFacts). */
export const claimCount = (facts: { claims: unknown[] }[]) => facts.reduce((n, f) => n + f.claims.length, 0);
