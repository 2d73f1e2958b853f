import neo4j from 'neo4j-driver';
import { read } from '../db/driver.js';
import { KINSHIP_TYPES, RELATIONSHIP_TYPES } from '../schema/index.js';
import type { ReadScope } from '../read/scope.js';
import { MAX_PATH_HOPS, type PathView, type Paths } from '../views/graph.js';
import { presentEdge, relTypePattern } from './edge-view.js';
import { findNode } from './entity.js';
import { kinshipName, type Gender, type KinStep } from './kinship-names.js';
import type { Props } from '../db/props.js';

export interface PathOptions {
  maxHops: number;
  kinshipOnly: boolean;
  /** How many of the equally short paths to return. */
  limit: number;
}

interface PathRel {
  type: string;
  props: Props;
  startId: string;
}

/**
 * The shortest paths between two entities, up to `maxHops`, over the allow-listed relationship
 * types (claims and citations are never walked), never through a record the reader may not know
 * of (a withheld birth: two children born in one place are not linked through it). Null when
 * either id is unknown to the reader.
 */
export async function shortestPaths(
  scope: ReadScope,
  fromId: string,
  toId: string,
  options: PathOptions,
): Promise<Paths | null> {
  const [from, to] = await Promise.all([findNode(scope, fromId), findNode(scope, toId)]);
  if (!from || !to) return null;
  if (from.id === to.id) return { paths: [{ nodes: [scope.present(from)], edges: [] }] };
  const hops = Math.trunc(Math.min(Math.max(options.maxHops, 1), MAX_PATH_HOPS));
  const types = relTypePattern(options.kinshipOnly ? KINSHIP_TYPES : RELATIONSHIP_TYPES);
  // Variable-length bounds cannot be parameters; `hops` is a clamped integer, never text.
  const result = await read<{ nodes: Props[]; rels: PathRel[] }>(
    `MATCH (a:Entity {id: $from})
     MATCH (b:Entity {id: $to})
     MATCH p = allShortestPaths((a)-[:${types}*..${hops}]-(b))
     WHERE all(n IN nodes(p) WHERE ${scope.knowable('n')})
     RETURN [n IN nodes(p) | properties(n)] AS nodes,
            [r IN relationships(p) | {type: type(r), props: properties(r), startId: startNode(r).id}] AS rels
     LIMIT $limit`,
    { from: from.id, to: to.id, limit: neo4j.int(options.limit), ...scope.cypherParams },
  );
  return { paths: result.records.map((record) => presentPath(scope, record.get('nodes'), record.get('rels'))) };
}

function presentPath(scope: ReadScope, nodes: Props[], rels: PathRel[]): PathView {
  const edges = rels.map((rel, i) => {
    const [a, b] = [nodes[i]!, nodes[i + 1]!];
    return rel.startId === a.id
      ? presentEdge(scope, rel.type, rel.props, a, b)
      : presentEdge(scope, rel.type, rel.props, b, a);
  });
  const relation = kinshipRelation(scope, nodes, rels);
  return { nodes: nodes.map((node) => scope.present(node)), edges, ...(relation ? { relation } : {}) };
}

/**
 * Names the relation by walking from `to` (ego) back to `from` (alter): each step says what the
 * next person is to the previous one. Undefined as soon as one step is not kinship. A person this
 * reader may not read has no gender here: "child", not "daughter".
 */
function kinshipRelation(scope: ReadScope, nodes: Props[], rels: PathRel[]): string | undefined {
  const steps: KinStep[] = [];
  for (let i = rels.length - 1; i >= 0; i--) {
    const rel = rels[i]!;
    const reached = nodes[i]!;
    const reachedIsStart = rel.startId === reached.id;
    const gender = scope.mayRead(reached) ? (reached.gender as Gender | undefined) : undefined;
    // The stored words say what the start is to the end: read only when the start may be.
    const relation = reachedIsStart ? scope.relationshipRelation(rel.props, reached) : undefined;
    const step = kinStep(rel, reachedIsStart, gender, relation);
    if (!step) return undefined;
    steps.push(step);
  }
  return kinshipName(steps);
}

function kinStep(
  rel: PathRel,
  reachedIsStart: boolean,
  gender: Gender | undefined,
  relation: string | undefined,
): KinStep | null {
  const role = typeof rel.props.role === 'string' ? rel.props.role : undefined;
  switch (rel.type) {
    case 'PARENT_OF':
      return { kind: reachedIsStart ? 'parent' : 'child', gender };
    case 'GUARDIAN_OF':
      return { kind: reachedIsStart ? 'guardian' : 'ward', gender, role };
    case 'PARTNER_OF':
      return { kind: 'partner', gender, role };
    case 'SIBLING_OF':
      return { kind: 'sibling', gender, role };
    case 'RELATIVE_OF':
      // The stored words say what the relationship's start is to its end; the inverse is unknown.
      return { kind: 'relative', gender, ...(relation ? { relation } : {}) };
    default:
      return null;
  }
}
