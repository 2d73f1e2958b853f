import neo4j from 'neo4j-driver';
import { read } from '../db/driver.js';
import { RELATIONSHIP_SPECS, type RelationshipType } from '../schema/index.js';
import type { ReadScope } from '../read/scope.js';
import type { EdgeView } from '../views/graph.js';
import type { Props } from '../db/props.js';
import { DEFAULT_CONFIDENCE } from '../vocabulary/confidence.js';

/**
 * The Cypher relationship-type alternation (`A|B|C`) for `types`. Only names in the schema's
 * allow-list get through, so this is the one place where types are interpolated into graph queries.
 */
export function relTypePattern(types: readonly string[]): string {
  const allowed = types.filter((type): type is RelationshipType => Object.hasOwn(RELATIONSHIP_SPECS, type));
  if (allowed.length === 0 || allowed.length !== types.length)
    throw new Error('relationship types must come from RELATIONSHIP_SPECS');
  return [...new Set(allowed)].join('|');
}

/**
 * One stored relationship as a reader sees it. A kinship edge's date dates a withheld person (a
 * parent-of date is a birth), so the scope withholds it (graph/read/scope.ts).
 */
export function presentEdge(scope: ReadScope, type: string, rel: Props, start: Props, end: Props): EdgeView {
  const date = scope.relationshipDate(type, rel, start, end);
  const relation = scope.relationshipRelation(rel, start);
  return {
    id: scope.relationshipId(rel, start, end),
    type,
    source: scope.visibleId(start),
    target: scope.visibleId(end),
    ...(typeof rel.role === 'string' ? { role: rel.role } : {}),
    ...(relation ? { relation } : {}),
    ...(date ? { date } : {}),
    confidence: String(rel.confidence ?? DEFAULT_CONFIDENCE),
  };
}

/** Extra WHERE conditions on `r` (the relationship), with their parameters. */
export interface EdgeFilter {
  where: string;
  params: Record<string, unknown>;
}

/**
 * The edges joining two of the `shown` nodes (keyed by real id), each once, strongest evidence
 * first, at most `cap` of them; `cut` says the cap left some out.
 */
export async function edgesAmong(
  scope: ReadScope,
  shown: ReadonlyMap<string, Props>,
  types: string,
  filter: EdgeFilter,
  cap: number,
): Promise<{ list: EdgeView[]; cut: boolean }> {
  const ids = [...shown.keys()];
  const result = await read<{ a: string; b: string; type: string; r: Props }>(
    `UNWIND $ids AS id
     MATCH (a:Entity {id: id})-[r:${types}]->(b:Entity)
     WHERE b.id IN $ids AND ${filter.where}
     RETURN a.id AS a, b.id AS b, type(r) AS type, properties(r) AS r
     ORDER BY r.confidenceRank DESC, r.id LIMIT $limit`,
    { ...filter.params, ids, limit: neo4j.int(cap + 1) },
  );
  const list = result.records
    .slice(0, cap)
    .map((rec) =>
      presentEdge(scope, rec.get('type'), rec.get('r'), shown.get(rec.get('a'))!, shown.get(rec.get('b'))!),
    );
  return { list, cut: result.records.length > cap };
}
