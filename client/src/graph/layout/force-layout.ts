import type { FromWorker, ToWorker } from './protocol.js';
import type { SimLink } from './simulation.js';

export interface LayoutStats {
  ticks: number;
  millis: number;
}
export type PositionsListener = (positions: Float32Array, done: LayoutStats | null) => void;

/**
 * The main-thread face of the force layout: it sends the graph to a worker and hands back
 * positions as they come. Messages from a superseded graph are dropped by generation.
 */
export function createForceLayout(onPositions: PositionsListener) {
  const worker = new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module', name: 'kinline-layout' });
  let generation = 0;
  const send = (message: ToWorker, transfer: Transferable[] = []) => worker.postMessage(message, transfer);

  worker.onmessage = (event: MessageEvent<FromWorker>) => {
    const message = event.data;
    if (message.generation !== generation) return;
    onPositions(message.positions, message.kind === 'end' ? { ticks: message.ticks, millis: message.millis } : null);
  };

  return {
    setGraph(positions: Float32Array, fixed: Uint8Array, links: SimLink[], alpha: number): void {
      generation++;
      send({ kind: 'graph', positions, fixed, links, alpha }, [
        positions.buffer as ArrayBuffer,
        fixed.buffer as ArrayBuffer,
      ]);
    },
    fix(index: number, x: number, y: number): void {
      send({ kind: 'fix', index, x, y });
    },
    release(index: number): void {
      send({ kind: 'release', index });
    },
    reheat(alpha = 0.3): void {
      send({ kind: 'reheat', alpha });
    },
    stop(): void {
      send({ kind: 'stop' });
    },
    dispose(): void {
      worker.terminate();
    },
  };
}
export type ForceLayout = ReturnType<typeof createForceLayout>;
