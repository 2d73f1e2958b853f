import { createHash } from 'node:crypto';
import { read, writeTransaction } from '../db/driver.js';
import type { AuditAction } from '../views/audit.js';

/**
 * The audit log: append-only and hash-chained. Each entry holds the hash of the one before it,
 * and a head node holds the last hash, so an edited, removed or re-ordered entry (the last one
 * included) breaks the chain that `kinline audit verify` recomputes.
 */
export { AUDIT_ACTIONS, type AuditAction } from '../views/audit.js';

export interface AuditInput {
  /** Username of who acted; 'anonymous' or 'system' when no one signed in did. */
  actor: string;
  action: AuditAction;
  /** What was done, to what: never a protected person's name, only ids the reader saw. */
  details?: Record<string, unknown>;
}

export interface AuditEntry extends Required<AuditInput> {
  seq: number;
  at: string;
  prevHash: string;
  hash: string;
}

const GENESIS = '0'.repeat(64);

function entryHash(e: Omit<AuditEntry, 'hash' | 'details'> & { detailsJson: string }): string {
  return createHash('sha256')
    .update([e.seq, e.at, e.actor, e.action, e.detailsJson, e.prevHash].join('\n'))
    .digest('hex');
}

/** Appends one entry. The head node is locked first, so two app instances never fork the chain. */
export async function appendAudit(input: AuditInput, now = new Date()): Promise<AuditEntry> {
  const detailsJson = JSON.stringify(input.details ?? {});
  return writeTransaction(async (run) => {
    const head = await run(
      `MERGE (h:AuditHead {id: 'audit'}) ON CREATE SET h.seq = 0, h.hash = $genesis
       SET h.lockedAt = $now
       RETURN h.seq AS seq, h.hash AS hash`,
      { genesis: GENESIS, now: now.toISOString() },
    );
    const previous = head.records[0]!;
    const entry = {
      seq: Number(previous.get('seq')) + 1,
      at: now.toISOString(),
      actor: input.actor,
      action: input.action,
      detailsJson,
      prevHash: String(previous.get('hash')),
    };
    const hash = entryHash(entry);
    await run(
      `MATCH (h:AuditHead {id: 'audit'})
       CREATE (:AuditEntry {seq: toInteger($seq), at: $at, actor: $actor, action: $action, detailsJson: $detailsJson,
                            prevHash: $prevHash, hash: $hash})
       SET h.seq = toInteger($seq), h.hash = $hash`,
      { ...entry, hash },
    );
    return { ...entry, details: input.details ?? {}, hash };
  });
}

type StoredEntry = Omit<AuditEntry, 'details'> & { detailsJson: string };

function fromRow(row: StoredEntry): AuditEntry {
  const { detailsJson, ...rest } = row;
  return { ...rest, seq: Number(rest.seq), details: parsedDetails(detailsJson) };
}

/** An entry edited in the database may hold anything: it is still shown, its details as written. */
function parsedDetails(json: string): Record<string, unknown> {
  try {
    const details: unknown = JSON.parse(json);
    if (details && typeof details === 'object' && !Array.isArray(details)) return details as Record<string, unknown>;
  } catch {
    /* not JSON: shown as written below */
  }
  return { unreadable: String(json) };
}

export interface AuditQuery {
  limit: number;
  /** Only entries older than this sequence number (the page before). */
  before?: number;
  action?: AuditAction;
  /** Only what this username did. */
  actor?: string;
}

/** Newest first, a page at a time, optionally of one action or one actor. */
export async function auditEntries(query: AuditQuery): Promise<AuditEntry[]> {
  const result = await read(
    `MATCH (a:AuditEntry)
     WHERE ($before IS NULL OR a.seq < $before) AND ($action IS NULL OR a.action = $action)
       AND ($actor IS NULL OR a.actor = $actor)
     RETURN a { .seq, .at, .actor, .action, .detailsJson, .prevHash, .hash } AS entry
     ORDER BY a.seq DESC LIMIT toInteger($limit)`,
    { before: query.before ?? null, action: query.action ?? null, actor: query.actor ?? null, limit: query.limit },
  );
  return result.records.map((record) => fromRow(record.get('entry') as StoredEntry));
}

/** On failure, `seq` is the first entry that does not fit: altered, missing, or out of order. */
export type AuditVerdict = { ok: true; entries: number } | { ok: false; entries: number; seq: number; problem: string };

/** Recomputes the whole chain; the first entry that does not fit is named. */
export async function verifyAudit(): Promise<AuditVerdict> {
  const result = await read(
    `MATCH (a:AuditEntry)
     RETURN a { .seq, .at, .actor, .action, .detailsJson, .prevHash, .hash } AS entry ORDER BY a.seq`,
  );
  const head = await read(`MATCH (h:AuditHead {id: 'audit'}) RETURN h.seq AS seq, h.hash AS hash`);
  const entries = result.records.map((record) => record.get('entry') as StoredEntry);
  const broken = (seq: number, problem: string) => ({ ok: false as const, entries: entries.length, seq, problem });
  let prevHash = GENESIS;
  for (const [index, entry] of entries.entries()) {
    const seq = Number(entry.seq);
    if (seq !== index + 1) return broken(index + 1, `entry ${index + 1} is missing`);
    if (entry.prevHash !== prevHash) return broken(seq, `entry ${seq} does not follow entry ${seq - 1}`);
    if (entryHash({ ...entry, seq }) !== entry.hash) return broken(seq, `entry ${seq} was altered`);
    prevHash = entry.hash;
  }
  const headRecord = head.records[0];
  const headSeq = headRecord ? Number(headRecord.get('seq')) : 0;
  const headHash = headRecord ? String(headRecord.get('hash')) : GENESIS;
  if (headSeq !== entries.length || headHash !== prevHash) {
    // Entries cut off the end (or added past it): the first one past the shorter count; the same
    // count with another last hash: the last entry was replaced.
    const seq = headSeq === entries.length ? Math.max(headSeq, 1) : Math.min(headSeq, entries.length) + 1;
    return broken(seq, `the log ends at entry ${entries.length}, but ${headSeq} were written`);
  }
  return { ok: true, entries: entries.length };
}
