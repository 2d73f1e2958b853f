import type { GraphEdge, GraphNode } from '../api/types.js';

export interface SceneNode {
  id: string;
  data: GraphNode;
  x: number;
  y: number;
  degree: number;
  pinned: boolean;
  index: number;
}
export interface SceneEdge {
  id: string;
  data: GraphEdge;
  source: SceneNode;
  target: SceneNode;
}

/**
 * What is on screen right now: nodes with positions, edges joined to their end nodes. Replacing
 * the graph keeps the positions of nodes that stay, and puts newcomers beside a neighbour.
 */
export class Scene {
  nodes: SceneNode[] = [];
  edges: SceneEdge[] = [];
  private byId = new Map<string, SceneNode>();

  node(id: string): SceneNode | undefined {
    return this.byId.get(id);
  }

  /** Returns how many nodes are new, so the caller can choose how hard to reheat the layout. */
  setGraph(
    nodes: readonly GraphNode[],
    edges: readonly GraphEdge[],
    pinned: Record<string, [number, number]>,
    preset: Record<string, [number, number]> = {},
  ): number {
    const previous = this.byId;
    this.byId = new Map();
    let fresh = 0;
    this.nodes = nodes.map((data, index) => {
      const old = previous.get(data.id);
      const pin = pinned[data.id];
      const at = preset[data.id] ?? pin;
      const node: SceneNode = {
        id: data.id,
        data,
        x: old?.x ?? NaN,
        y: old?.y ?? NaN,
        degree: 0,
        pinned: Boolean(pin),
        index,
      };
      if (at) [node.x, node.y] = at;
      if (!old && !at) fresh++;
      this.byId.set(data.id, node);
      return node;
    });
    this.edges = [];
    for (const data of edges) {
      const source = this.byId.get(data.source);
      const target = this.byId.get(data.target);
      if (!source || !target || source === target) continue;
      source.degree++;
      target.degree++;
      this.edges.push({ id: data.id, data, source, target });
    }
    this.placeNewcomers();
    return fresh;
  }

  /** New nodes start next to a placed neighbour (so an expansion grows out of its node), else on a spiral. */
  private placeNewcomers(): void {
    const unplaced = this.nodes.filter((n) => Number.isNaN(n.x));
    for (const edge of this.edges) {
      for (const [a, b] of [
        [edge.source, edge.target],
        [edge.target, edge.source],
      ] as const) {
        if (Number.isNaN(a.x) && !Number.isNaN(b.x)) {
          const angle = Math.random() * 2 * Math.PI;
          a.x = b.x + 40 * Math.cos(angle);
          a.y = b.y + 40 * Math.sin(angle);
        }
      }
    }
    unplaced
      .filter((n) => Number.isNaN(n.x))
      .forEach((n, i) => {
        const r = 12 * Math.sqrt(i + 0.5);
        const angle = i * Math.PI * (3 - Math.sqrt(5));
        n.x = r * Math.cos(angle);
        n.y = r * Math.sin(angle);
      });
  }

  positions(): Float32Array {
    const out = new Float32Array(this.nodes.length * 2);
    this.nodes.forEach((n, i) => {
      out[2 * i] = n.x;
      out[2 * i + 1] = n.y;
    });
    return out;
  }

  applyPositions(positions: Float32Array): void {
    if (positions.length !== this.nodes.length * 2) return;
    this.nodes.forEach((n, i) => {
      n.x = positions[2 * i]!;
      n.y = positions[2 * i + 1]!;
    });
  }

  /** The bounding box of all nodes, for fit-to-view. */
  bounds(): { x0: number; y0: number; x1: number; y1: number } | null {
    if (!this.nodes.length) return null;
    let x0 = Infinity,
      y0 = Infinity,
      x1 = -Infinity,
      y1 = -Infinity;
    for (const n of this.nodes) {
      x0 = Math.min(x0, n.x);
      y0 = Math.min(y0, n.y);
      x1 = Math.max(x1, n.x);
      y1 = Math.max(y1, n.y);
    }
    return { x0, y0, x1, y1 };
  }
}
