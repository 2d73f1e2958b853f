/**
 * What the API answers, as the client reads it. Entity, claim and relationship shapes come from
 * the server's own modules (type-only imports, erased at build), so they are never retyped here.
 */
import type { EntityView } from '../../../graph/safety/present.js';
import type { ClaimView } from '../../../graph/queries/claims.js';
import type { EntityDetail, RelationshipView } from '../../../graph/queries/entity.js';
import type { SearchHit, SearchPage } from '../../../graph/queries/search.js';
import type { Confidence, EntityType, RelationshipType } from '../../../graph/schema/index.js';
import type { EdgeView } from '../../../graph/queries/edge-view.js';
import type { Neighbourhood as NeighbourhoodView } from '../../../graph/queries/neighbourhood.js';
import type { PathView } from '../../../graph/queries/paths.js';
import type { FamilyGroup, FamilyNetwork } from '../../../graph/queries/family.js';
import { CONFIDENCE_LEVELS as VOCABULARY_CONFIDENCE_LEVELS } from '../../../graph/vocabulary/confidence.js';
import { ENTITY_TYPES } from '../../../graph/vocabulary/entity-types.js';
import type { DeprivedStatus } from '../../../graph/vocabulary/event-kinds.js';

export type {
  ClaimView,
  Confidence,
  EntityDetail,
  EntityType,
  EntityView,
  RelationshipType,
  RelationshipView,
  SearchHit,
  SearchPage,
};

/** Where a person stands, when the API says so (issue #4 style rules); unknown otherwise. */
export type PersonStatus = DeprivedStatus | 'free';

export type GraphNode = EntityView & { status?: PersonStatus };

export type GraphEdge = EdgeView;

/** GET /api/neighbourhood */
export type Neighbourhood = NeighbourhoodView;
/** GET /api/paths */
export type PathResult = PathView;
export interface Paths {
  paths: PathView[];
}
/** GET /api/family/:id */
export type FamilyTree = FamilyNetwork;
export type { FamilyGroup };

export interface Health {
  status: string;
  database: { reachable: boolean; version?: string };
}

/** The lists the client offers, read from the vocabulary (graph/vocabulary), never retyped. */
export const ENTITY_TYPE_NAMES: readonly EntityType[] = ENTITY_TYPES;
export const CONFIDENCE_LEVELS: readonly Confidence[] = VOCABULARY_CONFIDENCE_LEVELS;
