import neo4j from 'neo4j-driver';
import { read } from '../db/driver.js';
import { confidenceRank } from '../vocabulary/confidence.js';
import { RELATIONSHIP_TYPES, type Confidence, type EntityType, type RelationshipType } from '../schema/index.js';
import type { ReadScope } from '../read/scope.js';
import { EDGE_CAP_PER_NODE, type Neighbourhood } from '../views/graph.js';
import { edgesAmong, relTypePattern, type EdgeFilter } from './edge-view.js';
import { findNode } from './entity.js';
import type { Props } from '../db/props.js';
import { ENTITY } from '../vocabulary/entity-types.js';

export interface NeighbourhoodOptions {
  depth: number;
  /** Entity types of the neighbours to show (the starting nodes are always shown). */
  types?: EntityType[];
  /** Relationship types to follow; all of RELATIONSHIP_SPECS when absent. */
  relTypes?: RelationshipType[];
  minConfidence?: Confidence;
  /** Date window (YYYY-MM-DD): relationships and events whose bounds may overlap it; undated ones stay. */
  from?: string;
  to?: string;
  /** Node cap, starting nodes included. */
  limit: number;
}

/** Nodes with more relationships than this are hubs: never sorted or fully read. */
const HUB_DEGREE = 1_000;

/**
 * The WHERE conditions on relationship `r` and neighbour `m`; values always travel as parameters.
 * A date window never excludes a record whose dates this reader may not see (a withheld birth, the
 * parent-of edge of a protected child): excluding it would tell the date. A record the reader may
 * not know of (a withheld birth) is never a neighbour.
 */
function filterFor(scope: ReadScope, options: NeighbourhoodOptions, withNode: boolean): EdgeFilter {
  const where: string[] = [withNode ? scope.knowable('m') : 'true'];
  const params: Record<string, unknown> = { ...scope.cypherParams };
  if (options.minConfidence) {
    where.push('r.confidenceRank >= $minRank');
    params.minRank = confidenceRank(options.minConfidence);
  }
  if (options.from || options.to) {
    // Possibly overlapping: the earliest start is not after the window, the latest end not before.
    // Open starts/ends (null bounds) reach forever; undated facts are not excluded.
    const overlaps = (x: string, readable: string) =>
      `(${x}.startLatest IS NULL OR NOT ${readable} OR (coalesce(${x}.startEarliest, '0000-01-01') <= $to AND coalesce(${x}.endLatest, '9999-12-31') >= $from))`;
    where.push(overlaps('r', `(${scope.readable('startNode(r)')} AND ${scope.readable('endNode(r)')})`));
    if (withNode) where.push(`(NOT m:${ENTITY.Event} OR ${overlaps('m', scope.readable('m'))})`);
    params.from = options.from ?? '0000-01-01';
    params.to = options.to ?? '9999-12-31';
  }
  if (withNode && options.types?.length) {
    where.push('m.type IN $types');
    params.types = options.types;
  }
  return { where: where.join(' AND '), params };
}

/**
 * The neighbourhood of one or more entities, expanded level by level with a LIMIT at every step
 * (never an unbounded variable-length match), so a hub with 100,000 edges answers as fast as a
 * leaf. Returns null when any id is unknown to the reader (a protected person's real id included).
 */
export async function neighbourhood(
  scope: ReadScope,
  ids: readonly string[],
  options: NeighbourhoodOptions,
): Promise<Neighbourhood | null> {
  const seeds = await Promise.all([...new Set(ids)].map((id) => findNode(scope, id)));
  if (seeds.some((seed) => seed === null)) return null;
  const shown = new Map<string, Props>(seeds.map((seed) => [String(seed!.id), seed!]));
  const types = relTypePattern(options.relTypes?.length ? options.relTypes : RELATIONSHIP_TYPES);
  let frontier = [...shown.keys()];
  let truncated = shown.size > options.limit;
  for (let level = 1; level <= options.depth && frontier.length > 0 && !truncated; level++) {
    const budget = options.limit - shown.size;
    const rows = await nextLevel(scope, frontier, [...shown.keys()], types, options, budget);
    const picked = roundRobin(rows, budget);
    truncated = picked.cut;
    for (const node of picked.nodes) shown.set(String(node.id), node);
    frontier = picked.nodes.map((node) => String(node.id));
  }
  const edges = await edgesAmong(scope, shown, types, filterFor(scope, options, false), shown.size * EDGE_CAP_PER_NODE);
  const hidden = await hiddenCounts(scope, [...shown.keys()], types, options);
  const hiddenNeighbours: Record<string, number> = {};
  for (const [id, count] of hidden) hiddenNeighbours[scope.visibleId(shown.get(id)!)] = count;
  return {
    nodes: [...shown.values()].map((props) => scope.present(props)),
    edges: edges.list,
    truncated: truncated || edges.cut,
    hiddenNeighbours,
  };
}

/** Up to a fair share of new neighbours per frontier node, strongest evidence first. */
async function nextLevel(
  scope: ReadScope,
  frontier: string[],
  seen: string[],
  types: string,
  options: NeighbourhoodOptions,
  budget: number,
): Promise<Props[][]> {
  const filter = filterFor(scope, options, true);
  // Each frontier node may fill the whole budget, but a level never fetches much more than four
  // budgets' worth of rows; one row beyond the budget is enough to know that the cap cut something.
  const perNode = Math.min(budget + 1, Math.max(8, Math.ceil((4 * budget) / frontier.length)));
  // Hubs are not sorted: ordering 25,000 neighbours to keep 40 would read them all.
  const result = await read<{ fid: string; m: Props }>(
    `UNWIND $frontier AS fid
     MATCH (n:Entity {id: fid})
     WITH fid, n, COUNT { (n)-[:${types}]-() } AS degree
     CALL (n, degree) {
       WITH n WHERE degree <= $hubDegree
       MATCH (n)-[r:${types}]-(m:Entity)
       WHERE NOT m.id IN $seen AND ${filter.where}
       WITH m, max(r.confidenceRank) AS best
       RETURN m ORDER BY best DESC, m.id LIMIT $perNode
       UNION
       WITH n WHERE degree > $hubDegree
       MATCH (n)-[r:${types}]-(m:Entity)
       WHERE NOT m.id IN $seen AND ${filter.where}
       WITH DISTINCT m LIMIT $perNode
       RETURN m
     }
     RETURN fid, properties(m) AS m`,
    { ...filter.params, frontier, seen, perNode: neo4j.int(perNode), hubDegree: neo4j.int(HUB_DEGREE) },
  );
  const byNode = new Map<string, Props[]>(frontier.map((id) => [id, []]));
  for (const record of result.records) byNode.get(record.get('fid'))!.push(record.get('m'));
  return [...byNode.values()];
}

/**
 * Takes new nodes one per frontier node in turn, so one hub cannot crowd out its siblings.
 * `cut` is true when a candidate was left out.
 */
function roundRobin(queues: Props[][], budget: number): { nodes: Props[]; cut: boolean } {
  const chosen = new Map<string, Props>();
  const longest = Math.max(0, ...queues.map((queue) => queue.length));
  for (let i = 0; i < longest && chosen.size < budget; i++) {
    for (const queue of queues) {
      const next = queue[i];
      if (next && chosen.size < budget) chosen.set(String(next.id), next);
    }
  }
  const cut = queues.some((queue) => queue.some((props) => !chosen.has(String(props.id))));
  return { nodes: [...chosen.values()], cut };
}

/**
 * For every shown node, its matching neighbours that are not shown: exact (distinct neighbours,
 * filters applied) up to HUB_DEGREE relationships; for hubs, their relationship count minus the
 * edges to shown nodes, read from the degree store without touching the hub's relationships.
 */
async function hiddenCounts(
  scope: ReadScope,
  ids: string[],
  types: string,
  options: NeighbourhoodOptions,
): Promise<Map<string, number>> {
  const filter = filterFor(scope, options, true);
  const result = await read<{ id: string; hidden: number }>(
    `UNWIND $ids AS id
     MATCH (n:Entity {id: id})
     WITH id, n, COUNT { (n)-[:${types}]-() } AS degree
     // Each branch keeps exactly its own rows: a subquery's bare count() would answer 0 for the other's.
     CALL (n, degree) {
       WITH n WHERE degree <= $hubDegree
       RETURN COUNT { MATCH (n)-[r:${types}]-(m:Entity) WHERE NOT m.id IN $ids AND ${filter.where} RETURN DISTINCT m } AS hidden
       UNION ALL
       WITH n WHERE degree > $hubDegree
       RETURN degree - COUNT { UNWIND $ids AS shownId MATCH (m:Entity {id: shownId}) MATCH (n)-[r:${types}]-(m) RETURN r } AS hidden
     }
     WITH id, hidden WHERE hidden > 0
     RETURN id, hidden`,
    { ...filter.params, ids, hubDegree: neo4j.int(HUB_DEGREE) },
  );
  return new Map(result.records.map((record) => [record.get('id'), record.get('hidden')]));
}
