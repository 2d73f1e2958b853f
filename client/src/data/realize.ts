import type { GraphEdge, GraphNode } from '../api/types.js';
import type { Filters, ViewState } from '../state/view-state.js';
import { expansionKey, pathKey, type GraphCache } from './graph-cache.js';
import { confidenceRank, DEFAULT_CONFIDENCE } from '../../../graph/vocabulary/confidence.js';

/** An edge of unknown confidence (a newer server) counts as the default one. */
const rankOf = (level: string) => {
  const rank = confidenceRank(level);
  return rank < 0 ? confidenceRank(DEFAULT_CONFIDENCE) : rank;
};

export interface RealizedView {
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** Neighbours of an expanded node not yet shown ("+140 more"). */
  moreNeighbours: Record<string, number>;
  pathNodes: Set<string>;
  pathEdges: Set<string>;
  relation?: string;
  /** Asked-for ids that were not found (a stale link). */
  missing: string[];
}

/** What to draw, as a pure function of the view state and the data fetched for it. */
export function realize(state: ViewState, cache: GraphCache): RealizedView {
  const hidden = new Set(state.hidden);
  const wanted = new Set<string>();
  const moreNeighbours: Record<string, number> = {};
  const path = state.path ? cache.paths.get(pathKey(state.path))?.paths[0] : undefined;

  if (state.layout === 'family' && state.familyRoot) {
    cache.families.get(state.familyRoot)?.people.forEach((p) => {
      wanted.add(p.id);
    });
  } else {
    state.seeds.forEach((id) => {
      wanted.add(id);
    });
    for (const expansion of state.expanded) {
      const result = cache.expansions.get(expansionKey(expansion));
      if (!result) continue;
      result.nodeIds.forEach((id) => {
        wanted.add(id);
      });
      if (result.hidden > 0) moreNeighbours[expansion.id] = result.hidden;
    }
  }
  path?.nodes.forEach((n) => {
    wanted.add(n.id);
  });

  const seeds = new Set(state.seeds);
  const nodes = [...wanted]
    .filter((id) => !hidden.has(id))
    .map((id) => cache.nodes.get(id))
    .filter((n): n is GraphNode => Boolean(n) && (seeds.has(n!.id) || typeMatches(n!, state.filters)));
  const shown = new Set(nodes.map((n) => n.id));
  let edges = [...cache.edges.values()].filter(
    (e) => shown.has(e.source) && shown.has(e.target) && edgeMatches(e, state.filters),
  );
  if (state.layout === 'family') edges = withoutImpliedKinship(edges);
  return {
    nodes,
    edges,
    moreNeighbours,
    pathNodes: new Set(path?.nodes.map((n) => n.id) ?? []),
    pathEdges: new Set(path?.edges.map((e) => e.id) ?? []),
    relation: path?.relation,
    missing: state.seeds.filter((id) => cache.missing.has(id)),
  };
}

/**
 * In the family view, rows and household boxes already say "siblings" and "relative": a sibling
 * edge is dropped when the two share a parent on screen, a relative edge when a guardian edge
 * joins the same pair. The evidence stays one click away in the details panel.
 */
function withoutImpliedKinship(edges: GraphEdge[]): GraphEdge[] {
  const parents = new Map<string, Set<string>>();
  const guarded = new Set<string>();
  for (const e of edges) {
    if (e.type === 'PARENT_OF') parents.set(e.target, (parents.get(e.target) ?? new Set()).add(e.source));
    if (e.type === 'GUARDIAN_OF') {
      guarded.add(`${e.source}|${e.target}`);
      guarded.add(`${e.target}|${e.source}`);
    }
  }
  const shareParent = (a: string, b: string) => [...(parents.get(a) ?? [])].some((p) => parents.get(b)?.has(p));
  return edges.filter(
    (e) =>
      !(e.type === 'SIBLING_OF' && shareParent(e.source, e.target)) &&
      !(e.type === 'RELATIVE_OF' && guarded.has(`${e.source}|${e.target}`)),
  );
}

function typeMatches(node: GraphNode, filters: Filters): boolean {
  return filters.types.length === 0 || filters.types.includes(node.type);
}

export function edgeMatches(edge: GraphEdge, filters: Filters): boolean {
  if (filters.relTypes.length && !filters.relTypes.includes(edge.type)) return false;
  if (filters.minConfidence && rankOf(edge.confidence) < confidenceRank(filters.minConfidence)) return false;
  return overlapsWindow(edge.date, filters.from, filters.to);
}

/**
 * Year-level overlap of an EDTF date with the window: a client-side approximation; the server's
 * neighbourhood query filters on the stored earliest/latest bounds exactly.
 */
export function overlapsWindow(edtf: string | undefined, from?: string, to?: string): boolean {
  if (!edtf || (!from && !to)) return true;
  const years = (edtf.match(/\d{4}/g) ?? []).map(Number);
  if (!years.length) return true;
  const earliest = edtf.startsWith('..') ? -Infinity : Math.min(...years);
  const latest = edtf.endsWith('..') ? Infinity : Math.max(...years);
  return (!to || earliest <= Number(to.slice(0, 4))) && (!from || latest >= Number(from.slice(0, 4)));
}
