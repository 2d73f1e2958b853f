import cytoscape from 'cytoscape';
import type { GraphEdge, GraphNode } from '../../client/src/api/types.js';
import { createGraphView } from '../../client/src/graph/graph-view.js';
import { CONFIDENCE_LEVELS } from '../../graph/vocabulary/confidence.js';
import { ENTITY, ENTITY_TYPES } from '../../graph/vocabulary/entity-types.js';

/**
 * The page the client benchmark loads: synthetic graphs drawn by Kinline's graph view and, as a
 * peer reference, by cytoscape.js. Each run reports layout settle time and pan/zoom frame rate.
 */
// Every type once, people three times (a family graph is mostly people).
const TYPES = [ENTITY.Person, ENTITY.Person, ...ENTITY_TYPES];
const REL = ['PARENT_OF', 'PARTNER_OF', 'MEMBER_OF', 'PARTICIPATED_IN', 'LOCATED_IN', 'MENTIONS'];
const CONF = CONFIDENCE_LEVELS;

/** n nodes and 2n edges: a random tree (so it is connected) plus n random chords; seeded. */
export function syntheticGraph(n: number): { nodes: GraphNode[]; edges: GraphEdge[] } {
  let seed = 42;
  const random = () => (seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32;
  const nodes: GraphNode[] = Array.from({ length: n }, (_, i) => ({
    id: `n${i}`,
    type: TYPES[i % TYPES.length]!,
    name: `Entity ${i}`,
  }));
  const edges: GraphEdge[] = [];
  for (let i = 1; i < n; i++)
    edges.push({
      id: `t${i}`,
      type: REL[i % REL.length]!,
      source: `n${Math.floor(random() * i)}`,
      target: `n${i}`,
      confidence: CONF[i % 4]!,
    });
  for (let i = 0; i < n; i++) {
    const a = Math.floor(random() * n),
      b = Math.floor(random() * n);
    if (a !== b)
      edges.push({
        id: `c${i}`,
        type: REL[i % REL.length]!,
        source: `n${a}`,
        target: `n${b}`,
        confidence: CONF[i % 4]!,
      });
  }
  return { nodes, edges };
}

const stage = document.getElementById('stage')!;

/** rAF callbacks per second while `step` moves the camera every frame. */
function measureFps(step: (i: number) => void, millis = 3000): Promise<number> {
  return new Promise((resolve) => {
    let frames = 0;
    const start = performance.now();
    const loop = (now: number) => {
      if (now - start >= millis) return resolve(Math.round((frames / ((now - start) / 1000)) * 10) / 10);
      step(frames++);
      requestAnimationFrame(loop);
    };
    requestAnimationFrame(loop);
  });
}

const panZoom = (pan: (dx: number, dy: number) => void, zoom: (f: number) => void) => (i: number) => {
  if (i % 60 < 30) pan(i % 2 ? 6 : -4, 3);
  else zoom(i % 60 < 45 ? 1.02 : 1 / 1.02);
};

async function runKinline(n: number) {
  stage.replaceChildren();
  const canvas = document.createElement('canvas');
  stage.appendChild(canvas);
  const { nodes, edges } = syntheticGraph(n);
  let settle: (v: number) => void = () => undefined;
  const settled = new Promise<number>((resolve) => {
    settle = resolve;
  });
  const started = performance.now();
  const view = createGraphView(canvas, {
    select() {},
    expand() {},
    moved() {},
    settled: () => settle(performance.now() - started),
  });
  view.show(nodes, edges, { pinned: {} });
  const settleMillis = await settled;
  view.fit();
  await new Promise((resolve) => setTimeout(resolve, 400)); // a person looks before dragging
  const fps = await measureFps(panZoom(view.panBy, view.zoomBy));
  view.fit();
  // Frame cost without rAF pacing: the median of 20 synchronous draws, moving and at rest.
  const median = (fast: boolean) => {
    const times = Array.from({ length: 20 }, () => view.timeDraw(fast)).sort((a, b) => a - b);
    return Math.round(times[10]! * 10) / 10;
  };
  return {
    nodes: n,
    edges: edges.length,
    settleMillis: Math.round(settleMillis),
    panZoomFps: fps,
    drawMillisMoving: median(true),
    drawMillisAtRest: median(false),
  };
}

async function runCytoscape(n: number, layout: 'cose' | 'grid') {
  stage.replaceChildren();
  const container = document.createElement('div');
  stage.appendChild(container);
  const { nodes, edges } = syntheticGraph(n);
  const started = performance.now();
  const cy = cytoscape({
    container,
    elements: [
      ...nodes.map((d) => ({ data: { id: d.id, label: d.name } })),
      ...edges.map((e) => ({ data: { id: e.id, source: e.source, target: e.target } })),
    ],
    style: [
      { selector: 'node', style: { width: 10, height: 10, label: 'data(label)', 'font-size': 8 } },
      { selector: 'edge', style: { width: 1 } },
    ],
    layout: { name: 'grid' },
    textureOnViewport: false,
  });
  const layoutStarted = performance.now();
  if (layout === 'cose') cy.layout({ name: 'cose', animate: false, randomize: true, numIter: 1000 }).run();
  const settleMillis = performance.now() - (layout === 'cose' ? layoutStarted : started);
  cy.fit();
  const fps = await measureFps(
    panZoom(
      (dx, dy) => cy.panBy({ x: dx, y: dy }),
      (f) => cy.zoom({ level: cy.zoom() * f, renderedPosition: { x: 640, y: 400 } }),
    ),
  );
  cy.destroy();
  return { nodes: n, edges: edges.length, layout, settleMillis: Math.round(settleMillis), panZoomFps: fps };
}

declare global {
  interface Window {
    bench: { runKinline: typeof runKinline; runCytoscape: typeof runCytoscape };
  }
}
window.bench = { runKinline, runCytoscape };
document.body.dataset.ready = 'true';
