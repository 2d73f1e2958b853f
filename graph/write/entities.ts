import { read } from '../db/driver.js';
import type { ReadScope } from '../read/scope.js';
import { guardsOf, latestRevision, type Target } from '../revisions/store.js';
import type { Run } from '../store/load.js';
import { relationshipsAround, storedEntity } from '../revisions/snapshot.js';
import { ATTRIBUTE_CLAIM, type Entity, REVISION, RELATIONSHIP_TYPES, type Relationship } from '../schema/index.js';
import { ENTITY } from '../vocabulary/entity-types.js';
import { type Change, commitLoad, commitRemoval } from './commit.js';
import { authorOf, createRecord, patchRecord, type RecordKind, revertRecord } from './changes.js';
import { assertAdmin, assertMaySetProtection, assertMayWrite } from './permissions.js';
import { expectedVersion, notFound, WriteRefused } from './refused.js';
import { lastDelete } from './revision-access.js';

const author = authorOf;
const dataset = (entities: Entity[], relationships: Relationship[] = []) => ({
  kinline: 1 as const,
  entities,
  relationships,
});

/**
 * The stored entity a writer may change: by its real id, and only if they may read it. Anything
 * else is "not found", exactly as an id that exists nowhere: a write must not confirm a withheld
 * record (issue 14).
 */
async function writable(scope: ReadScope, id: string) {
  const stored = await storedEntity(id);
  if (!stored || !scope.mayRead(stored.props) || !scope.mayKnow(stored.props)) throw notFound('entity');
  return stored;
}

// One index seek each: an entity, a claim's fact, a revision (a deleted record), any relationship type.
const ID_IN_USE = `CALL () {
  MATCH (n:Entity {id: $id}) RETURN 1 AS used
  UNION MATCH (c:Claim {about: $id}) RETURN 1 AS used
  UNION MATCH (r:${REVISION} {target: $id}) RETURN 1 AS used
  ${RELATIONSHIP_TYPES.map((type) => `UNION MATCH ()-[r:${type} {id: $id}]->() RETURN 1 AS used`).join('\n  ')}
} RETURN used LIMIT 1`;

/**
 * An id is used once: by a stored record or one deleted and kept in its history. Entities and
 * relationships share one space of ids, since claims find their fact by id alone.
 */
export async function assertIdFree(id: string): Promise<void> {
  if ((await read(ID_IN_USE, { id })).records.length > 0)
    throw new WriteRefused(409, 'id_taken', 'That id is taken; choose another.', [
      { path: 'body.id', message: 'taken' },
    ]);
}

const ENTITIES: RecordKind<Entity> = {
  name: 'entity',
  fixed: ['id', 'type'],
  writable,
  target: (record) => ({ kind: 'entity', id: record.id }),
  fragment: (record) => dataset([record]),
  // A person's protection changes only by an admin or a cleared user, whichever way (create, edit, revert).
  check: (scope, before, after) => assertMaySetProtection(scope.reader, before ?? {}, after),
  assertIdFree,
};

/** POST /api/entities: one record of the file form; an event needs its claims. */
export const createEntity = (scope: ReadScope, record: Entity) => createRecord(ENTITIES, scope, record);

/** PATCH /api/entities/:id: the fields given change, claims and statements are added. */
export const patchEntity = (scope: ReadScope, id: string, body: Record<string, unknown>, ifMatch?: string) =>
  patchRecord(ENTITIES, scope, id, body, ifMatch);

/** POST /api/entities/:id/revert: the record as it was after `version`, as a new revision. */
export const revertEntity = (scope: ReadScope, id: string, to: number, reason?: string, ifMatch?: string) =>
  revertRecord(ENTITIES, scope, id, to, reason, ifMatch);

/**
 * DELETE /api/entities/:id: soft. The record leaves every read, with its claims and relationships;
 * its last state (and those relationships) stay in its history, for an admin to restore.
 */
export async function deleteEntity(
  scope: ReadScope,
  id: string,
  reason: string,
  ifMatch: string | undefined,
): Promise<number> {
  assertMayWrite(scope.reader);
  const stored = await writable(scope, id);
  const expected = expectedVersion(ifMatch);
  if (stored.record.type === ENTITY.Source) {
    const cited = await read(`MATCH (c:Claim|${ATTRIBUTE_CLAIM} {sourceId: $id}) RETURN count(c) AS n`, { id });
    const n = Number(cited.records[0]?.get('n') ?? 0);
    if (n > 0)
      throw new WriteRefused(409, 'in_use', `This source supports ${n} claim(s); delete or re-cite them first.`);
  }
  const around = await relationshipsAround(id);
  const change: Change = {
    target: { kind: 'entity', id },
    action: 'delete',
    author: author(scope),
    reason,
    before: stored.record,
    after: null,
    expected,
    version: expected + 1,
    cascade: around,
  };
  await commitRemoval(change, async (run) => {
    const now = await run(
      `MATCH (n:Entity {id: $id})-[r]-(:Entity) WITH DISTINCT r
       RETURN r.id AS id, type(r) AS type, coalesce(r.version, 0) AS version ORDER BY id`,
      { id },
    );
    const ids = now.records.map((r) => String(r.get('id')));
    // A relationship added since the snapshot would be lost to the restore: refuse, and let the writer retry.
    if (ids.join('\n') !== around.map((r) => r.id).join('\n')) throw new WriteRefused(409, 'changed', RETRY);
    const cascade = [];
    for (const [i, row] of now.records.entries()) {
      const rel = around[i]!;
      const target: Target = { kind: 'relationship', id: rel.id, type: rel.type };
      const version = Number(row.get('version'));
      cascade.push({
        locked: await lockedState(run, target, version),
        change: {
          target,
          action: 'delete' as const,
          author: author(scope),
          reason: `deleted with ${id}: ${reason}`,
          before: rel,
          after: null,
          version: version + 1,
        },
      });
    }
    await run(
      `MATCH (n:Entity {id: $id})
       OPTIONAL MATCH (n)-[r]-(:Entity) WITH n, collect(r.id) AS rels
       OPTIONAL MATCH (c:Claim) WHERE c.about = $id OR c.about IN rels
       WITH n, collect(c) AS claims
       OPTIONAL MATCH (s:${ATTRIBUTE_CLAIM} {entity: $id})
       WITH n, claims, collect(s) AS stated
       FOREACH (c IN claims + stated | DETACH DELETE c)
       DETACH DELETE n`,
      { id },
    );
    return cascade;
  });
  return expected + 1;
}

const RETRY = 'The record changed while it was being deleted; read it again and retry.';

/** A record's guards before a removal takes it, for its revision. */
export async function lockedState(run: Run, target: Target, version: number) {
  return { version, ...(await guardsOf(run, target)) };
}

/** POST /api/entities/:id/restore (admins): the deleted record and its relationships come back. */
export async function restoreEntity(scope: ReadScope, id: string, reason: string): Promise<number> {
  assertAdmin(scope.reader);
  const last = await lastDelete(scope, 'entity', id);
  const record = JSON.parse(last.beforeJson!) as Entity;
  const cascade = JSON.parse(last.cascadeJson ?? '[]') as Relationship[];
  // A relationship whose other end is gone (deleted since) stays deleted.
  const present = new Set(
    (
      await read('UNWIND $ids AS id MATCH (n:Entity {id: id}) RETURN n.id AS id', {
        ids: cascade.flatMap((r) => [r.from, r.to]),
      })
    ).records.map((r) => String(r.get('id'))),
  );
  present.add(id);
  const back = cascade.filter((r) => present.has(r.from) && present.has(r.to));
  const extra: Change[] = [];
  for (const rel of back) {
    const lastOfRel = await latestRevision(rel.id);
    extra.push({
      target: { kind: 'relationship', id: rel.id, type: rel.type },
      action: 'restore',
      author: author(scope),
      reason: `restored with ${id}: ${reason}`,
      before: null,
      after: rel,
      version: (lastOfRel?.version ?? 0) + 1,
    });
  }
  const change: Change = {
    target: { kind: 'entity', id },
    action: 'restore',
    author: author(scope),
    reason,
    before: null,
    after: record,
    version: last.version + 1,
  };
  await commitLoad(change, dataset([record], back), null, extra);
  return change.version;
}
