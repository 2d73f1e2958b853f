/**
 * What the API answers, as the client reads it: the response shapes are the schemas of
 * graph/views (type-only imports, erased at build), so they are never retyped here.
 */
import type { Confidence, EntityType, RelationshipType } from '../../../graph/schema/index.js';
import { CONFIDENCE_LEVELS as VOCABULARY_CONFIDENCE_LEVELS } from '../../../graph/vocabulary/confidence.js';
import { ENTITY_TYPES } from '../../../graph/vocabulary/entity-types.js';
import type { DeprivedStatus } from '../../../graph/vocabulary/event-kinds.js';
import type { EdgeView, EntityView, FamilyNetwork } from '../../../graph/views/index.js';

export type {
  AuditEntryView,
  AuditPage,
  Aggregates,
  ClaimView,
  CoDetentionPage,
  CrossingDetentionPage,
  DatedEventView,
  DetentionCascade,
  DetentionCascadePage,
  EntityDetail,
  EntityView,
  FamilyGroup,
  Health,
  History,
  RevisionView,
  Neighbourhood,
  OrphanedChild,
  OrphanedChildrenPage,
  Paths,
  PersonStatusOn,
  RelationshipView,
  SearchHit,
  SearchPage,
  StaleStatus,
  StaleStatusPage,
  StatementView,
  StatusAsOf,
  Timeline,
  TimelineGroup,
  TimelineItem,
  TimelineScope,
} from '../../../graph/views/index.js';
export type { Confidence, EntityType, RelationshipType };
export type { SessionView } from '../../../server/contract/session.js';

/** Where a person stands, when the API says so (issue #4 style rules); unknown otherwise. */
export type PersonStatus = DeprivedStatus | 'free';

export type GraphNode = EntityView & { status?: PersonStatus };

export type GraphEdge = EdgeView;

/** GET /api/family/:id */
export type FamilyTree = FamilyNetwork;

/** The lists the client offers, read from the vocabulary (graph/vocabulary), never retyped. */
export const ENTITY_TYPE_NAMES: readonly EntityType[] = ENTITY_TYPES;
export const CONFIDENCE_LEVELS: readonly Confidence[] = VOCABULARY_CONFIDENCE_LEVELS;
