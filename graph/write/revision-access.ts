import type { ReadScope } from '../read/scope.js';
import { latestRevision, revisionAt, type StoredRevision } from '../revisions/store.js';
import type { TargetKind } from '../views/revisions.js';
import { notFound, WriteRefused } from './refused.js';

/**
 * What a reader may see of one revision, by the guards stored with it when it was written
 * (graph/revisions/store.ts): that the record exists at all (`target`), and its reason, before and
 * after (`content`). `liveNeeds`: the guards of the record as stored now, since an import may have
 * protected someone its older states name.
 */
export function readableRevision(
  scope: ReadScope,
  revision: Pick<StoredRevision, 'needs' | 'targetNeeds'>,
  liveNeeds?: string | null,
): { target: boolean; content: boolean } {
  const target = scope.mayRead({ needs: revision.targetNeeds });
  return {
    target,
    content: target && scope.mayRead({ needs: revision.needs }) && scope.mayRead({ needs: liveNeeds ?? null }),
  };
}

/**
 * The state a revert goes back to: the record after revision `to`, if this reader may read it.
 * Version 0 is the record as imported: the state before its first revision (an imported record's
 * first change keeps it), so the first edit of imported data can be undone too.
 */
export async function stateAfter<T>(scope: ReadScope, id: string, to: number): Promise<T> {
  const revision = await revisionAt(id, Math.max(to, 1));
  if (!revision || !readableRevision(scope, revision).content)
    throw new WriteRefused(404, 'not_found', 'No revision of this record with that version.');
  if (to === 0) {
    if (!revision.beforeJson)
      throw new WriteRefused(400, 'invalid_request', 'This record was created here, not imported: no version 0.', [
        { path: 'body.version', message: 'no imported state before the first revision' },
      ]);
    return JSON.parse(revision.beforeJson) as T;
  }
  if (!revision.afterJson)
    throw new WriteRefused(400, 'invalid_request', 'That revision deleted the record: restore it instead.', [
      { path: 'body.version', message: 'a revision that deleted the record' },
    ]);
  return JSON.parse(revision.afterJson) as T;
}

/** The delete a restore undoes: the record's last revision, which this reader may know of. */
export async function lastDelete(scope: ReadScope, kind: TargetKind, id: string): Promise<StoredRevision> {
  const last = await latestRevision(id);
  if (!last || last.targetKind !== kind || !readableRevision(scope, last).target) throw notFound(kind);
  if (last.action !== 'delete' || !last.beforeJson)
    throw new WriteRefused(409, 'not_deleted', 'This record is not deleted.');
  return last;
}
