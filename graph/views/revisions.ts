import { z } from 'zod';
import { Entity, Relationship } from '../schema/index.js';

/**
 * What happened to a record, revision by revision (graph/README.md, "Revisions"). Pure zod: the
 * browser's history panel reads the same shapes.
 */
export const REVISION_ACTIONS = ['create', 'update', 'delete', 'restore', 'revert'] as const;
export const RevisionAction = z.enum(REVISION_ACTIONS);
export type RevisionAction = z.infer<typeof RevisionAction>;

export const TARGET_KINDS = ['entity', 'relationship'] as const;
export const TargetKind = z.enum(TARGET_KINDS);
export type TargetKind = z.infer<typeof TargetKind>;

/** A record in the file form, as it was before or after a revision; null: it did not exist (deleted). */
const Snapshot = z.union([Entity, Relationship]).nullable();

export const RevisionView = z.strictObject({
  version: z.number().int().min(1),
  action: RevisionAction,
  author: z.string(),
  at: z.string(),
  /** The version a revert went back to. */
  revertedTo: z.number().int().min(0).optional(),
  reason: z.string().optional(),
  before: Snapshot.optional(),
  after: Snapshot.optional(),
  /**
   * The reason and both states name someone this reader may not read: only who, when and what
   * kind of change are shown (graph/read/scope.ts rules, applied to the revision's stored `needs`).
   */
  withheld: z.literal(true).optional(),
});
export type RevisionView = z.infer<typeof RevisionView>;

/** Revisions on one history page at most (the `limit` query). */
export const MAX_HISTORY_PAGE = 1000;

/** A record's revisions, newest first, paged by version (`before`). */
export const History = z.strictObject({
  id: z.string(),
  kind: TargetKind,
  /** The record's current version: its ETag. */
  version: z.number().int().min(0),
  deleted: z.boolean(),
  revisions: z.array(RevisionView).max(MAX_HISTORY_PAGE),
  /** The `before` of the next (older) page; null on the last one. */
  nextBefore: z.number().int().min(1).nullable(),
});
export type History = z.infer<typeof History>;

/** What a soft delete answers: the record is gone from every read, its last state kept in its history. */
export const Deleted = z.strictObject({
  id: z.string(),
  kind: TargetKind,
  version: z.number().int().min(1),
  deleted: z.literal(true),
});
export type Deleted = z.infer<typeof Deleted>;
