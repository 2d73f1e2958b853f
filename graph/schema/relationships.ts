import { z } from 'zod';
import {
  type EntityType,
  RELATIONSHIP_SPECS,
  RELATIONSHIP_TYPES,
  type RelationshipSpec,
  type RelationshipType,
} from '../vocabulary/index.js';
import { Claims, Edtf, Id, ShortText } from './common.js';

export {
  KIN_TYPES,
  KINSHIP_TYPES,
  RELATIONSHIP_SPECS,
  RELATIONSHIP_TYPES,
  type RelationshipType,
} from '../vocabulary/index.js';

/** The relationship record of a vocabulary's relationship types, with each type's roles checked. */
export function relationshipSchemaFor<Types extends string>(specs: Record<Types, RelationshipSpec>) {
  const types = Object.keys(specs) as [Types, ...Types[]];
  return z
    .object({
      id: Id,
      type: z.enum(types),
      from: Id,
      to: Id,
      role: ShortText.optional(),
      /** For RELATIVE_OF: the relation of `from` to `to` in words ("maternal uncle"). */
      relation: ShortText.optional(),
      date: Edtf.optional().describe('when the relationship held, e.g. a term of office'),
      claims: Claims,
      synthetic: z.boolean().optional(),
    })
    .strict()
    .superRefine((rel, ctx) => {
      const roles = (specs[rel.type] as RelationshipSpec).roles;
      if (rel.role && roles && !roles.includes(rel.role)) {
        ctx.addIssue({ code: 'custom', path: ['role'], message: `must be one of ${roles.join(', ')} for ${rel.type}` });
      }
      if (rel.from === rel.to)
        ctx.addIssue({
          code: 'custom',
          path: ['to'],
          message: `relationship "${rel.id}" links "${rel.from}" to itself: a relationship joins two different entities`,
        });
    });
}

export const RelationshipTypeName = z.enum(RELATIONSHIP_TYPES as [RelationshipType, ...RelationshipType[]]);
export const Relationship = relationshipSchemaFor<RelationshipType>(RELATIONSHIP_SPECS);
export type Relationship = z.infer<typeof Relationship>;

export function endpointsAllowed(type: RelationshipType, fromType: EntityType, toType: EntityType): boolean {
  const spec: RelationshipSpec = RELATIONSHIP_SPECS[type];
  return spec.from.includes(fromType) && spec.to.includes(toType);
}

export function allowedEndpoints(type: RelationshipType): { from: readonly EntityType[]; to: readonly EntityType[] } {
  const spec: RelationshipSpec = RELATIONSHIP_SPECS[type];
  return { from: spec.from, to: spec.to };
}
