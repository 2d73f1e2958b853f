import { read } from '../db/driver.js';
import type { ReadScope } from '../read/scope.js';
import type { DetentionCascade, DetentionCascadePage } from '../views/patterns.js';
import {
  datedEventView,
  eventFact,
  evidenceFor,
  readingsOf,
  type Fact,
  relationshipFact,
} from '../queries/evidence.js';
import { acrossReadings, addDays, type Bounds, type Certainty } from '../dates/certainty.js';
import { pageParams, toPage, type Paging } from '../db/page.js';
import type { Props } from '../db/props.js';
import { startedBy } from './started-by.js';
import { ENTITY } from '../vocabulary/entity-types.js';
import { KIN_TYPES } from '../vocabulary/relationship-types.js';

/** Kinship used by the cascade analysis; GUARDIAN_OF (care, not kin) is left out. Joined only from the vocabulary's list. */
const CASCADE_KINSHIP = KIN_TYPES.join('|');

export interface CascadeWindow {
  from: string;
  to: string;
  days: number;
}

/** Both detentions start in the window, within `days` of each other: certain on the narrow bounds. */
export function detainedTogether(a: Bounds, b: Bounds, w: CascadeWindow): Certainty | null {
  const inWindow = (x: Bounds) => x.startLatest >= w.from && (x.startEarliest === null || x.startEarliest <= w.to);
  const close = (x: Bounds, y: Bounds) => x.startEarliest === null || x.startEarliest <= addDays(y.startLatest, w.days);
  if (!inWindow(a) || !inWindow(b) || !close(a, b) || !close(b, a)) return null;
  const surelyIn = (x: Bounds) => x.startEarliest !== null && x.startEarliest >= w.from && x.startLatest <= w.to;
  const surelyClose = (x: Bounds, y: Bounds) =>
    y.startEarliest !== null && x.startLatest <= addDays(y.startEarliest, w.days);
  return surelyIn(a) && surelyIn(b) && surelyClose(a, b) && surelyClose(b, a) ? 'certain' : 'possible';
}

/**
 * Relatives (PARENT_OF, PARTNER_OF, SIBLING_OF, RELATIVE_OF) detained within N days of each other.
 * Pairs come in the order of the first person's detention start, so the window's detentions are
 * sorted first and only those the page needs are expanded to relatives (Neo4j's PartialTop).
 */
export async function detentionCascades(
  scope: ReadScope,
  w: CascadeWindow,
  paging: Paging,
): Promise<DetentionCascadePage> {
  const result = await read<{
    a: Props;
    b: Props;
    da: Props;
    db: Props;
    links: { rel: Props; type: string; startId: string }[];
  }>(
    `${startedBy('$to')}
     WITH e AS da WHERE da.startLatest >= $from
     WITH da ORDER BY da.startLatest
     CALL (da) {
       MATCH (a:${ENTITY.Person})-[:PARTICIPATED_IN {role: 'subject'}]->(da)
       MATCH (a)-[k:${CASCADE_KINSHIP}]-(b:${ENTITY.Person}) WHERE a.id < b.id
       MATCH (b)-[:PARTICIPATED_IN {role: 'subject'}]->(db:${ENTITY.Event} {kind: 'detention'})
       WHERE db.startLatest >= $from AND coalesce(db.startEarliest <= $to, true)
         AND coalesce(db.startEarliest <= toString(date(da.startLatest) + duration({days: $days})), true)
         AND coalesce(da.startEarliest <= toString(date(db.startLatest) + duration({days: $days})), true)
       RETURN a, b, db, collect(DISTINCT {rel: properties(k), type: type(k), startId: startNode(k).id}) AS links
     }
     WITH a, b, da, db, links ORDER BY da.startLatest, a.id, b.id, da.id, db.id SKIP $offset LIMIT $limit
     RETURN properties(a) AS a, properties(b) AS b, properties(da) AS da, properties(db) AS db, links`,
    { ...w, kinds: ['detention'], ...pageParams(paging) },
  );
  const rows = result.records.map((r) => r.toObject());
  const facts: Fact[] = rows.flatMap((r) => [
    eventFact(scope, r.da),
    eventFact(scope, r.db),
    ...r.links.map((l) => relationshipFact(scope, l.type, l.rel, r.a, r.b)),
  ]);
  const claims = await evidenceFor(scope, facts);
  const hits = rows.flatMap((row): DetentionCascade[] => {
    const [ca, cb] = [claims.get(String(row.da.id)) ?? [], claims.get(String(row.db.id)) ?? []];
    const certainty = acrossReadings([readingsOf(row.da, ca), readingsOf(row.db, cb)], (a, b) =>
      detainedTogether(a!, b!, w),
    );
    if (!certainty) return [];
    return [
      {
        people: [scope.present(row.a), scope.present(row.b)],
        kinship: row.links.map(({ rel, type, startId }) => {
          const relation = scope.relationshipRelation(rel, startId === row.a.id ? row.a : row.b);
          return {
            id: scope.relationshipId(rel, row.a, row.b),
            type,
            ...(typeof rel.role === 'string' ? { role: rel.role } : {}),
            ...(relation ? { relation } : {}),
            claims: claims.get(String(rel.id)) ?? [],
          };
        }),
        detentions: [datedEventView(scope, row.da, ca), datedEventView(scope, row.db, cb)],
        certainty,
      },
    ];
  });
  return { ...toPage(hits, paging), hasMore: rows.length > paging.limit };
}
