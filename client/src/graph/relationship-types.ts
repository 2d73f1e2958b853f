import type { RelationshipType } from '../api/types.js';

/**
 * The relationship types the filter panel offers. Typed against the schema's RelationshipType,
 * so a type added or renamed in graph/schema fails the type check here instead of drifting.
 */
const ALL: Record<RelationshipType, true> = {
  PARENT_OF: true,
  PARTNER_OF: true,
  SIBLING_OF: true,
  RELATIVE_OF: true,
  GUARDIAN_OF: true,
  MEMBER_OF: true,
  PARTICIPATED_IN: true,
  OCCURRED_AT: true,
  LOCATED_IN: true,
  AFFILIATED_WITH: true,
  REPRESENTS: true,
  AUTHORED: true,
  PUBLISHED: true,
  MENTIONS: true,
};
export const RELATIONSHIP_TYPE_NAMES = Object.keys(ALL) as RelationshipType[];
