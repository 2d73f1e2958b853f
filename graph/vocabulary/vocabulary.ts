import type { z } from 'zod';
import { CONFIDENCE_LEVELS } from './confidence.js';
import { DISCLOSURE_LEVELS } from './disclosure.js';
import { ENTITY_FIELDS } from './entity-fields.js';
import { ENTITY_TYPE_INFO, type EntityTypeInfo } from './entity-types.js';
import { EVENT_KINDS, type EventKindSpec } from './event-kinds.js';
import { RELATIONSHIP_GROUPS, RELATIONSHIP_SPECS, type RelationshipSpec } from './relationship-types.js';

/** An entity type with its fields: what graph/schema turns into a zod object. */
export interface EntityTypeSpec<Fields extends z.ZodRawShape = z.ZodRawShape> extends EntityTypeInfo {
  fields: Fields;
}

/**
 * The whole vocabulary as one value. The derivations (graph/schema `schemaFor`, `constraintsFor`,
 * the CSV template, the client's legend) are functions of it, so a test can add a type to a copy.
 */
export interface Vocabulary<Entities extends Record<string, EntityTypeSpec> = Record<string, EntityTypeSpec>> {
  entities: Entities;
  relationships: Record<string, RelationshipSpec>;
  relationshipGroups: Record<string, { label: string; colour: string }>;
  eventKinds: Record<string, EventKindSpec>;
  confidenceLevels: readonly string[];
  disclosureLevels: readonly string[];
}

type ProjectEntities = {
  [K in keyof typeof ENTITY_TYPE_INFO]: (typeof ENTITY_TYPE_INFO)[K] & { fields: (typeof ENTITY_FIELDS)[K] };
};

function withFields(): ProjectEntities {
  const entries = Object.entries(ENTITY_TYPE_INFO).map(([type, info]) => [
    type,
    { ...info, fields: ENTITY_FIELDS[type as keyof typeof ENTITY_FIELDS] },
  ]);
  return Object.fromEntries(entries) as ProjectEntities;
}

/** Kinline's vocabulary. */
export const VOCABULARY = {
  entities: withFields(),
  relationships: RELATIONSHIP_SPECS,
  relationshipGroups: RELATIONSHIP_GROUPS,
  eventKinds: EVENT_KINDS,
  confidenceLevels: CONFIDENCE_LEVELS,
  disclosureLevels: DISCLOSURE_LEVELS,
} satisfies Vocabulary<ProjectEntities>;
export type ProjectVocabulary = typeof VOCABULARY;
