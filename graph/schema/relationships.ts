import { z } from 'zod';
import { Claims, Edtf, Id, ShortText } from './common.js';
import type { EntityType } from './entities.js';

interface RelationshipSpec {
  from: readonly EntityType[];
  to: readonly EntityType[];
  kinship: boolean;
  /** Symmetric facts are stored once; queries read them in both directions. */
  symmetric: boolean;
  roles?: readonly string[];
}

const PEOPLE = ['Person'] as const;
const ACTORS = ['Person', 'Organisation'] as const;
const WHERE = ['Place', 'Facility'] as const;

/**
 * Every relationship type, with the labels it may join. This table is the allow-list for Cypher
 * relationship types and the source of the kinship calculator's vocabulary.
 */
export const RELATIONSHIP_SPECS = {
  PARENT_OF: {
    from: PEOPLE,
    to: PEOPLE,
    kinship: true,
    symmetric: false,
    roles: ['biological', 'adoptive', 'step', 'foster'],
  },
  PARTNER_OF: {
    from: PEOPLE,
    to: PEOPLE,
    kinship: true,
    symmetric: true,
    roles: ['married', 'partner', 'divorced', 'engaged'],
  },
  SIBLING_OF: { from: PEOPLE, to: PEOPLE, kinship: true, symmetric: true, roles: ['full', 'half', 'step'] },
  RELATIVE_OF: { from: PEOPLE, to: PEOPLE, kinship: true, symmetric: false },
  GUARDIAN_OF: { from: PEOPLE, to: PEOPLE, kinship: true, symmetric: false, roles: ['legal', 'caregiver', 'host'] },
  MEMBER_OF: {
    from: PEOPLE,
    to: ['Family'],
    kinship: false,
    symmetric: false,
    roles: ['parent', 'partner', 'child', 'guardian', 'grandparent', 'other'],
  },
  PARTICIPATED_IN: {
    from: ACTORS,
    to: ['Event'],
    kinship: false,
    symmetric: false,
    roles: ['subject', 'perpetrator', 'witness', 'representative', 'organiser', 'recipient', 'author', 'presenter'],
  },
  OCCURRED_AT: { from: ['Event'], to: WHERE, kinship: false, symmetric: false },
  LOCATED_IN: { from: ['Facility', 'Place', 'Organisation'], to: ['Place'], kinship: false, symmetric: false },
  AFFILIATED_WITH: {
    from: ACTORS,
    to: ['Organisation'],
    kinship: false,
    symmetric: false,
    roles: ['founder', 'director', 'member', 'representative', 'chair', 'employee', 'client', 'part-of'],
  },
  REPRESENTS: { from: ACTORS, to: ACTORS, kinship: false, symmetric: false, roles: ['lawyer', 'advocate'] },
  AUTHORED: { from: ACTORS, to: ['Source'], kinship: false, symmetric: false },
  PUBLISHED: { from: ['Organisation'], to: ['Source'], kinship: false, symmetric: false },
  MENTIONS: {
    from: ['Source'],
    to: ['Person', 'Family', 'Facility', 'Place', 'Organisation', 'Event'],
    kinship: false,
    symmetric: false,
  },
} as const satisfies Record<string, RelationshipSpec>;

export type RelationshipType = keyof typeof RELATIONSHIP_SPECS;
export const RELATIONSHIP_TYPES = Object.keys(RELATIONSHIP_SPECS) as RelationshipType[];
export const RelationshipTypeName = z.enum(RELATIONSHIP_TYPES as [RelationshipType, ...RelationshipType[]]);
export const KINSHIP_TYPES = RELATIONSHIP_TYPES.filter((type) => RELATIONSHIP_SPECS[type].kinship);

export const Relationship = z
  .object({
    id: Id,
    type: RelationshipTypeName,
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
    const roles: readonly string[] | undefined = (RELATIONSHIP_SPECS[rel.type] as RelationshipSpec).roles;
    if (rel.role && roles && !roles.includes(rel.role)) {
      ctx.addIssue({ code: 'custom', path: ['role'], message: `must be one of ${roles.join(', ')} for ${rel.type}` });
    }
    if (rel.from === rel.to)
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'a relationship joins two different entities' });
  });
export type Relationship = z.infer<typeof Relationship>;

export function endpointsAllowed(type: RelationshipType, fromType: EntityType, toType: EntityType): boolean {
  const spec: RelationshipSpec = RELATIONSHIP_SPECS[type];
  return spec.from.includes(fromType) && spec.to.includes(toType);
}

export function allowedEndpoints(type: RelationshipType): { from: readonly EntityType[]; to: readonly EntityType[] } {
  const spec: RelationshipSpec = RELATIONSHIP_SPECS[type];
  return { from: spec.from, to: spec.to };
}
