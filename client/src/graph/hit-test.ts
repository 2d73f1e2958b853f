import { quadtree, type Quadtree } from 'd3-quadtree';
import type { SceneEdge, SceneNode } from './scene.js';

/**
 * Finds what lies under the pointer, in graph coordinates. The quadtree is rebuilt lazily: the
 * layout marks it stale on every tick, and only a query pays for the rebuild.
 */
export function createHitTester(radiusOf: (node: SceneNode) => number) {
  let tree: Quadtree<SceneNode> | null = null;
  let nodes: readonly SceneNode[] = [];
  let maxRadius = 0;

  const build = () => {
    tree = quadtree<SceneNode>()
      .x((n) => n.x)
      .y((n) => n.y)
      .addAll(nodes as SceneNode[]);
    maxRadius = nodes.reduce((m, n) => Math.max(m, radiusOf(n)), 0);
    return tree;
  };

  return {
    invalidate(next: readonly SceneNode[]): void {
      nodes = next;
      tree = null;
    },

    /** The node whose disc contains (x, y), nearest first; `slack` widens the disc (touch, small zoom). */
    nodeAt(x: number, y: number, slack = 0): SceneNode | undefined {
      const t = tree ?? build();
      const candidate = t.find(x, y, maxRadius + slack);
      if (!candidate) return undefined;
      return Math.hypot(candidate.x - x, candidate.y - y) <= radiusOf(candidate) + slack ? candidate : undefined;
    },

    /** The edge whose segment passes within `tolerance` of (x, y). */
    edgeAt(edges: readonly SceneEdge[], x: number, y: number, tolerance: number): SceneEdge | undefined {
      let best: SceneEdge | undefined;
      let bestDistance = tolerance;
      for (const edge of edges) {
        const d = distanceToSegment(x, y, edge.source.x, edge.source.y, edge.target.x, edge.target.y);
        if (d <= bestDistance) {
          best = edge;
          bestDistance = d;
        }
      }
      return best;
    },
  };
}
export type HitTester = ReturnType<typeof createHitTester>;

export function distanceToSegment(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax,
    dy = by - ay;
  const length2 = dx * dx + dy * dy;
  const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / length2));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}
