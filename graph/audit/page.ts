import type { AuditPage } from '../views/audit.js';
import { type AuditQuery, auditEntries, verifyAudit } from './log.js';

/**
 * One page of the audit log for an admin, newest first, with the verdict on the whole chain.
 * The chain is recomputed on every page: a verdict cached by the head's hash would miss an entry
 * edited in the middle, which is what the verdict is for.
 */
export async function auditLogPage(query: AuditQuery): Promise<AuditPage> {
  const [rows, verdict] = await Promise.all([auditEntries({ ...query, limit: query.limit + 1 }), verifyAudit()]);
  const items = rows.slice(0, query.limit);
  const hasMore = rows.length > query.limit;
  return {
    items,
    limit: query.limit,
    hasMore,
    nextBefore: hasMore ? items[items.length - 1]!.seq : null,
    verified: verdict.ok,
    entries: verdict.entries,
    ...(verdict.ok ? {} : { broken: { seq: verdict.seq, problem: verdict.problem } }),
  };
}
