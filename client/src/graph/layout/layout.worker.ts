/// <reference lib="webworker" />
import type { Simulation } from 'd3-force';
import type { FromWorker, ToWorker } from './protocol.js';
import { createSimulation, type SimNode } from './simulation.js';

/** Runs the force layout off the main thread, posting positions at most once per frame. */
const scope = self as unknown as DedicatedWorkerGlobalScope;
let simulation: Simulation<SimNode, undefined> | undefined;
let nodes: SimNode[] = [];
let generation = 0;
let timer: ReturnType<typeof setTimeout> | undefined;
let started = 0;
let ticks = 0;

const FRAME_MS = 16;

function positions(): Float32Array {
  const out = new Float32Array(nodes.length * 2);
  nodes.forEach((n, i) => {
    out[2 * i] = n.x ?? 0;
    out[2 * i + 1] = n.y ?? 0;
  });
  return out;
}

function post(message: FromWorker): void {
  const buffer = message.positions.buffer as ArrayBuffer;
  scope.postMessage(message, [buffer]);
}

function run(): void {
  if (!simulation) return;
  const sliceEnd = performance.now() + FRAME_MS;
  while (performance.now() < sliceEnd && simulation.alpha() >= simulation.alphaMin()) {
    simulation.tick();
    ticks++;
  }
  if (simulation.alpha() < simulation.alphaMin()) {
    post({ kind: 'end', positions: positions(), generation, ticks, millis: performance.now() - started });
    timer = undefined;
    return;
  }
  post({ kind: 'tick', positions: positions(), alpha: simulation.alpha(), generation });
  timer = setTimeout(run, 0);
}

function restart(alpha: number): void {
  simulation?.alpha(Math.max(simulation.alpha(), alpha));
  started = performance.now();
  ticks = 0;
  if (timer === undefined) timer = setTimeout(run, 0);
}

scope.onmessage = (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  if (message.kind === 'graph') {
    generation++;
    nodes = Array.from({ length: message.positions.length / 2 }, (_, index) => {
      const x = message.positions[2 * index]!;
      const y = message.positions[2 * index + 1]!;
      return message.fixed[index] ? { index, x, y, fx: x, fy: y } : { index, x, y };
    });
    simulation = createSimulation(nodes, message.links, { alpha: message.alpha });
    simulation.alpha(message.alpha);
    restart(message.alpha);
  } else if (message.kind === 'fix') {
    const node = nodes[message.index];
    if (node) {
      node.fx = message.x;
      node.fy = message.y;
      node.x = message.x;
      node.y = message.y;
    }
  } else if (message.kind === 'release') {
    const node = nodes[message.index];
    if (node) {
      node.fx = null;
      node.fy = null;
    }
  } else if (message.kind === 'reheat') {
    restart(message.alpha);
  } else if (message.kind === 'stop') {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  }
};
