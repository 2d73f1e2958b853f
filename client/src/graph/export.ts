import type { GraphEdge, GraphNode } from '../api/types.js';
import type { GroupBox } from './renderer.js';
import { radiusOf } from './renderer.js';
import type { Scene } from './scene.js';
import { CONFIDENCE_DASH, CONFIDENCE_WIDTH, edgeColour, edgeLabel, nodeColour } from './style.js';

const SVG = 'http://www.w3.org/2000/svg';

/**
 * The view as a standalone SVG: same positions and style table as the canvas. Built with DOM
 * calls and serialised by XMLSerializer, so names are escaped as text, never parsed.
 */
export function sceneToSvg(scene: Scene, groups: readonly GroupBox[] = []): string {
  const box = scene.bounds() ?? { x0: 0, y0: 0, x1: 100, y1: 100 };
  const pad = 80;
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('xmlns', SVG);
  svg.setAttribute(
    'viewBox',
    `${box.x0 - pad} ${box.y0 - pad} ${box.x1 - box.x0 + 2 * pad + 200} ${box.y1 - box.y0 + 2 * pad}`,
  );
  svg.setAttribute('font-family', 'system-ui, sans-serif');
  const add = (parent: Element, name: string, attrs: Record<string, string | number>, text?: string) => {
    const node = document.createElementNS(SVG, name);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
    if (text !== undefined) node.textContent = text;
    parent.appendChild(node);
    return node;
  };
  for (const g of groups) {
    add(svg, 'rect', {
      x: g.x0,
      y: g.y0,
      width: g.x1 - g.x0,
      height: g.y1 - g.y0,
      rx: 12,
      fill: 'rgba(138,92,194,0.07)',
      stroke: 'rgba(138,92,194,0.5)',
    });
    add(svg, 'text', { x: g.x0 + 10, y: g.y0 + 20, 'font-size': 12, fill: '#6c3483' }, g.name);
  }
  for (const e of scene.edges) {
    const line = add(svg, 'line', {
      x1: e.source.x,
      y1: e.source.y,
      x2: e.target.x,
      y2: e.target.y,
      stroke: edgeColour(e.data),
      'stroke-width': CONFIDENCE_WIDTH[e.data.confidence] ?? 1.2,
    });
    const dash = CONFIDENCE_DASH[e.data.confidence] ?? [];
    if (dash.length) line.setAttribute('stroke-dasharray', dash.join(' '));
    add(line, 'title', {}, edgeLabel(e.data));
  }
  for (const n of scene.nodes) {
    const circle = add(svg, 'circle', {
      cx: n.x,
      cy: n.y,
      r: radiusOf(n),
      fill: nodeColour(n.data),
      stroke: '#fff',
      'stroke-width': 1.5,
    });
    add(circle, 'title', {}, `${n.data.name} (${n.data.type})`);
    add(svg, 'text', { x: n.x + radiusOf(n) + 4, y: n.y + 4, 'font-size': 12, fill: '#1b2631' }, n.data.name);
  }
  return new XMLSerializer().serializeToString(svg);
}

/** GraphML (http://graphml.graphdrawing.org/) of what is on screen, built as XML DOM. */
export function toGraphML(nodes: readonly GraphNode[], edges: readonly GraphEdge[]): string {
  const ns = 'http://graphml.graphdrawing.org/xmlns';
  const doc = document.implementation.createDocument(ns, 'graphml', null);
  const root = doc.documentElement;
  const keys = [
    ['name', 'node'],
    ['type', 'node'],
    ['protected', 'node'],
    ['type', 'edge'],
    ['role', 'edge'],
    ['relation', 'edge'],
    ['date', 'edge'],
    ['confidence', 'edge'],
  ] as const;
  for (const [name, domain] of keys) {
    const key = doc.createElementNS(ns, 'key');
    key.setAttribute('id', `${domain}_${name}`);
    key.setAttribute('for', domain);
    key.setAttribute('attr.name', name);
    key.setAttribute('attr.type', 'string');
    root.appendChild(key);
  }
  const graph = doc.createElementNS(ns, 'graph');
  graph.setAttribute('edgedefault', 'directed');
  root.appendChild(graph);
  const data = (parent: Element, key: string, value: unknown) => {
    if (value === undefined || value === null) return;
    const d = doc.createElementNS(ns, 'data');
    d.setAttribute('key', key);
    d.textContent = String(value);
    parent.appendChild(d);
  };
  for (const n of nodes) {
    const node = doc.createElementNS(ns, 'node');
    node.setAttribute('id', n.id);
    data(node, 'node_name', n.name);
    data(node, 'node_type', n.type);
    data(node, 'node_protected', n.protected ? 'true' : undefined);
    graph.appendChild(node);
  }
  for (const e of edges) {
    const edge = doc.createElementNS(ns, 'edge');
    edge.setAttribute('id', e.id);
    edge.setAttribute('source', e.source);
    edge.setAttribute('target', e.target);
    data(edge, 'edge_type', e.type);
    data(edge, 'edge_role', e.role);
    data(edge, 'edge_relation', e.relation);
    data(edge, 'edge_date', e.date);
    data(edge, 'edge_confidence', e.confidence);
    graph.appendChild(edge);
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(doc)}`;
}

export function download(filename: string, type: string, content: BlobPart | Blob): void {
  const blob = content instanceof Blob ? content : new Blob([content], { type });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
