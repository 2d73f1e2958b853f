import { z } from 'zod';
import { Entity, Relationship } from '../../graph/schema/index.js';
import { EntityDetail } from '../../graph/views/entity.js';
import { FactCitations } from '../../graph/views/evidence.js';
import { Deleted, History, MAX_HISTORY_PAGE } from '../../graph/views/revisions.js';
import { ErrorBody } from '../../graph/views/system.js';
import { ERRORS, json, type RouteContract, route } from './define.js';
import { IdParam } from './explore.js';
import { intParam } from './query.js';

/**
 * The write API (issue 14). A create's body is one record of the dataset file's form, checked by
 * the same zod schema (graph/schema); a change's body is the fields to change. Every change needs
 * the `If-Match` of the version read (`ETag` of GET), and its session's `X-CSRF-Token`.
 */
const Reason = z.string().trim().min(1).max(2000).describe('why: shown in the history');

/** The fields to change (any field of the record's type; `null` removes one), and why. */
const Patch = z
  .object({ reason: Reason.optional() })
  .catchall(z.unknown())
  .describe('fields of the record to change (null removes one; claims and statements given are added), and why');

const Removal = z.strictObject({ reason: Reason });
const Revert = z.strictObject({
  version: z
    .number()
    .int()
    .min(0)
    .describe('the revision whose state to go back to; 0: the record as imported, before its first revision'),
  reason: Reason.optional(),
});
const HistoryQuery = z
  .object({ limit: intParam(1, MAX_HISTORY_PAGE, 100), before: intParam(1, 1_000_000_000, 1_000_000_000) })
  .strict();

/** Refusals of a write: role or field (403), taken id (409), stale (412, current version in details), no If-Match (428). */
const REFUSED = {
  403: json(ErrorBody),
  409: json(ErrorBody),
  412: json(ErrorBody),
  428: json(ErrorBody),
} as const;

/** The five write routes of one kind of record, and its history. */
function writeRoutes<Body extends z.ZodType, Reply extends z.ZodType>(
  plural: 'entities' | 'relationships',
  body: Body,
  reply: Reply,
  what: string,
) {
  const base = {
    tag: 'write',
    params: IdParam,
  } satisfies Partial<RouteContract>;
  return {
    create: route({
      method: 'post',
      path: `/${plural}`,
      tag: 'write',
      summary: `Creates ${what}: one record of the dataset file's form (graph/schema); the answer carries its ETag`,
      etag: true,
      body,
      responses: { 200: json(reply), ...REFUSED, ...ERRORS },
    }),
    patch: route({
      ...base,
      method: 'patch',
      path: `/${plural}/:id`,
      ifMatch: true,
      etag: true,
      summary: `Changes fields of ${what} (If-Match required); claims given are added beside the stored ones`,
      body: Patch,
      responses: { 200: json(reply), ...REFUSED, ...ERRORS },
    }),
    remove: route({
      ...base,
      method: 'delete',
      path: `/${plural}/:id`,
      ifMatch: true,
      summary: `Soft-deletes ${what} with a reason (If-Match required); kept in its history for an admin to restore`,
      body: Removal,
      responses: { 200: json(Deleted), ...REFUSED, ...ERRORS },
    }),
    restore: route({
      ...base,
      method: 'post',
      path: `/${plural}/:id/restore`,
      etag: true,
      summary: `Restores ${what} deleted (admins only), as a new revision`,
      body: Removal,
      responses: { 200: json(reply), ...REFUSED, ...ERRORS },
    }),
    revert: route({
      ...base,
      method: 'post',
      path: `/${plural}/:id/revert`,
      ifMatch: true,
      etag: true,
      summary: `Returns ${what} to its state after a revision (If-Match required), as a new revision`,
      body: Revert,
      responses: { 200: json(reply), ...REFUSED, ...ERRORS },
    }),
    history: route({
      ...base,
      method: 'get',
      path: `/${plural}/:id/history`,
      etag: true,
      summary: `Every revision of ${what}, newest first: author, time, reason, before and after (withheld by clearance)`,
      query: HistoryQuery,
      responses: { 200: json(History), ...ERRORS },
    }),
  };
}

const entities = writeRoutes('entities', Entity, EntityDetail, 'an entity');
const relationships = writeRoutes('relationships', Relationship, FactCitations, 'a relationship');

export const writeRoutesContract = {
  createEntity: entities.create,
  patchEntity: entities.patch,
  deleteEntity: entities.remove,
  restoreEntity: entities.restore,
  revertEntity: entities.revert,
  entityHistory: entities.history,
  createRelationship: relationships.create,
  patchRelationship: relationships.patch,
  deleteRelationship: relationships.remove,
  restoreRelationship: relationships.restore,
  revertRelationship: relationships.revert,
  relationshipHistory: relationships.history,
};
