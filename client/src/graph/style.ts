import type { EntityType, GraphEdge, GraphNode, PersonStatus } from '../api/types.js';
import type { ConfidenceLevel } from '../../../graph/vocabulary/confidence.js';
import { ENTITY_TYPE_INFO, ENTITY_TYPES, type EntityTypeInfo } from '../../../graph/vocabulary/entity-types.js';
import { RELATIONSHIP_GROUPS, relationshipGroup } from '../../../graph/vocabulary/relationship-types.js';

/**
 * Style rules, declared as data so the renderer, the SVG export and the legend read the same
 * table (issue #4: by entity type, relationship type, confidence and status). Type colours,
 * sizes and edge groups come from the vocabulary (graph/vocabulary).
 */
const typeInfo = (type: string): EntityTypeInfo | undefined =>
  (ENTITY_TYPE_INFO as Record<string, EntityTypeInfo>)[type];

export const NODE_COLOURS = Object.fromEntries(
  ENTITY_TYPES.map((type) => [type, ENTITY_TYPE_INFO[type].colour]),
) as Record<EntityType, string>;

/** The colour of a type's dots and badges; unknown types (a newer server) are grey. */
export const entityColour = (type: string): string => typeInfo(type)?.colour ?? '#95a5a6';

export const STATUS_COLOURS: Record<PersonStatus, string> = {
  detained: '#c0392b',
  missing: '#8e44ad',
  blocked: '#e67e22',
  free: '#27ae60',
};

export const EDGE_GROUPS = Object.entries(RELATIONSHIP_GROUPS).map(([group, { label, colour }]) => ({
  name: label,
  colour,
  test: (type: string) => relationshipGroup(type) === group,
}));

/** Confidence as line pattern: the weaker the claim, the more broken the line. */
export const CONFIDENCE_DASH: Record<string, number[]> = {
  confirmed: [],
  probable: [],
  possible: [6, 4],
  doubtful: [2, 4],
} satisfies Record<ConfidenceLevel, number[]>;
export const CONFIDENCE_WIDTH: Record<string, number> = {
  confirmed: 2,
  probable: 1.4,
  possible: 1.2,
  doubtful: 1,
} satisfies Record<ConfidenceLevel, number>;

export function nodeColour(node: GraphNode): string {
  return entityColour(node.type);
}

export function nodeRadius(node: GraphNode, degree: number): number {
  const base = typeInfo(node.type)?.radius ?? 6;
  return base + Math.min(8, Math.sqrt(degree));
}

export function edgeColour(edge: GraphEdge): string {
  return RELATIONSHIP_GROUPS[relationshipGroup(edge.type)].colour;
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
