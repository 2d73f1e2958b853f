import { drag } from 'd3-drag';
import { select } from 'd3-selection';
import { zoom, zoomIdentity, type ZoomBehavior, type ZoomTransform } from 'd3-zoom';
import type { HitTester } from './hit-test.js';
import type { Transform } from './renderer.js';
import type { Scene, SceneEdge, SceneNode } from './scene.js';

export interface InteractionHandlers {
  transform(t: Transform): void;
  hover(node: SceneNode | undefined): void;
  click(target: { node?: SceneNode; edge?: SceneEdge }): void;
  doubleClick(node: SceneNode): void;
  dragStart(node: SceneNode): void;
  drag(node: SceneNode, x: number, y: number): void;
  dragEnd(node: SceneNode): void;
}

/**
 * Pointer gestures on the canvas: d3-zoom pans and zooms, d3-drag moves the node under the
 * pointer (its subject), and clicks are resolved with the hit tester. Drag is bound first, so a
 * press on a node drags it and a press on empty space pans.
 */
export function attachInteraction(canvas: HTMLCanvasElement, scene: Scene, hits: HitTester, on: InteractionHandlers) {
  let current: ZoomTransform = zoomIdentity;
  const toGraph = (clientX: number, clientY: number): [number, number] => {
    const rect = canvas.getBoundingClientRect();
    return current.invert([clientX - rect.left, clientY - rect.top]);
  };
  const nodeAtEvent = (event: { clientX: number; clientY: number }) => {
    const [x, y] = toGraph(event.clientX, event.clientY);
    return hits.nodeAt(x, y, 3 / current.k);
  };

  const zoomer: ZoomBehavior<HTMLCanvasElement, unknown> = zoom<HTMLCanvasElement, unknown>()
    .scaleExtent([0.02, 12])
    .on('zoom', (event: { transform: ZoomTransform }) => {
      current = event.transform;
      on.transform({ x: current.x, y: current.y, k: current.k });
    });

  const dragger = drag<HTMLCanvasElement, unknown, SceneNode | undefined>()
    .subject((event: { sourceEvent: MouseEvent }) => nodeAtEvent(event.sourceEvent))
    .on('start', (event: { subject: SceneNode }) => on.dragStart(event.subject))
    .on('drag', (event: { subject: SceneNode; sourceEvent: MouseEvent }) => {
      const [x, y] = toGraph(event.sourceEvent.clientX, event.sourceEvent.clientY);
      on.drag(event.subject, x, y);
    })
    .on('end', (event: { subject: SceneNode }) => on.dragEnd(event.subject));

  const selection = select(canvas);
  selection.call(dragger).call(zoomer).on('dblclick.zoom', null);

  canvas.addEventListener('pointermove', (event) => on.hover(nodeAtEvent(event)));
  canvas.addEventListener('pointerleave', () => on.hover(undefined));
  canvas.addEventListener('click', (event) => {
    const node = nodeAtEvent(event);
    if (node) return on.click({ node });
    const [x, y] = toGraph(event.clientX, event.clientY);
    on.click({ edge: hits.edgeAt(scene.edges, x, y, 5 / current.k) });
  });
  canvas.addEventListener('dblclick', (event) => {
    const node = nodeAtEvent(event);
    if (node) on.doubleClick(node);
  });

  return {
    get transform(): Transform {
      return { x: current.x, y: current.y, k: current.k };
    },
    /** Screen position of a graph point (tests and keyboard focus use it). */
    toScreen(x: number, y: number): [number, number] {
      return current.apply([x, y]);
    },
    zoomBy(factor: number): void {
      zoomer.scaleBy(selection, factor);
    },
    panBy(dx: number, dy: number): void {
      zoomer.translateBy(selection, dx / current.k, dy / current.k);
    },
    setTransform(t: Transform): void {
      zoomer.transform(selection, zoomIdentity.translate(t.x, t.y).scale(t.k));
    },
    /** Frames the given box (graph coordinates) with a margin. */
    fit(box: { x0: number; y0: number; x1: number; y1: number } | null, maxScale = 1.6): void {
      const width = canvas.clientWidth,
        height = canvas.clientHeight;
      if (!box || !width || !height) return;
      const margin = 60;
      const k = Math.min(
        maxScale,
        (width - 2 * margin) / Math.max(1, box.x1 - box.x0),
        (height - 2 * margin) / Math.max(1, box.y1 - box.y0),
      );
      const x = width / 2 - (k * (box.x0 + box.x1)) / 2;
      const y = height / 2 - (k * (box.y0 + box.y1)) / 2;
      zoomer.transform(selection, zoomIdentity.translate(x, y).scale(k));
    },
  };
}
export type Interaction = ReturnType<typeof attachInteraction>;
