import { read } from '../db/driver.js';
import type { ReadScope } from '../read/scope.js';
import type { CrossingDetention, CrossingDetentionPage } from '../views/patterns.js';
import { findNode } from '../queries/entity.js';
import { datedEventView, eventFact, evidenceFor, placeOf, readingsOf } from '../queries/evidence.js';
import { acrossReadings, addDays, daysBetween, type Bounds, type Certainty } from '../dates/certainty.js';
import { pageParams, toPage, type Paging } from '../db/page.js';
import type { Props } from '../db/props.js';
import { ENTITY } from '../vocabulary/entity-types.js';

export interface CrossingWindow {
  from: string;
  to: string;
  days: number;
}

/**
 * Cypher: crossing events `c` at border post `x` possibly in [$from, $to], their subjects `p`, and
 * those subjects' detentions `d` possibly starting within $days after the crossing.
 */
export const CROSSED_THEN_DETAINED = `
  MATCH (x)<-[:OCCURRED_AT]-(c:${ENTITY.Event} {kind: 'crossing'})
  WHERE c.startLatest >= $from AND coalesce(c.startEarliest <= $to, true)
  MATCH (p:${ENTITY.Person})-[:PARTICIPATED_IN {role: 'subject'}]->(c)
  MATCH (p)-[:PARTICIPATED_IN {role: 'subject'}]->(d:${ENTITY.Event} {kind: 'detention'})
  WHERE d.startLatest IS NOT NULL
    AND coalesce(d.startLatest >= c.startEarliest, true)
    AND coalesce(d.startEarliest <= toString(date(c.startLatest) + duration({days: $days})), true)`;

/** The bounds crossedThenDetained reads: only when each event began. */
export type Starts = Pick<Bounds, 'startEarliest' | 'startLatest'>;

/** Crossed (c) in the window and detained (d) within `days` after: certain on the narrow bounds. */
export function crossedThenDetained(c: Starts, d: Starts, w: CrossingWindow): Certainty | null {
  const crossedIn = c.startLatest >= w.from && (c.startEarliest === null || c.startEarliest <= w.to);
  const after = c.startEarliest === null || d.startLatest >= c.startEarliest;
  const soon = d.startEarliest === null || d.startEarliest <= addDays(c.startLatest, w.days);
  if (!crossedIn || !after || !soon) return null;
  const certain =
    c.startEarliest !== null &&
    d.startEarliest !== null &&
    c.startEarliest >= w.from &&
    c.startLatest <= w.to &&
    d.startEarliest >= c.startLatest &&
    d.startLatest <= addDays(c.startEarliest, w.days);
  return certain ? 'certain' : 'possible';
}

/** People detained within N days after crossing at a border post in a window; null if no such post. */
export async function crossingDetentions(
  scope: ReadScope,
  input: CrossingWindow & { crossing: string },
  paging: Paging,
): Promise<CrossingDetentionPage | null> {
  const post = await findNode(scope, input.crossing);
  if (post?.type !== ENTITY.Place || post.kind !== 'border-crossing') return null;
  const result = await read<{ p: Props; c: Props; d: Props; cPlace: Props | null; place: Props | null }>(
    `MATCH (x:${ENTITY.Place} {id: $crossing}) ${CROSSED_THEN_DETAINED}
     WITH p, c, d ORDER BY c.startLatest, p.id, d.startLatest, d.id SKIP $offset LIMIT $limit
     ${placeOf('d')}
     RETURN properties(p) AS p, properties(c) AS c, properties(d) AS d, place`,
    { crossing: String(post.id), from: input.from, to: input.to, days: input.days, ...pageParams(paging) },
  );
  const rows = result.records.map((r) => r.toObject());
  const claims = await evidenceFor(
    scope,
    rows.flatMap((r) => [eventFact(scope, r.c), eventFact(scope, r.d)]),
  );
  const hits = rows.flatMap((row): CrossingDetention[] => {
    const cClaims = claims.get(String(row.c.id)) ?? [];
    const dClaims = claims.get(String(row.d.id)) ?? [];
    const certainty = acrossReadings([readingsOf(row.c, cClaims), readingsOf(row.d, dClaims)], (c, d) =>
      crossedThenDetained(c!, d!, input),
    );
    if (!certainty) return [];
    return [
      {
        person: scope.present(row.p),
        certainty,
        crossing: datedEventView(scope, row.c, cClaims, post),
        detention: datedEventView(scope, row.d, dClaims, row.place),
        gapDays: gap(row.c, row.d),
      },
    ];
  });
  return { crossing: scope.present(post), ...toPage(hits, paging), hasMore: rows.length > paging.limit };
}

function gap(c: Props, d: Props): CrossingDetention['gapDays'] {
  const at = (v: unknown) => (typeof v === 'string' ? v : null);
  const [ce, cl, de, dl] = [at(c.startEarliest), at(c.startLatest), at(d.startEarliest), at(d.startLatest)];
  return {
    min: de && cl ? Math.max(0, daysBetween(cl, de)) : null,
    max: dl && ce ? daysBetween(ce, dl) : null,
  };
}
