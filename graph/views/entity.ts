import { z } from 'zod';
import { EntityTypeName, Identifier, Name, StatementRank } from '../schema/index.js';
import { DISCLOSURE_LEVELS } from '../vocabulary/disclosure.js';

/**
 * An entity as a reader sees it (graph/read/scope.ts makes it). Protected people come out as
 * pseudonym and public id only; other entities carry their stored properties when shown in detail,
 * hence the open record.
 */
export const EntityView = z
  .object({
    id: z.string(),
    type: EntityTypeName,
    name: z.string(),
    /** Shown as a pseudonym: this reader may not read the record (graph/read/scope.ts). */
    protected: z.literal(true).optional(),
    /** A protected record this reader is cleared to read by name (and the read is audited). */
    disclosure: z.enum(DISCLOSURE_LEVELS).optional(),
    kind: z.string().optional(),
    names: z.array(Name).optional(),
    /** Register and case numbers with their schemes (graph/README.md, Identifiers). */
    identifiers: z.array(Identifier).optional(),
    description: z.string().optional(),
    synthetic: z.literal(true).optional(),
  })
  .catchall(z.unknown());
export type EntityView = z.infer<typeof EntityView>;

/** One source's word for a fact: where it says so, verbatim, and how sure it is. */
export const ClaimView = z.strictObject({
  about: z.string(),
  source: EntityView.extend({
    date: z.string().optional(),
    url: z.string().optional(),
    publisher: z.string().optional(),
  }),
  locator: z.string(),
  excerpt: z.string(),
  translation: z.string().optional(),
  confidence: z.string(),
  date: z.string().optional(),
  /** `date` in words (graph/dates/phrase.ts). */
  datePhrase: z.string().optional(),
  /** The source's own words for `date`, where the import kept them. */
  dateAsWritten: z.string().optional(),
  note: z.string().optional(),
  /** Its texts mention, or its fact concerns, someone this reader may not read. */
  withheld: z.literal(true).optional(),
});
export type ClaimView = z.infer<typeof ClaimView>;

/**
 * One value of one field as the sources give it (graph/README.md, "Every fact cited"). Two
 * sources that disagree are two statements; the entity's own field is the preferred one. A value
 * that mentions someone this reader may not read is withheld with its claims' texts.
 */
export const StatementView = z.strictObject({
  field: z.string(),
  value: z.unknown().optional(),
  rank: StatementRank,
  claims: z.array(ClaimView),
  withheld: z.literal(true).optional(),
});
export type StatementView = z.infer<typeof StatementView>;

/** A relationship seen from one of its ends, with the claims behind it. */
export const RelationshipView = z.strictObject({
  id: z.string(),
  type: z.string(),
  direction: z.enum(['out', 'in']),
  other: EntityView,
  role: z.string().optional(),
  relation: z.string().optional(),
  date: z.string().optional(),
  /** `date` in words (graph/dates/phrase.ts). */
  datePhrase: z.string().optional(),
  confidence: z.string(),
  claims: z.array(ClaimView),
});
export type RelationshipView = z.infer<typeof RelationshipView>;

/** Relationships listed on one entity's page at most (the `relationshipLimit` query). */
export const MAX_RELATIONSHIPS = 1000;

export const EntityDetail = z.strictObject({
  entity: EntityView,
  /** For events: the claims that the event happened, as each source tells it. */
  claims: z.array(ClaimView),
  /** The values of its fields as each source gives them, field by field in the order loaded. */
  statements: z.array(StatementView),
  relationships: z.array(RelationshipView).max(MAX_RELATIONSHIPS),
  relationshipCount: z.number().int().min(0),
});
export type EntityDetail = z.infer<typeof EntityDetail>;

export const SearchHit = EntityView.extend({ score: z.number() });
export type SearchHit = z.infer<typeof SearchHit>;

/** Hits per search page at most. */
export const MAX_SEARCH_PAGE = 100;

export const SearchPage = z.strictObject({
  query: z.string(),
  items: z.array(SearchHit).max(MAX_SEARCH_PAGE),
  offset: z.number().int().min(0),
  limit: z.number().int().min(1),
  hasMore: z.boolean(),
});
export type SearchPage = z.infer<typeof SearchPage>;
