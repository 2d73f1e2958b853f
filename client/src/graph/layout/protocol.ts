import type { SimLink } from './simulation.js';

/** Messages between the layout controller and its worker. Positions travel as [x0,y0,x1,y1,...]. */
export type ToWorker =
  | { kind: 'graph'; positions: Float32Array; fixed: Uint8Array; links: SimLink[]; alpha: number }
  | { kind: 'fix'; index: number; x: number; y: number }
  | { kind: 'release'; index: number }
  | { kind: 'reheat'; alpha: number }
  | { kind: 'stop' };

export type FromWorker =
  | { kind: 'tick'; positions: Float32Array; alpha: number; generation: number }
  | { kind: 'end'; positions: Float32Array; generation: number; ticks: number; millis: number };
