import { z } from 'zod';
import {
  deprivingKinds,
  ENTITY_BASE_FIELDS,
  ENTITY_TYPES,
  type EntityType,
  type EntityTypeSpec,
  type ProjectVocabulary,
  VOCABULARY,
} from '../vocabulary/index.js';

import { statementIssues } from './statements.js';

export { Disclosure, ENTITY, ENTITY_TYPES, type EntityType } from '../vocabulary/index.js';

type BaseFields = typeof ENTITY_BASE_FIELDS;
/** The zod object of one entity type: the common fields, `type` (its name) and its own fields. */
export type EntitySchema<Type extends string, Fields extends z.ZodRawShape> = z.ZodObject<
  BaseFields & { type: z.ZodLiteral<Type> } & Fields,
  z.core.$strict
>;
export type EntitySchemas<Entities extends Record<string, EntityTypeSpec>> = {
  [Type in keyof Entities & string]: EntitySchema<Type, Entities[Type]['fields']>;
};

/** One strict zod object per entity type of a vocabulary. */
export function entitySchemasFor<Entities extends Record<string, EntityTypeSpec>>(
  entities: Entities,
): EntitySchemas<Entities> {
  const schemas = Object.entries(entities).map(([type, spec]) => {
    const shape = { ...ENTITY_BASE_FIELDS, type: z.literal(type), ...spec.fields };
    // Each statement's value is checked against the field it states (statements.ts).
    const schema = z.strictObject(shape).superRefine((record, ctx) => {
      for (const issue of statementIssues(shape, record)) ctx.addIssue({ code: 'custom', ...issue });
    });
    return [type, schema];
  });
  return Object.fromEntries(schemas) as EntitySchemas<Entities>;
}

/** Any entity of a vocabulary, told apart by `type`. */
export function entityUnionFor<Entities extends Record<string, EntityTypeSpec>>(entities: Entities) {
  type One = EntitySchemas<Entities>[keyof Entities & string];
  const schemas = Object.values(entitySchemasFor(entities)) as One[];
  return z.discriminatedUnion('type', schemas as [One, ...One[]]);
}

/** The allow-list of entity type names, as a zod enum (request validation). */
export const entityTypeNameFor = <Entities extends Record<string, EntityTypeSpec>>(entities: Entities) =>
  z.enum(Object.keys(entities) as [keyof Entities & string, ...(keyof Entities & string)[]]);

/** One zod object per type of Kinline's vocabulary. */
export const ENTITY_SCHEMAS: EntitySchemas<ProjectVocabulary['entities']> = entitySchemasFor(VOCABULARY.entities);
export const { Person, Family, Facility, Place, Organisation, Event, Source } = ENTITY_SCHEMAS;

export const Entity = entityUnionFor(VOCABULARY.entities);
export type Entity = z.infer<typeof Entity>;
export type PersonRecord = z.infer<typeof Person>;
export type EventRecord = z.infer<typeof Event>;
export type SourceRecord = z.infer<typeof Source>;
/** One entity type's record: `EntityOf<typeof ENTITY.Person>`. */
export type EntityOf<Type extends EntityType> = Extract<Entity, { type: Type }>;

export const EntityTypeName = z.enum(ENTITY_TYPES);
export const EventKind = Event.shape.kind;
export type EventKind = z.infer<typeof EventKind>;

/** Event kinds that put a person out of reach of their family while they last. */
export const DEPRIVING_EVENT_KINDS: readonly EventKind[] = deprivingKinds();
