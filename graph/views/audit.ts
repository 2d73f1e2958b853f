import { z } from 'zod';

/**
 * What an admin is shown of the audit log (GET /api/audit). The actions are declared here, below
 * the log that writes them (graph/audit/log.ts), so the contract and the browser's filter read the
 * same list.
 */
export const AUDIT_ACTIONS = [
  'sign-in',
  'sign-in-failed',
  'sign-out',
  'setup-admin',
  'user-added',
  'user-changed',
  'user-disabled',
  'read-protected',
  'export',
  'import',
  'protection-changed',
  'write',
  'backup',
  'restore',
] as const;
export const AuditAction = z.enum(AUDIT_ACTIONS);
export type AuditAction = z.infer<typeof AuditAction>;

/**
 * An entry as stored. Its fields are shown as they are, not checked against the lists above: an
 * entry edited in the database must still be readable, so an admin can see what was changed.
 */
export const AuditEntryView = z.strictObject({
  seq: z.number().int().min(1),
  at: z.string(),
  /** Username of who acted; 'anonymous' or 'system' when no one signed in did. */
  actor: z.string(),
  /** One of AUDIT_ACTIONS, unless the entry was altered. */
  action: z.string(),
  /** What was done, to what: ids the actor saw, never a protected person's name. */
  details: z.record(z.string(), z.unknown()),
  /** SHA-256 (hex) of the entry before, and of this entry with that hash (graph/audit/log.ts). */
  prevHash: z.string(),
  hash: z.string(),
});
export type AuditEntryView = z.infer<typeof AuditEntryView>;

/** Entries on one audit page at most (the `limit` query). */
export const MAX_AUDIT_PAGE = 200;

/**
 * One page of the log, newest first. Paged by sequence number (`before`), not by offset: entries
 * written while an admin reads (their own sign-in, others' reads) do not shift the pages.
 */
export const AuditPage = z.strictObject({
  items: z.array(AuditEntryView).max(MAX_AUDIT_PAGE),
  limit: z.number().int().min(1),
  hasMore: z.boolean(),
  /** The `before` of the next (older) page; null on the last one. */
  nextBefore: z.number().int().min(1).nullable(),
  /** Whether the whole chain verifies (not only this page). */
  verified: z.boolean(),
  /** Entries in the log, as read by the verification. */
  entries: z.number().int().min(0),
  /** The first entry that does not fit the chain, and why; absent when it verifies. */
  broken: z.strictObject({ seq: z.number().int().min(1), problem: z.string() }).optional(),
});
export type AuditPage = z.infer<typeof AuditPage>;
