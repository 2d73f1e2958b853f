import { z } from 'zod';
import { Confidence, EntityTypeName, ENTITY_TYPES, RelationshipTypeName } from '../../graph/schema/index.js';
import {
  FamilyNetwork,
  MAX_FAMILY_PEOPLE,
  MAX_NEIGHBOURHOOD_NODES,
  MAX_NEIGHBOURHOOD_SEEDS,
  MAX_PATH_HOPS,
  MAX_PATHS,
  Neighbourhood,
  Paths,
} from '../../graph/views/graph.js';
import { ERRORS, json, route } from './define.js';
import { booleanParam, EntityId, idList, intParam, isoDate } from './query.js';

export const graphRoutes = {
  neighbourhood: route({
    method: 'get',
    path: '/neighbourhood',
    tag: 'graph',
    summary: 'Entities around one or more ids, level by level up to a node cap, with counts of hidden neighbours',
    query: z
      .object({
        ids: idList(MAX_NEIGHBOURHOOD_SEEDS).describe('comma-separated entity ids (public ids for protected people)'),
        depth: intParam(1, 3, 1),
        types: idList(ENTITY_TYPES.length, EntityId.pipe(EntityTypeName))
          .optional()
          .describe('entity types of the neighbours to show'),
        relTypes: idList(20, EntityId.pipe(RelationshipTypeName)).optional().describe('relationship types to follow'),
        minConfidence: Confidence.optional(),
        from: isoDate.optional().describe('date window start: relationships and events that may overlap it'),
        to: isoDate.optional().describe('date window end'),
        limit: intParam(1, MAX_NEIGHBOURHOOD_NODES, 150).describe('node cap, starting nodes included'),
      })
      .strict()
      .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ['to'], message: 'must not be before from' }),
    responses: { 200: json(Neighbourhood), ...ERRORS },
  }),
  paths: route({
    method: 'get',
    path: '/paths',
    tag: 'graph',
    summary: 'Shortest paths between two entities; with kinshipOnly, how two people are related, named in English',
    query: z
      .object({
        from: EntityId,
        to: EntityId,
        maxHops: intParam(1, MAX_PATH_HOPS, 4),
        kinshipOnly: booleanParam.optional(),
        limit: intParam(1, MAX_PATHS, 10).describe('how many equally short paths to return'),
      })
      .strict(),
    responses: { 200: json(Paths), ...ERRORS },
  }),
  family: route({
    method: 'get',
    path: '/family/:id',
    tag: 'graph',
    summary: 'Kinship network of a person up to N generations up and down, with partners, siblings and households',
    params: z.object({ id: EntityId }).strict(),
    query: z
      .object({
        generations: intParam(1, 4, 2),
        limit: intParam(1, MAX_FAMILY_PEOPLE, 500).describe('people cap'),
      })
      .strict(),
    responses: { 200: json(FamilyNetwork), ...ERRORS },
  }),
};
