import type { ReadScope } from '../read/scope.js';
import type { Target } from '../revisions/store.js';
import { storedRelationship } from '../revisions/snapshot.js';
import type { Relationship } from '../schema/index.js';
import { type Change, commitLoad, commitRemoval } from './commit.js';
import { assertIdFree } from './entities.js';
import { authorOf, createRecord, patchRecord, type RecordKind, revertRecord } from './changes.js';
import { assertAdmin, assertMayWrite } from './permissions.js';
import { expectedVersion, notFound } from './refused.js';
import { lastDelete } from './revision-access.js';

const author = authorOf;
const dataset = (relationships: Relationship[]) => ({ kinline: 1 as const, entities: [], relationships });
const targetOf = (rel: Relationship): Target => ({ kind: 'relationship', id: rel.id, type: rel.type });

/** A relationship a writer may change: readable as itself (both ends and the link), by real id. */
async function writable(scope: ReadScope, id: string) {
  const stored = await storedRelationship(id);
  if (
    !stored ||
    !scope.relationshipReadable(stored.props, stored.from, stored.to) ||
    !scope.mayKnow(stored.from) ||
    !scope.mayKnow(stored.to)
  )
    throw notFound('relationship');
  return stored;
}

const RELATIONSHIPS: RecordKind<Relationship> = {
  name: 'relationship',
  fixed: ['id', 'type', 'from', 'to'],
  writable,
  target: targetOf,
  fragment: (record) => dataset([record]),
  assertIdFree,
};

/**
 * POST /api/relationships: one record of the file form, with at least one claim. Its ends and
 * sources must be entities the writer may read; any other id is "unknown", as one that exists nowhere.
 */
export const createRelationship = (scope: ReadScope, record: Relationship) =>
  createRecord(RELATIONSHIPS, scope, record);

/** PATCH /api/relationships/:id: role, relation, date change; claims given are added. */
export const patchRelationship = (scope: ReadScope, id: string, body: Record<string, unknown>, ifMatch?: string) =>
  patchRecord(RELATIONSHIPS, scope, id, body, ifMatch);

/** POST /api/relationships/:id/revert: the link as it was after `version`, as a new revision. */
export const revertRelationship = (scope: ReadScope, id: string, to: number, reason?: string, ifMatch?: string) =>
  revertRecord(RELATIONSHIPS, scope, id, to, reason, ifMatch);

/** DELETE /api/relationships/:id: soft; the link and its claims leave every read, kept in its history. */
export async function deleteRelationship(
  scope: ReadScope,
  id: string,
  reason: string,
  ifMatch: string | undefined,
): Promise<number> {
  assertMayWrite(scope.reader);
  const stored = await writable(scope, id);
  const expected = expectedVersion(ifMatch);
  const target = targetOf(stored.record);
  const change: Change = {
    target,
    action: 'delete',
    author: author(scope),
    reason,
    before: stored.record,
    after: null,
    expected,
    version: expected + 1,
  };
  await commitRemoval(change, async (run) => {
    await run(
      `MATCH ()-[r:${stored.type} {id: $id}]->()
       OPTIONAL MATCH (c:Claim {about: $id}) WITH r, collect(c) AS claims
       FOREACH (c IN claims | DETACH DELETE c) DELETE r`,
      { id },
    );
    return [];
  });
  return change.version;
}

/** POST /api/relationships/:id/restore (admins): back, if both its ends still exist. */
export async function restoreRelationship(scope: ReadScope, id: string, reason: string): Promise<number> {
  assertAdmin(scope.reader);
  const last = await lastDelete(scope, 'relationship', id);
  const record = JSON.parse(last.beforeJson!) as Relationship;
  const change: Change = {
    target: targetOf(record),
    action: 'restore',
    author: author(scope),
    reason,
    before: null,
    after: record,
    version: last.version + 1,
  };
  await commitLoad(change, dataset([record]), null);
  return change.version;
}
