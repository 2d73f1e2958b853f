import type { EntityType, GraphEdge, GraphNode, PersonStatus } from '../api/types.js';

/**
 * Style rules, declared as data so the renderer, the SVG export and the legend read the same
 * table (issue #4: by entity type, relationship type, confidence and status).
 */
export const NODE_COLOURS: Record<EntityType, string> = {
  Person: '#2f6db5',
  Family: '#8a5cc2',
  Facility: '#c0392b',
  Place: '#2e8b57',
  Organisation: '#d68910',
  Event: '#5d6d7e',
  Source: '#7f8c8d',
};

export const STATUS_COLOURS: Record<PersonStatus, string> = {
  detained: '#c0392b',
  missing: '#8e44ad',
  blocked: '#e67e22',
  free: '#27ae60',
};

const KINSHIP = new Set(['PARENT_OF', 'PARTNER_OF', 'SIBLING_OF', 'RELATIVE_OF', 'GUARDIAN_OF']);

export const EDGE_GROUPS = [
  { name: 'kinship', colour: '#2f6db5', test: (type: string) => KINSHIP.has(type) },
  { name: 'family membership', colour: '#8a5cc2', test: (type: string) => type === 'MEMBER_OF' },
  {
    name: 'events and places',
    colour: '#5d6d7e',
    test: (type: string) => ['PARTICIPATED_IN', 'OCCURRED_AT', 'LOCATED_IN'].includes(type),
  },
  { name: 'organisations and sources', colour: '#b9770e', test: () => true },
] as const;

/** Confidence as line pattern: the weaker the claim, the more broken the line. */
export const CONFIDENCE_DASH: Record<string, number[]> = {
  confirmed: [],
  probable: [],
  possible: [6, 4],
  doubtful: [2, 4],
};
export const CONFIDENCE_WIDTH: Record<string, number> = { confirmed: 2, probable: 1.4, possible: 1.2, doubtful: 1 };

export function nodeColour(node: GraphNode): string {
  return NODE_COLOURS[node.type] ?? '#95a5a6';
}

export function nodeRadius(node: GraphNode, degree: number): number {
  const base = node.type === 'Person' ? 7 : node.type === 'Family' ? 8 : 6;
  return base + Math.min(8, Math.sqrt(degree));
}

export function edgeColour(edge: GraphEdge): string {
  return (EDGE_GROUPS.find((g) => g.test(edge.type)) ?? EDGE_GROUPS[3]).colour;
}

/** Edge style key: edges sharing it are stroked as one path (the renderer batches by it). */
export function edgeStyleKey(edge: GraphEdge): string {
  return `${edgeColour(edge)}|${edge.confidence}`;
}

/** Where a status comes from: the API's `status` when present; the timeline may supply more (#5). */
export type StatusRule = (node: GraphNode) => PersonStatus | undefined;
let statusRule: StatusRule = (node) => node.status;
export function setStatusRule(rule: StatusRule): void {
  statusRule = rule;
}
export function nodeStatus(node: GraphNode): PersonStatus | undefined {
  return statusRule(node);
}

export function edgeLabel(edge: GraphEdge): string {
  const type = edge.type.toLowerCase().replaceAll('_', ' ');
  return [edge.relation ?? type, edge.role ? `(${edge.role})` : ''].filter(Boolean).join(' ');
}
