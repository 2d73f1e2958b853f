import {
  forceCollide,
  forceLink,
  forceManyBody,
  forceSimulation,
  forceX,
  forceY,
  type Simulation,
  type SimulationNodeDatum,
} from 'd3-force';

export interface SimNode extends SimulationNodeDatum {
  index: number;
}
export interface SimLink {
  source: number;
  target: number;
}

/** Ticks until rest: large graphs cool faster so 5,000 nodes settle within the 5 s budget (#4). */
export function ticksFor(nodeCount: number): number {
  return nodeCount > 2000 ? 100 : nodeCount > 500 ? 200 : 300;
}

/**
 * The force layout, as a plain d3-force simulation that runs in a worker or on the main thread
 * (tests, benchmarks). Positions are read from the node objects after each tick.
 */
export function createSimulation(
  nodes: SimNode[],
  links: SimLink[],
  options: { alpha?: number } = {},
): Simulation<SimNode, undefined> {
  const n = nodes.length;
  const big = n > 2000;
  const alphaMin = 0.002;
  const simulation = forceSimulation<SimNode>(nodes)
    .alpha(options.alpha ?? 1)
    .alphaMin(alphaMin)
    .alphaDecay(1 - alphaMin ** (1 / ticksFor(n)))
    .velocityDecay(big ? 0.5 : 0.4)
    .force(
      'charge',
      forceManyBody<SimNode>()
        .strength(big ? -30 : -500)
        .theta(big ? 1.2 : 0.9)
        .distanceMax(big ? 400 : 900),
    )
    .force(
      'link',
      forceLink<SimNode, { source: number | SimNode; target: number | SimNode }>(links.map((l) => ({ ...l })))
        .id((d) => d.index)
        .distance(big ? 30 : 130)
        .iterations(1),
    )
    .force('x', forceX<SimNode>(0).strength(big ? 0.05 : 0.03))
    .force('y', forceY<SimNode>(0).strength(big ? 0.05 : 0.03))
    .stop();
  // Collision is the costliest force; small graphs need it for legible labels, big ones get by.
  if (n <= 500) simulation.force('collide', forceCollide<SimNode>(36));
  return simulation;
}
