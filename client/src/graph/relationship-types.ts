import type { RelationshipType } from '../api/types.js';
import { RELATIONSHIP_TYPES } from '../../../graph/vocabulary/relationship-types.js';

/** The relationship types the filter panel offers: the vocabulary's list (graph/vocabulary). */
export const RELATIONSHIP_TYPE_NAMES: readonly RelationshipType[] = RELATIONSHIP_TYPES;
