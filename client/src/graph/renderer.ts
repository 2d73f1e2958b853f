import type { SceneEdge, SceneNode, Scene } from './scene.js';
import {
  CONFIDENCE_DASH,
  CONFIDENCE_WIDTH,
  STATUS_COLOURS,
  edgeColour,
  edgeLabel,
  nodeColour,
  nodeRadius,
  nodeStatus,
} from './style.js';

export interface Transform {
  x: number;
  y: number;
  k: number;
}

/** What to emphasise: the renderer never decides this itself. */
export interface Highlight {
  selectedNode?: string;
  selectedEdge?: string;
  focusNode?: string;
  /** When set, everything outside it is dimmed (hover neighbourhood, a path). */
  keepNodes?: ReadonlySet<string>;
  keepEdges?: ReadonlySet<string>;
  pathEdges?: ReadonlySet<string>;
}

export interface GroupBox {
  id: string;
  name: string;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  labelAtBottom?: boolean;
}

/** A label as drawn, in CSS pixels of the canvas: what tests check for overlaps. */
export interface LabelBox {
  kind: 'node' | 'edge' | 'group';
  id: string;
  text: string;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

type Box = Pick<LabelBox, 'x0' | 'y0' | 'x1' | 'y1'>;
const overlaps = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

const LABEL_LIMIT = 600;
/** Width of a wrapped label under a node in the family view, in graph units (family-layout COLUMN minus a margin). */
const BELOW_LABEL_WIDTH = 158;
const DIM = 0.12;

export const radiusOf = (n: SceneNode) => nodeRadius(n.data, n.degree);

/**
 * Draws a scene on a canvas: edges batched into one path per style, nodes batched by colour,
 * labels only where they are readable. Text is drawn with fillText, never parsed as markup.
 */
export function createRenderer(canvas: HTMLCanvasElement) {
  const context = canvas.getContext('2d', { alpha: false });
  if (!context) throw new Error('Canvas 2D is not available');
  const ctx = context;
  /** The labels of the last full frame. */
  let drawnLabels: LabelBox[] = [];

  function resize(): { width: number; height: number } {
    const ratio = window.devicePixelRatio || 1;
    const width = canvas.clientWidth,
      height = canvas.clientHeight;
    if (canvas.width !== Math.round(width * ratio) || canvas.height !== Math.round(height * ratio)) {
      canvas.width = Math.round(width * ratio);
      canvas.height = Math.round(height * ratio);
    }
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    return { width, height };
  }

  function strokeEdges(edges: readonly SceneEdge[], k: number, arrows: boolean, dashes = true, hairline = false): void {
    const groups = new Map<string, SceneEdge[]>();
    for (const e of edges) {
      const key = `${edgeColour(e.data)}|${e.data.confidence}`;
      const list = groups.get(key);
      if (list) list.push(e);
      else groups.set(key, [e]);
    }
    for (const [key, list] of groups) {
      const [colour, confidence = 'probable'] = key.split('|');
      ctx.strokeStyle = colour!;
      ctx.fillStyle = colour!;
      // Big graphs stroke under 1 device pixel: Skia's hairline path, ~40x cheaper to rasterise
      // without a GPU than 2 px lines (measured: 3.5 ms vs 132 ms for 10,000 short lines).
      ctx.lineWidth = hairline
        ? 0.95 / (k * (window.devicePixelRatio || 1))
        : (CONFIDENCE_WIDTH[confidence] ?? 1.2) / k;
      // Dashes are costly in software rasterising; while the camera moves, weak claims go thin instead.
      ctx.setLineDash(dashes ? (CONFIDENCE_DASH[confidence] ?? []).map((d) => d / k) : []);
      ctx.beginPath();
      for (const e of list) {
        ctx.moveTo(e.source.x, e.source.y);
        ctx.lineTo(e.target.x, e.target.y);
      }
      ctx.stroke();
      if (arrows) {
        ctx.beginPath();
        for (const e of list) arrowHead(e, k);
        ctx.fill();
      }
    }
    ctx.setLineDash([]);
  }

  function arrowHead(e: SceneEdge, k: number): void {
    const dx = e.target.x - e.source.x,
      dy = e.target.y - e.source.y;
    const length = Math.hypot(dx, dy) || 1;
    const ux = dx / length,
      uy = dy / length;
    const r = radiusOf(e.target) + 1.5 / k;
    const tipX = e.target.x - ux * r,
      tipY = e.target.y - uy * r;
    const size = 7 / k;
    ctx.moveTo(tipX, tipY);
    ctx.lineTo(tipX - ux * size - uy * size * 0.5, tipY - uy * size + ux * size * 0.5);
    ctx.lineTo(tipX - ux * size + uy * size * 0.5, tipY - uy * size - ux * size * 0.5);
    ctx.closePath();
  }

  function fillNodes(nodes: readonly SceneNode[], k: number, cheap = false): void {
    const groups = new Map<string, SceneNode[]>();
    for (const n of nodes) {
      const colour = nodeColour(n.data);
      const list = groups.get(colour);
      if (list) list.push(n);
      else groups.set(colour, [n]);
    }
    ctx.strokeStyle = '#ffffff';
    ctx.lineWidth = 1.5 / k;
    for (const [colour, list] of groups) {
      ctx.fillStyle = colour;
      ctx.beginPath();
      for (const n of list) {
        const r = radiusOf(n);
        // Nodes under 5 px across are squares: the same look at that size, far cheaper to fill.
        if (r * k < 2.5) ctx.rect(n.x - r, n.y - r, 2 * r, 2 * r);
        else {
          ctx.moveTo(n.x + r, n.y);
          ctx.arc(n.x, n.y, r, 0, 2 * Math.PI);
        }
      }
      ctx.fill();
      if (!cheap && (list.length < 3000 || k > 0.5)) ctx.stroke();
    }
    if (cheap) return;
    for (const n of nodes) {
      const status = nodeStatus(n.data);
      if (status) ring(n, STATUS_COLOURS[status], 3 / k, 3 / k, []);
      if (n.data.protected) ring(n, '#34495e', 1.2 / k, 1.8 / k, [2 / k, 2 / k]);
      if (n.pinned) pinMark(n, k);
    }
  }

  function ring(n: SceneNode, colour: string, width: number, gap: number, dash: number[]): void {
    ctx.strokeStyle = colour;
    ctx.lineWidth = width;
    ctx.setLineDash(dash);
    ctx.beginPath();
    ctx.arc(n.x, n.y, radiusOf(n) + gap, 0, 2 * Math.PI);
    ctx.stroke();
    ctx.setLineDash([]);
  }

  function pinMark(n: SceneNode, k: number): void {
    const r = radiusOf(n);
    ctx.fillStyle = '#1b2631';
    ctx.beginPath();
    ctx.arc(n.x + r * 0.8, n.y - r * 0.8, 2.6 / k, 0, 2 * Math.PI);
    ctx.fill();
  }

  /**
   * Node labels first, then family titles and edge labels wherever they do not overlap a label
   * already placed. In the family view (`below`) the layout leaves room for every person's label;
   * a label that would still overlap is left out unless its node is selected or focused.
   */
  function labels(
    nodes: readonly SceneNode[],
    edges: readonly SceneEdge[],
    t: Transform,
    view: { width: number; height: number },
    forced: ReadonlySet<string>,
    below: boolean,
    groups: readonly GroupBox[],
  ): void {
    const placed: LabelBox[] = [];
    const k = t.k;
    /** Registers a label (graph units in, CSS pixels kept) unless it would overlap one, when `optional`. */
    const place = (label: LabelBox, optional: boolean): boolean => {
      const box = {
        ...label,
        x0: t.x + label.x0 * k,
        y0: t.y + label.y0 * k,
        x1: t.x + label.x1 * k,
        y1: t.y + label.y1 * k,
      };
      if (optional && placed.some((p) => overlaps(p, box))) return false;
      placed.push(box);
      return true;
    };
    const x0 = -t.x / t.k,
      y0 = -t.y / t.k,
      x1 = (view.width - t.x) / t.k,
      y1 = (view.height - t.y) / t.k;
    const inView = (n: SceneNode) => n.x >= x0 && n.x <= x1 && n.y >= y0 && n.y <= y1;
    const showAll = nodes.length <= 400 ? t.k >= 0.45 : t.k >= 1.4;
    ctx.font = `${12 / t.k}px system-ui, sans-serif`;
    ctx.textBaseline = 'middle';
    ctx.lineJoin = 'round';
    let drawn = 0;
    for (const n of nodes) {
      if (drawn >= LABEL_LIMIT) break;
      if (!(forced.has(n.id) || (showAll && inView(n)))) continue;
      // Family rows are dense horizontally: labels wrap under the node there, sit beside it elsewhere.
      const lines = below ? wrapLines(n.data.name, BELOW_LABEL_WIDTH, 3) : [truncate(n.data.name, 42)];
      const x = below ? n.x : n.x + radiusOf(n) + 4 / t.k;
      const y0 = below ? n.y + radiusOf(n) + 9 / t.k : n.y;
      const width = Math.max(...lines.map((line) => ctx.measureText(line).width)) + 3 / k;
      const left = below ? x - width / 2 : x - 1.5 / k;
      const box = { x0: left, x1: left + width, y0: y0 - 7.5 / k, y1: y0 + ((lines.length - 1) * 13 + 7.5) / k };
      if (!place({ kind: 'node', id: n.id, text: lines.join(' '), ...box }, below && !forced.has(n.id))) continue;
      ctx.textAlign = below ? 'center' : 'start';
      lines.forEach((line, i) => {
        const y = y0 + (i * 13) / t.k;
        ctx.strokeStyle = 'rgba(255,255,255,0.9)';
        ctx.lineWidth = 3 / t.k;
        ctx.strokeText(line, x, y);
        ctx.fillStyle = '#1b2631';
        ctx.fillText(line, x, y);
      });
      ctx.textAlign = 'start';
      drawn++;
    }
    // Edge labels only where they can be read: few edges, or the hovered/selected neighbourhood.
    const labelled =
      edges.length <= 40 ? edges : edges.filter((e) => forced.has(e.source.id) && forced.has(e.target.id));
    groupTitles(groups, t.k, place);
    if (labelled.length <= 60 && t.k >= 0.8) {
      ctx.font = `${10 / t.k}px system-ui, sans-serif`;
      ctx.fillStyle = '#566573';
      ctx.textAlign = 'center';
      for (const e of labelled) {
        const text = edgeLabel(e.data);
        const [x, y] = [(e.source.x + e.target.x) / 2, (e.source.y + e.target.y) / 2 - 5 / t.k];
        const half = ctx.measureText(text).width / 2;
        const box = { x0: x - half, x1: x + half, y0: y - 6 / k, y1: y + 6 / k };
        if (place({ kind: 'edge', id: e.id, text, ...box }, true)) ctx.fillText(text, x, y);
      }
      ctx.textAlign = 'start';
    }
    drawnLabels = placed;
  }

  /** Each family box's title at its top (or bottom when nested), where it overlaps no other label. */
  function groupTitles(groups: readonly GroupBox[], k: number, place: (label: LabelBox, optional: boolean) => boolean) {
    ctx.fillStyle = '#6c3483';
    ctx.font = `600 ${12 / k}px system-ui, sans-serif`;
    for (const g of groups) {
      const text = truncate(g.name, 70);
      const width = ctx.measureText(text).width;
      const x = g.x0 + 10 / k;
      for (const atBottom of g.labelAtBottom ? [true, false] : [false, true]) {
        const y = atBottom ? g.y1 - 6 / k : g.y0 + 6 / k;
        const box = { x0: x, x1: x + width, y0: atBottom ? y - 14 / k : y, y1: atBottom ? y : y + 14 / k };
        if (!place({ kind: 'group', id: g.id, text, ...box }, true)) continue;
        ctx.textBaseline = atBottom ? 'bottom' : 'top';
        ctx.fillText(text, x, y);
        break;
      }
    }
    ctx.textBaseline = 'middle';
  }

  /** Greedy word wrap to `width` (graph units at the current font), at most `max` lines. */
  function wrapLines(text: string, width: number, max: number): string[] {
    const fits = (s: string) => ctx.measureText(s).width <= width;
    const lines: string[] = [];
    let line = '';
    for (const whole of text.split(/\s+/)) {
      const word = fits(whole) ? whole : shorten(whole, fits);
      const next = line ? `${line} ${word}` : word;
      if (fits(next) || !line) line = next;
      else {
        lines.push(line);
        line = word;
      }
    }
    if (line) lines.push(line);
    if (lines.length > max) {
      lines.length = max;
      lines[max - 1] = `${lines[max - 1]}…`;
    }
    return lines;
  }

  /**
   * `fast` is for frames drawn while the camera moves: no labels, arrows or dashes on big graphs,
   * so pan and zoom keep their frame rate; the graph view redraws in full once it rests.
   */
  function draw(
    scene: Scene,
    t: Transform,
    highlight: Highlight,
    groups: readonly GroupBox[] = [],
    fast = false,
  ): void {
    const view = resize();
    ctx.fillStyle = '#fbfcfd';
    ctx.fillRect(0, 0, view.width, view.height);
    ctx.save();
    ctx.translate(t.x, t.y);
    ctx.scale(t.k, t.k);
    drawGroups(groups, t.k);
    const dimming = Boolean(highlight.keepNodes);
    const keptEdges = dimming ? scene.edges.filter((e) => highlight.keepEdges?.has(e.id)) : scene.edges;
    const big = scene.nodes.length > 500 || scene.edges.length > 1000;
    const cheap = fast && big;
    const arrows = !cheap && scene.edges.length <= 3000 && t.k > 0.35;
    const dashes = !cheap;
    if (dimming) {
      ctx.globalAlpha = DIM;
      strokeEdges(scene.edges, t.k, false, dashes, big);
      fillNodes(
        scene.nodes.filter((n) => !highlight.keepNodes!.has(n.id)),
        t.k,
        cheap,
      );
      ctx.globalAlpha = 1;
    }
    strokeEdges(keptEdges, t.k, arrows, dashes, big);
    emphasiseEdges(scene, highlight, t.k);
    const keptNodes = dimming ? scene.nodes.filter((n) => highlight.keepNodes!.has(n.id)) : scene.nodes;
    fillNodes(keptNodes, t.k, cheap);
    for (const [id, colour] of [
      [highlight.selectedNode, '#f1c40f'],
      [highlight.focusNode, '#1b2631'],
    ] as const) {
      const n = id ? scene.node(id) : undefined;
      if (n) ring(n, colour, 3 / t.k, 4 / t.k, colour === '#1b2631' ? [3 / t.k, 2 / t.k] : []);
    }
    const forced = new Set(
      [highlight.selectedNode, highlight.focusNode, ...(dimming ? highlight.keepNodes! : [])].filter((x): x is string =>
        Boolean(x),
      ),
    );
    if (!cheap) labels(keptNodes, keptEdges, t, view, forced, groups.length > 0, groups);
    else groupTitles(groups, t.k, () => true);
    ctx.restore();
  }

  function emphasiseEdges(scene: Scene, highlight: Highlight, k: number): void {
    const path = highlight.pathEdges;
    for (const e of scene.edges) {
      const selected = e.id === highlight.selectedEdge;
      if (!selected && !path?.has(e.id)) continue;
      ctx.strokeStyle = selected ? '#f1c40f' : '#e74c3c';
      ctx.lineWidth = (selected ? 5 : 4) / k;
      ctx.beginPath();
      ctx.moveTo(e.source.x, e.source.y);
      ctx.lineTo(e.target.x, e.target.y);
      ctx.stroke();
    }
  }

  function drawGroups(groups: readonly GroupBox[], k: number): void {
    for (const g of groups) {
      ctx.fillStyle = 'rgba(138, 92, 194, 0.07)';
      ctx.strokeStyle = 'rgba(138, 92, 194, 0.5)';
      ctx.lineWidth = 1 / k;
      ctx.beginPath();
      ctx.roundRect(g.x0, g.y0, g.x1 - g.x0, g.y1 - g.y0, 12);
      ctx.fill();
      ctx.stroke();
    }
  }

  /**
   * Pan/zoom on big graphs: the last full frame, kept as a bitmap and moved with the camera, so
   * the frame rate does not depend on the number of edges; a full draw follows when the camera rests.
   */
  let snapshot: { image: HTMLCanvasElement; t: Transform } | undefined;
  function keepSnapshot(t: Transform): void {
    const image = snapshot?.image ?? document.createElement('canvas');
    image.width = canvas.width;
    image.height = canvas.height;
    image.getContext('2d')!.drawImage(canvas, 0, 0);
    snapshot = { image, t: { ...t } };
  }
  function drawSnapshot(t: Transform): boolean {
    if (!snapshot) return false;
    const view = resize();
    const s = t.k / snapshot.t.k;
    ctx.fillStyle = '#fbfcfd';
    ctx.fillRect(0, 0, view.width, view.height);
    ctx.drawImage(snapshot.image, t.x - s * snapshot.t.x, t.y - s * snapshot.t.y, view.width * s, view.height * s);
    return true;
  }
  function dropSnapshot(): void {
    snapshot = undefined;
  }

  return {
    draw,
    resize,
    canvas,
    keepSnapshot,
    drawSnapshot,
    dropSnapshot,
    get labels(): readonly LabelBox[] {
      return drawnLabels;
    },
  };
}
export type Renderer = ReturnType<typeof createRenderer>;

/** The longest start of `word` that fits, with an ellipsis. */
function shorten(word: string, fits: (s: string) => boolean): string {
  let end = word.length - 1;
  while (end > 1 && !fits(`${word.slice(0, end)}…`)) end--;
  return `${word.slice(0, end)}…`;
}

export function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
