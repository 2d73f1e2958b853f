import { z } from 'zod';
import type { EntityTypeSpec, Vocabulary } from '../vocabulary/index.js';
import { Entity, entitySchemasFor, entityTypeNameFor, entityUnionFor } from './entities.js';
import { Relationship, relationshipSchemaFor } from './relationships.js';

/** The file form of a graph whose entities and relationships are these. */
function datasetOf<E extends z.ZodType, R extends z.ZodType>(entity: E, relationship: R) {
  return z
    .object({
      kinline: z.literal(1),
      title: z.string().max(400).optional(),
      synthetic: z.boolean().optional(),
      entities: z.array(entity),
      relationships: z.array(relationship),
    })
    .strict();
}

/**
 * Every zod schema derived from a vocabulary. The exports of graph/schema are these for Kinline's
 * own vocabulary; a test can derive them for a vocabulary with one more type.
 */
export function schemaFor<Entities extends Record<string, EntityTypeSpec>>(vocabulary: Vocabulary<Entities>) {
  const entity = entityUnionFor(vocabulary.entities);
  const relationship = relationshipSchemaFor(vocabulary.relationships);
  return {
    entities: entitySchemasFor(vocabulary.entities),
    EntityTypeName: entityTypeNameFor(vocabulary.entities),
    Entity: entity,
    Relationship: relationship,
    Dataset: datasetOf(entity, relationship),
  };
}

/**
 * The file form of a Kinline graph: what seeds, imports and exports read and write.
 * `load(export(db))` yields the same graph.
 */
export const Dataset = datasetOf(Entity, Relationship);
export type Dataset = z.infer<typeof Dataset>;
/** What callers may write: defaults (claim confidence, name kind) are still to be applied. */
export type DatasetInput = z.input<typeof Dataset>;
