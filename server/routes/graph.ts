import { z } from 'zod';
import { Confidence, ENTITY_TYPES, EntityTypeName, RelationshipTypeName } from '../../graph/schema/index.js';
import { familyNetwork } from '../../graph/queries/family.js';
import { neighbourhood } from '../../graph/queries/neighbourhood.js';
import { MAX_HOPS, shortestPaths } from '../../graph/queries/paths.js';
import { notFound } from '../errors.js';
import { booleanParam, idList, intParam, isoDate, route } from './define.js';

const EntityId = z.string().min(1).max(120);

export const graphRoutes = [
  route({
    method: 'get',
    path: '/neighbourhood',
    tag: 'graph',
    summary: 'Entities around one or more ids, level by level up to a node cap, with counts of hidden neighbours',
    query: z
      .object({
        ids: idList(50).describe('comma-separated entity ids (public ids for protected people)'),
        depth: intParam(1, 3, 1),
        types: idList(ENTITY_TYPES.length)
          .pipe(z.array(EntityTypeName))
          .optional()
          .describe('entity types of the neighbours to show'),
        relTypes: idList(20).pipe(z.array(RelationshipTypeName)).optional().describe('relationship types to follow'),
        minConfidence: Confidence.optional(),
        from: isoDate.optional().describe('date window start: relationships and events that may overlap it'),
        to: isoDate.optional().describe('date window end'),
        limit: intParam(1, 2000, 150).describe('node cap, starting nodes included'),
      })
      .strict()
      .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ['to'], message: 'must not be before from' }),
    handler: async ({ query }) => (await neighbourhood(query.ids, query)) ?? Promise.reject(notFound('entity')),
  }),
  route({
    method: 'get',
    path: '/paths',
    tag: 'graph',
    summary: 'Shortest paths between two entities; with kinshipOnly, how two people are related, named in English',
    query: z
      .object({
        from: EntityId,
        to: EntityId,
        maxHops: intParam(1, MAX_HOPS, 4),
        kinshipOnly: booleanParam.optional(),
        limit: intParam(1, 50, 10).describe('how many equally short paths to return'),
      })
      .strict(),
    handler: async ({ query }) =>
      (await shortestPaths(query.from, query.to, { ...query, kinshipOnly: query.kinshipOnly ?? false })) ??
      Promise.reject(notFound('entity')),
  }),
  route({
    method: 'get',
    path: '/family/:id',
    tag: 'graph',
    summary: 'Kinship network of a person up to N generations up and down, with partners, siblings and households',
    params: z.object({ id: EntityId }).strict(),
    query: z
      .object({
        generations: intParam(1, 4, 2),
        limit: intParam(1, 2000, 500).describe('people cap'),
      })
      .strict(),
    handler: async ({ params, query }) => (await familyNetwork(params.id, query)) ?? Promise.reject(notFound('person')),
  }),
];
