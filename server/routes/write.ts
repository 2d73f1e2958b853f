import type { Response } from 'express';
import type { ReadScope } from '../../graph/read/scope.js';
import { appendAudit } from '../../graph/audit/log.js';
import { createEntity, deleteEntity, patchEntity, restoreEntity, revertEntity } from '../../graph/write/entities.js';
import { historyOf } from '../../graph/write/history.js';
import {
  createRelationship,
  deleteRelationship,
  patchRelationship,
  restoreRelationship,
  revertRelationship,
} from '../../graph/write/relationships.js';
import { etagOf } from '../../graph/write/refused.js';
import { entityAfterWrite, relationshipAfterWrite } from '../../graph/write/reply.js';
import type { writeRoutesContract } from '../contract/write.js';
import type { Handlers } from './define.js';
import type { TargetKind } from '../../graph/views/revisions.js';

const ifMatch = (res: Response) => res.req.get('if-match');

/** Audited before the answer leaves: who changed which record, how, to which version. */
async function written(scope: ReadScope, kind: TargetKind, id: string, action: string, version: number) {
  await appendAudit({
    actor: scope.reader.username ?? 'anonymous',
    action: 'write',
    details: { kind, id, action, version },
  });
}

/**
 * The record as the writer may now read it, through the read layer (a write never answers more
 * than a GET would), with its ETag.
 */
async function entityReply(scope: ReadScope, res: Response, id: string, version: number, action: string) {
  await written(scope, 'entity', id, action, version);
  const { view, readable } = await entityAfterWrite(scope, id);
  if (readable) res.set('ETag', etagOf(version));
  return view;
}

async function relationshipReply(scope: ReadScope, res: Response, id: string, version: number, action: string) {
  await written(scope, 'relationship', id, action, version);
  const { view, readable } = await relationshipAfterWrite(scope, id);
  if (readable) res.set('ETag', etagOf(version));
  return view;
}

export const writeHandlers: Handlers<typeof writeRoutesContract> = {
  createEntity: async ({ body }, scope, res) =>
    entityReply(scope, res, body.id, await createEntity(scope, body), 'create'),
  patchEntity: async ({ params, body }, scope, res) =>
    entityReply(scope, res, params.id, await patchEntity(scope, params.id, body, ifMatch(res)), 'update'),
  deleteEntity: async ({ params, body }, scope, res) => {
    const version = await deleteEntity(scope, params.id, body.reason, ifMatch(res));
    await written(scope, 'entity', params.id, 'delete', version);
    return { id: params.id, kind: 'entity', version, deleted: true };
  },
  restoreEntity: async ({ params, body }, scope, res) =>
    entityReply(scope, res, params.id, await restoreEntity(scope, params.id, body.reason), 'restore'),
  revertEntity: async ({ params, body }, scope, res) =>
    entityReply(
      scope,
      res,
      params.id,
      await revertEntity(scope, params.id, body.version, body.reason, ifMatch(res)),
      'revert',
    ),
  entityHistory: async ({ params, query }, scope, res) => {
    const history = await historyOf(scope, 'entity', params.id, query);
    if (!history.deleted) res.set('ETag', etagOf(history.version));
    return history;
  },
  createRelationship: async ({ body }, scope, res) =>
    relationshipReply(scope, res, body.id, await createRelationship(scope, body), 'create'),
  patchRelationship: async ({ params, body }, scope, res) =>
    relationshipReply(scope, res, params.id, await patchRelationship(scope, params.id, body, ifMatch(res)), 'update'),
  deleteRelationship: async ({ params, body }, scope, res) => {
    const version = await deleteRelationship(scope, params.id, body.reason, ifMatch(res));
    await written(scope, 'relationship', params.id, 'delete', version);
    return { id: params.id, kind: 'relationship', version, deleted: true };
  },
  restoreRelationship: async ({ params, body }, scope, res) =>
    relationshipReply(scope, res, params.id, await restoreRelationship(scope, params.id, body.reason), 'restore'),
  revertRelationship: async ({ params, body }, scope, res) =>
    relationshipReply(
      scope,
      res,
      params.id,
      await revertRelationship(scope, params.id, body.version, body.reason, ifMatch(res)),
      'revert',
    ),
  relationshipHistory: async ({ params, query }, scope, res) => {
    const history = await historyOf(scope, 'relationship', params.id, query);
    if (!history.deleted) res.set('ETag', etagOf(history.version));
    return history;
  },
};
