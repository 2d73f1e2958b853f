import { RELATIONSHIP_SPECS, type Dataset, type Entity, type Relationship } from '../schema/index.js';
import { strongestConfidence } from '../vocabulary/confidence.js';

/** The flat attributes a graph file (GraphML, GEXF) carries per node and per edge. */
export const NODE_ATTRIBUTES = [
  'type',
  'kind',
  'date',
  'birthDate',
  'deathDate',
  'gender',
  'aliases',
  'latitude',
  'longitude',
  'description',
  'identifiers',
  'statements',
] as const;
export const EDGE_ATTRIBUTES = [
  'type',
  'role',
  'relation',
  'date',
  'confidence',
  'citations',
  'firstSource',
  'firstLocator',
  'firstExcerpt',
] as const;

export const labelOf = (entity: Entity) => (entity.names.find((n) => n.kind === 'primary') ?? entity.names[0])!.value;

export function nodeAttributes(entity: Entity): Partial<Record<(typeof NODE_ATTRIBUTES)[number], string | number>> {
  const e = entity as Record<string, unknown>;
  const out: Partial<Record<(typeof NODE_ATTRIBUTES)[number], string | number>> = { type: entity.type };
  for (const key of [
    'kind',
    'date',
    'birthDate',
    'deathDate',
    'gender',
    'latitude',
    'longitude',
    'description',
  ] as const) {
    if (typeof e[key] === 'string' || typeof e[key] === 'number') out[key] = e[key] as string | number;
  }
  const aliases = entity.names.slice(1).map((n) => n.value);
  if (aliases.length) out.aliases = aliases.join('; ');
  if (entity.identifiers?.length) out.identifiers = entity.identifiers.map((i) => `${i.scheme}:${i.value}`).join('; ');
  // Statements with their claims have no flat form: kept whole, as the JSON file writes them.
  if (entity.statements?.length) out.statements = JSON.stringify(entity.statements);
  return out;
}

export function edgeAttributes(rel: Relationship): Partial<Record<(typeof EDGE_ATTRIBUTES)[number], string | number>> {
  const best = strongestConfidence(rel.claims.map((c) => c.confidence));
  const first = rel.claims[0];
  const out: Partial<Record<(typeof EDGE_ATTRIBUTES)[number], string | number>> = {
    type: rel.type,
    confidence: best,
    citations: rel.claims.length,
  };
  if (rel.role) out.role = rel.role;
  if (rel.relation) out.relation = rel.relation;
  if (rel.date) out.date = rel.date;
  if (first)
    Object.assign(out, { firstSource: first.source, firstLocator: first.locator, firstExcerpt: first.excerpt });
  return out;
}

export const isSymmetric = (rel: Relationship) => RELATIONSHIP_SPECS[rel.type].symmetric;

export type { Dataset };
