import type { ReadScope } from '../read/scope.js';
import type { Target } from '../revisions/store.js';
import type { DatasetInput, Entity, Relationship } from '../schema/index.js';
import type { TargetKind } from '../views/revisions.js';
import { type Change, commitLoad } from './commit.js';
import { patched } from './patch.js';
import { assertMayWrite } from './permissions.js';
import { expectedVersion } from './refused.js';
import { stateAfter } from './revision-access.js';

/**
 * What differs between writing an entity and a relationship; creating, changing and reverting are
 * otherwise the same steps (below), so both kinds keep the same rules.
 */
export interface RecordKind<T extends Entity | Relationship> {
  name: TargetKind;
  /** Fields a change may repeat but not change. */
  fixed: readonly (keyof T & string)[];
  /** The stored record by real id, if this writer may read it; else "not found". */
  writable(scope: ReadScope, id: string): Promise<{ record: T }>;
  target(record: T): Target;
  /** The record as a dataset of one, for the loader. */
  fragment(record: T): DatasetInput;
  /** Checks of a change beyond the schema's (who may change a person's protection). */
  check?(scope: ReadScope, before: T | null, after: T): void;
  /** Refuses an id in use. */
  assertIdFree(id: string): Promise<void>;
}

export const authorOf = (scope: ReadScope) => scope.reader.username ?? 'anonymous';

/** POST: one record of the file form, version 1. */
export async function createRecord<T extends Entity | Relationship>(
  kind: RecordKind<T>,
  scope: ReadScope,
  record: T,
): Promise<number> {
  assertMayWrite(scope.reader);
  kind.check?.(scope, null, record);
  await kind.assertIdFree(record.id);
  const change: Change = {
    target: kind.target(record),
    action: 'create',
    author: authorOf(scope),
    before: null,
    after: record,
    version: 1,
  };
  await commitLoad(change, kind.fragment(record), scope);
  return 1;
}

/** PATCH: the fields given change; claims and statements given are added. */
export async function patchRecord<T extends Entity | Relationship>(
  kind: RecordKind<T>,
  scope: ReadScope,
  id: string,
  body: Record<string, unknown>,
  ifMatch: string | undefined,
): Promise<number> {
  assertMayWrite(scope.reader);
  const stored = await kind.writable(scope, id);
  const expected = expectedVersion(ifMatch);
  const { reason, ...fields } = body;
  const after = patched(stored.record, fields, kind.fixed);
  return commitChange(kind, scope, stored.record, after, expected, { action: 'update', reason: reason as string });
}

/** Revert: the record as it was after revision `to`, as a new revision. */
export async function revertRecord<T extends Entity | Relationship>(
  kind: RecordKind<T>,
  scope: ReadScope,
  id: string,
  to: number,
  reason: string | undefined,
  ifMatch: string | undefined,
): Promise<number> {
  assertMayWrite(scope.reader);
  const stored = await kind.writable(scope, id);
  const expected = expectedVersion(ifMatch);
  const after = await stateAfter<T>(scope, id, to);
  return commitChange(kind, scope, stored.record, after, expected, { action: 'revert', reason, revertedTo: to });
}

async function commitChange<T extends Entity | Relationship>(
  kind: RecordKind<T>,
  scope: ReadScope,
  before: T,
  after: T,
  expected: number,
  how: Pick<Change, 'action' | 'reason' | 'revertedTo'>,
): Promise<number> {
  kind.check?.(scope, before, after);
  const change: Change = {
    target: kind.target(before),
    author: authorOf(scope),
    before,
    after,
    expected,
    version: expected + 1,
    ...how,
  };
  await commitLoad(change, kind.fragment(after), scope);
  return change.version;
}
