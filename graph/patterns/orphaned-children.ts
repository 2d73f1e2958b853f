import { read } from '../db/driver.js';
import type { ReadScope } from '../read/scope.js';
import { eventFact, evidenceFor, type Fact, relationshipFact } from '../queries/evidence.js';
import { libertyEvents, personStatusOn } from '../queries/status-as-of.js';
import { boundsOfEdtf, certaintyOn, weakest } from '../dates/certainty.js';
import { deprivedCertainty } from '../dates/liberty.js';
import { cypherInt, pageParams, type Paging } from '../db/page.js';
import { STARTED_BY_DATE } from './started-by.js';
import type { Props } from '../db/props.js';
import { DEPRIVING_EVENT_KINDS } from '../schema/index.js';
import { ENTITY } from '../vocabulary/entity-types.js';
import type { CitedLink, OrphanedChild, OrphanedChildrenPage, ParentStatus } from '../views/patterns.js';

// Known parents: PARENT_OF, or "parent" in a family where the child is "child".
const KNOWN_PARENTS = `MATCH (p:${ENTITY.Person})-[:PARENT_OF]->(child) RETURN p
    UNION
    MATCH (p:${ENTITY.Person})-[:MEMBER_OF {role: 'parent'}]->(:${ENTITY.Family})<-[:MEMBER_OF {role: 'child'}]-(child) RETURN p`;

// An event `d` that possibly deprives its subject of liberty on $date, by its own bounds: an
// undated one (no bounds) possibly does, at an unknown time (graph/dates/liberty.ts). Claims and
// releases then narrow the candidates down to the four states (details).
const DEPRIVING_ON_DATE = `d.kind IN $kinds
      AND coalesce(d.startEarliest <= $date, true) AND coalesce(d.endLatest >= $date, true)`;

// The parent's own events, filtered once listed: as an EXISTS with these predicates in it, the
// planner may scan every dated event (startLatest index) for each parent instead of expanding p
// (seen on a 3,000-person graph: 23 million db hits for one page).
const POSSIBLY_DEPRIVED = `any(d IN [(p)-[:PARTICIPATED_IN {role: 'subject'}]->(e:${ENTITY.Event}) | e] WHERE ${DEPRIVING_ON_DATE})`;

// Keeps `child` when it has known parents and every one of them is possibly deprived on $date.
const ALL_PARENTS_DEPRIVED = `WITH child, COLLECT { ${KNOWN_PARENTS} } AS parents
     WHERE size(parents) > 0 AND all(p IN parents WHERE ${POSSIBLY_DEPRIVED})`;

/**
 * How many people, in id order, a page looks at before it works the answer out from everyone
 * deprived on the date instead. Children are listed in id order and 2-7 % of the people in the
 * 100,000-person synthetic graph are hits, so a first page is found among ~2,000 people (~20 ms);
 * the other way expands every deprived parent's children (~0.3 s at that size), whatever the page.
 */
export const WALK_PEOPLE = 10_000;

/**
 * Children all of whose known parents are (possibly) detained, missing or blocked from leaving on
 * `date`, with the claims behind every parent's status and who cares for them on that date.
 */
export async function orphanedChildren(
  scope: ReadScope,
  date: string,
  paging: Paging,
  walk = WALK_PEOPLE,
): Promise<OrphanedChildrenPage> {
  const params = { date, kinds: DEPRIVING_EVENT_KINDS, walk: cypherInt(walk), ...pageParams(paging) };
  const ids = (await orphansAmongFirstPeople(params)) ?? (await orphansOfDeprivedParents(params));
  const hits = ids.length ? await details(scope, ids.slice(0, paging.limit), date) : [];
  return { items: hits, offset: paging.offset, limit: paging.limit, hasMore: ids.length > paging.limit };
}

type Params = Record<string, unknown> & { limit: ReturnType<typeof cypherInt> };

/** The page's child ids, if the first `walk` people in id order hold it and one more; else null. */
async function orphansAmongFirstPeople(params: Params): Promise<string[] | null> {
  const found = await read<{ id: string }>(
    `MATCH (child:${ENTITY.Person}) WHERE child.id IS NOT NULL
     WITH child ORDER BY child.id LIMIT $walk
     ${ALL_PARENTS_DEPRIVED}
     RETURN child.id AS id ORDER BY child.id SKIP $offset LIMIT $limit`,
    params,
  );
  const ids = found.records.map((r) => r.get('id'));
  return ids.length === params.limit.toNumber() ? ids : null;
}

/** The page's child ids, from the children of everyone deprived on the date, or at an unknown time. */
async function orphansOfDeprivedParents(params: Params): Promise<string[]> {
  const found = await read<{ id: string }>(
    `CALL () {
       ${STARTED_BY_DATE} RETURN e
       UNION ALL
       MATCH (e:${ENTITY.Event}) WHERE e.kind IN $kinds AND e.startLatest IS NULL RETURN e
     }
     WITH e WHERE e.endLatest IS NULL OR e.endLatest >= $date
     MATCH (parent:${ENTITY.Person})-[:PARTICIPATED_IN {role: 'subject'}]->(e)
     CALL (parent) {
       MATCH (parent)-[:PARENT_OF]->(child:${ENTITY.Person}) RETURN child
       UNION
       MATCH (parent)-[:MEMBER_OF {role: 'parent'}]->(:${ENTITY.Family})<-[:MEMBER_OF {role: 'child'}]-(child:${ENTITY.Person}) RETURN child
     }
     WITH DISTINCT child ORDER BY child.id
     ${ALL_PARENTS_DEPRIVED}
     RETURN child.id AS id ORDER BY child.id SKIP $offset LIMIT $limit`,
    params,
  );
  return found.records.map((r) => r.get('id'));
}

interface LinkRow {
  child: Props;
  other: Props;
  rel: Props;
  type: string;
}

async function details(scope: ReadScope, childIds: string[], date: string): Promise<OrphanedChild[]> {
  const [parents, carers, households] = await Promise.all([
    links(
      childIds,
      `MATCH (other:${ENTITY.Person})-[rel:PARENT_OF]->(child) RETURN other, rel
       UNION
       MATCH (other:${ENTITY.Person})-[rel:MEMBER_OF {role: 'parent'}]->(:${ENTITY.Family})<-[:MEMBER_OF {role: 'child'}]-(child)
       WHERE NOT (other)-[:PARENT_OF]->(child) RETURN other, rel`,
    ),
    links(childIds, `MATCH (other:${ENTITY.Person})-[rel:GUARDIAN_OF]->(child) RETURN other, rel`),
    links(childIds, `MATCH (child)-[rel:MEMBER_OF]->(other:${ENTITY.Family}) RETURN other, rel`),
  ]);
  // Every parent's deprivations and releases: their state on the date is one of the four
  // (graph/dates/liberty.ts), the same as status-as-of gives.
  const events = await libertyEvents([...new Set(parents.map((p) => String(p.other.id)))]);
  const facts: Fact[] = [
    ...[...parents, ...carers, ...households].map((l) => relationshipFact(scope, l.type, l.rel, l.child, l.other)),
    ...events.map((e) => eventFact(scope, e.event)),
  ];
  const claims = await evidenceFor(scope, facts);
  const link = (row: LinkRow): CitedLink => {
    const shown = scope.relationshipDate(row.type, row.rel, row.child, row.other);
    return {
      id: scope.relationshipId(row.rel, row.child, row.other),
      type: row.type,
      ...(typeof row.rel.role === 'string' ? { role: row.rel.role } : {}),
      ...(shown ? { date: shown } : {}),
      claims: claims.get(String(row.rel.id)) ?? [],
    };
  };
  const current = (row: LinkRow) =>
    typeof row.rel.date !== 'string' || certaintyOn(boundsOfEdtf(row.rel.date), date) !== null;
  return childIds.flatMap((childId): OrphanedChild[] => {
    const mine = parents.filter((p) => p.child.id === childId);
    const statuses = mine.map((row) => {
      const rows = events.filter((e) => e.personId === row.other.id);
      const on = personStatusOn(scope, scope.visibleId(row.other), rows, claims, date);
      return { row, on, certainty: deprivedCertainty(on.state) };
    });
    // A parent whose state is unknown or free is not deprived: the child is no hit, and a
    // parent of unknown state is never called free either.
    const certainty = weakest(statuses.map((s) => s.certainty));
    if (!certainty || !mine[0]) return [];
    return [
      {
        child: scope.present(mine[0].child),
        certainty,
        parents: statuses.map(
          ({ row, on, certainty: parentCertainty }): ParentStatus => ({
            parent: scope.present(row.other),
            link: link(row),
            state: on.state,
            certainty: parentCertainty ?? 'possible',
            events: on.events,
          }),
        ),
        carers: carers
          .filter((c) => c.child.id === childId && current(c))
          .map((c) => ({ person: scope.present(c.other), link: link(c) })),
        households: households
          .filter((h) => h.child.id === childId && current(h))
          .map((h) => ({ family: scope.present(h.other), link: link(h) })),
      },
    ];
  });
}

async function links(childIds: string[], pattern: string): Promise<LinkRow[]> {
  const result = await read<LinkRow>(
    `UNWIND $childIds AS cid MATCH (child:${ENTITY.Person} {id: cid})
     CALL (child) { ${pattern} }
     RETURN properties(child) AS child, properties(other) AS other, properties(rel) AS rel, type(rel) AS type
     ORDER BY child.id, other.id`,
    { childIds },
  );
  return result.records.map((r) => r.toObject());
}
