import type { GraphEdge, GraphNode } from '../api/types.js';
import type { FamilyLayout } from './family-layout.js';
import { createHitTester } from './hit-test.js';
import { attachInteraction } from './interaction.js';
import { createForceLayout, type LayoutStats } from './layout/force-layout.js';
import { createRenderer, radiusOf, type GroupBox, type Highlight, type LabelBox, type Transform } from './renderer.js';
import { Scene, type SceneEdge, type SceneNode } from './scene.js';

export interface GraphViewEvents {
  select(target: { kind: 'node' | 'edge'; id: string } | undefined): void;
  expand(nodeId: string): void;
  /** A pinned node was dragged: its new resting place. */
  moved(nodeId: string, x: number, y: number): void;
  settled?(stats: LayoutStats): void;
}

export interface ShowOptions {
  pinned: Record<string, [number, number]>;
  family?: FamilyLayout;
  fit?: boolean;
}

/**
 * The graph view: composes scene, force layout (in a worker), canvas renderer, hit testing and
 * pointer interaction. It holds no view state of its own beyond the camera and the hover.
 */
/** The box around the nodes and the family boxes, so fitting never cuts a household in half. */
function withGroups(nodes: { x0: number; y0: number; x1: number; y1: number } | null, groups: readonly GroupBox[]) {
  // Labels run to the right of nodes in the network view: leave room for them.
  const box = nodes && !groups.length ? { ...nodes, x1: nodes.x1 + 160 } : nodes;
  return groups.reduce(
    (b, g) =>
      b
        ? { x0: Math.min(b.x0, g.x0), y0: Math.min(b.y0, g.y0), x1: Math.max(b.x1, g.x1), y1: Math.max(b.y1, g.y1) }
        : g,
    box,
  );
}

export function createGraphView(canvas: HTMLCanvasElement, events: GraphViewEvents) {
  const scene = new Scene();
  const renderer = createRenderer(canvas);
  const hits = createHitTester(radiusOf);
  let transform: Transform = { x: canvas.clientWidth / 2, y: canvas.clientHeight / 2, k: 1 };
  let base: Highlight = {};
  let hovered: SceneNode | undefined;
  let groups: GroupBox[] = [];
  let frame = 0;
  let fitOnSettle = false;
  let settled = true;
  let frames = 0;

  let moving = false;
  let restTimer: ReturnType<typeof setTimeout> | undefined;
  const bigGraph = () => scene.nodes.length > 1500 || scene.edges.length > 3000;
  const render = () => {
    frame = 0;
    frames++;
    if (moving && settled && bigGraph() && renderer.drawSnapshot(transform)) return;
    renderer.draw(scene, transform, currentHighlight(), groups, moving || !settled);
    if (!moving && settled && bigGraph()) renderer.keepSnapshot(transform);
    else renderer.dropSnapshot();
  };
  const requestRender = () => {
    if (!frame) frame = requestAnimationFrame(render);
  };

  // While a big layout runs, frames are drawn at most 5 times a second: each costs ~100 ms of
  // software rasterising, and on a 2-core machine that time would be taken from the layout worker.
  let lastLayoutFrame = 0;
  const LAYOUT_FRAME_MS = 200;
  const layout = createForceLayout((positions, done) => {
    scene.applyPositions(positions);
    hits.invalidate(scene.nodes);
    if (!done && bigGraph()) {
      const now = performance.now();
      if (now - lastLayoutFrame < LAYOUT_FRAME_MS) return;
      lastLayoutFrame = now;
    }
    if (done) {
      settled = true;
      if (fitOnSettle) {
        fitOnSettle = false;
        interaction.fit(withGroups(scene.bounds(), groups));
      }
      events.settled?.(done);
    }
    requestRender();
  });

  const interaction = attachInteraction(canvas, scene, hits, {
    transform(t) {
      transform = t;
      moving = true;
      clearTimeout(restTimer);
      restTimer = setTimeout(() => {
        moving = false;
        requestRender();
      }, 150);
      requestRender();
    },
    hover(node) {
      if (node === hovered) return;
      hovered = node;
      canvas.style.cursor = node ? 'pointer' : 'grab';
      requestRender();
    },
    click({ node, edge }) {
      events.select(node ? { kind: 'node', id: node.id } : edge ? { kind: 'edge', id: edge.id } : undefined);
    },
    doubleClick(node) {
      events.expand(node.id);
    },
    dragStart(node) {
      layout.fix(node.index, node.x, node.y);
      if (!groups.length) layout.reheat(0.2);
    },
    drag(node, x, y) {
      node.x = x;
      node.y = y;
      layout.fix(node.index, x, y);
      hits.invalidate(scene.nodes);
      requestRender();
    },
    dragEnd(node) {
      if (node.pinned || groups.length) events.moved(node.id, node.x, node.y);
      else layout.release(node.index);
    },
  });

  function currentHighlight(): Highlight {
    if (!hovered) return base;
    const keepNodes = new Set([hovered.id]);
    const keepEdges = new Set<string>();
    for (const e of scene.edges) {
      if (e.source === hovered || e.target === hovered) {
        keepEdges.add(e.id);
        keepNodes.add(e.source.id);
        keepNodes.add(e.target.id);
      }
    }
    return { ...base, keepNodes, keepEdges };
  }

  function show(nodes: readonly GraphNode[], edges: readonly GraphEdge[], options: ShowOptions): void {
    const wasEmpty = scene.nodes.length === 0;
    const fresh = scene.setGraph(nodes, edges, options.pinned, options.family?.positions);
    groups = options.family?.groups ?? [];
    hits.invalidate(scene.nodes);
    if (options.family) {
      layout.stop();
      settled = true;
      interaction.fit(withGroups(scene.bounds(), groups), 1.2);
    } else {
      const fixed = new Uint8Array(scene.nodes.length);
      scene.nodes.forEach((n, i) => {
        fixed[i] = n.pinned ? 1 : 0;
      });
      const links = scene.edges.map((e) => ({ source: e.source.index, target: e.target.index }));
      settled = false;
      fitOnSettle = options.fit ?? (wasEmpty || fresh > 0);
      layout.setGraph(scene.positions(), fixed, links, wasEmpty ? 1 : fresh > 0 ? 0.6 : 0.15);
      if (wasEmpty) interaction.fit(withGroups(scene.bounds(), groups));
    }
    requestRender();
  }

  window.addEventListener('resize', requestRender);

  return {
    scene,
    show,
    setHighlight(next: Highlight): void {
      base = next;
      requestRender();
    },
    fit(): void {
      interaction.fit(withGroups(scene.bounds(), groups));
    },
    zoomBy: (factor: number) => interaction.zoomBy(factor),
    panBy: (dx: number, dy: number) => interaction.panBy(dx, dy),
    /** Brings a node into view (keyboard focus). */
    reveal(id: string): void {
      const node = scene.node(id);
      if (!node) return;
      const [sx, sy] = interaction.toScreen(node.x, node.y);
      if (sx < 40 || sy < 40 || sx > canvas.clientWidth - 40 || sy > canvas.clientHeight - 40)
        interaction.panBy(canvas.clientWidth / 2 - sx, canvas.clientHeight / 2 - sy);
    },
    screenPosition(id: string): [number, number] | undefined {
      const node = scene.node(id);
      return node ? interaction.toScreen(node.x, node.y) : undefined;
    },
    edgeScreenPosition(id: string): [number, number] | undefined {
      const edge: SceneEdge | undefined = scene.edges.find((e) => e.id === id);
      return edge
        ? interaction.toScreen((edge.source.x + edge.target.x) / 2, (edge.source.y + edge.target.y) / 2)
        : undefined;
    },
    get settled(): boolean {
      return settled;
    },
    get frames(): number {
      return frames;
    },
    get groups(): readonly GroupBox[] {
      return groups;
    },
    /** The labels of the last full frame, in CSS pixels of the canvas. */
    get labels(): readonly LabelBox[] {
      return renderer.labels;
    },
    get transform(): Transform {
      return transform;
    },
    get highlight(): Highlight {
      return base;
    },
    renderNow: render,
    /** Draws once, synchronously, and returns the milliseconds it took (benchmark). */
    timeDraw(fast: boolean): number {
      const start = performance.now();
      renderer.draw(scene, transform, currentHighlight(), groups, fast);
      canvas.getContext('2d')!.getImageData(0, 0, 1, 1); // forces rasterisation, not just recording
      return performance.now() - start;
    },
  };
}
export type GraphView = ReturnType<typeof createGraphView>;
