import { ApiError, api } from '../api/client.js';
import type { EntityDetail, FamilyTree, GraphEdge, GraphNode, Paths } from '../api/types.js';
import type { Expansion, ViewState } from '../state/view-state.js';

export interface ExpansionResult {
  nodeIds: string[];
  hidden: number;
}

export const expansionKey = (e: Expansion) => `${e.id}|${e.limit}|${(e.types ?? []).join('.')}`;
export const pathKey = (p: { from: string; to: string }) => `${p.from}|${p.to}`;

/**
 * Everything fetched so far, by id. View state names what to show; this cache knows what those
 * names mean. Edges are kept whenever seen, so any two visible nodes show the edges between them.
 */
export class GraphCache {
  readonly nodes = new Map<string, GraphNode>();
  readonly edges = new Map<string, GraphEdge>();
  readonly details = new Map<string, EntityDetail>();
  readonly expansions = new Map<string, ExpansionResult>();
  readonly families = new Map<string, FamilyTree>();
  readonly paths = new Map<string, Paths>();
  /** Ids the API did not know (deleted, or a link from another clearance level). */
  readonly missing = new Set<string>();

  async entity(id: string): Promise<EntityDetail> {
    const known = this.details.get(id);
    if (known) return known;
    const detail = await api.entity({ params: { id } });
    this.details.set(id, detail);
    this.addNode(detail.entity);
    for (const r of detail.relationships) {
      this.addNode(r.other);
      const out = r.direction === 'out';
      this.addEdge({
        id: r.id,
        type: r.type,
        source: out ? detail.entity.id : r.other.id,
        target: out ? r.other.id : detail.entity.id,
        confidence: r.confidence,
        ...(r.role ? { role: r.role } : {}),
        ...(r.relation ? { relation: r.relation } : {}),
        ...(r.date ? { date: r.date } : {}),
      });
    }
    return detail;
  }

  /** Fetches whatever `state` names and the cache lacks; failures for single ids are remembered, not thrown. */
  async ensure(state: ViewState): Promise<void> {
    const work: Promise<unknown>[] = [];
    for (const id of state.seeds)
      if (!this.details.has(id) && !this.missing.has(id)) work.push(this.entity(id).catch((e) => this.forget(id, e)));
    for (const e of state.expanded)
      if (!this.expansions.has(expansionKey(e))) work.push(this.expand(e).catch((err) => this.forget(e.id, err)));
    if (state.layout === 'family' && state.familyRoot && !this.families.has(state.familyRoot))
      work.push(this.family(state.familyRoot));
    if (state.path && !this.paths.has(pathKey(state.path))) work.push(this.path(state.path));
    await Promise.all(work);
  }

  private forget(id: string, error: unknown): void {
    if (error instanceof ApiError && error.status === 404) this.missing.add(id);
    else throw error;
  }

  private async expand(expansion: Expansion): Promise<void> {
    const page = await api.neighbourhood({
      query: { ids: [expansion.id], depth: 1, types: expansion.types, limit: expansion.limit + 1 },
    });
    page.nodes.forEach((n) => {
      this.addNode(n);
    });
    page.edges.forEach((e) => {
      this.addEdge(e);
    });
    this.expansions.set(expansionKey(expansion), {
      nodeIds: page.nodes.map((n) => n.id),
      hidden: page.hiddenNeighbours[expansion.id] ?? 0,
    });
  }

  private async family(id: string): Promise<void> {
    const tree = await api.family({ params: { id }, query: { generations: 3 } });
    tree.people.forEach((p) => {
      this.addNode(p);
    });
    tree.edges.forEach((e) => {
      this.addEdge(e);
    });
    this.families.set(id, tree);
  }

  private async path(p: { from: string; to: string }): Promise<void> {
    const result = await api.paths({ query: { from: p.from, to: p.to, maxHops: 6 } });
    for (const path of result.paths) {
      path.nodes.forEach((n) => {
        this.addNode(n);
      });
      path.edges.forEach((e) => {
        this.addEdge(e);
      });
    }
    this.paths.set(pathKey(p), result);
  }

  /** After an edit: these records are read again (their names, fields and relationships changed). */
  async refresh(ids: readonly string[]): Promise<void> {
    for (const id of ids) this.details.delete(id);
    await Promise.all(ids.map((id) => this.entity(id)));
  }

  /**
   * After a delete: the record leaves every view, and so do the relationships drawn to it (the
   * server deleted them with it). Expansions are read again, since their neighbours changed.
   */
  drop(id: string): void {
    this.details.delete(id);
    this.nodes.delete(id);
    this.missing.add(id);
    for (const [edgeId, edge] of this.edges) if (edge.source === id || edge.target === id) this.edges.delete(edgeId);
    this.expansions.clear();
  }

  /** After a relationship is deleted: it is drawn no more, and its ends are read again. */
  async dropEdge(id: string): Promise<void> {
    const edge = this.edges.get(id);
    this.edges.delete(id);
    if (edge) await this.refresh([edge.source, edge.target]);
  }

  addNode(node: GraphNode): void {
    const known = this.nodes.get(node.id);
    this.nodes.set(node.id, known ? { ...known, ...node } : node);
  }

  addEdge(edge: GraphEdge): void {
    this.edges.set(edge.id, edge);
  }
}
