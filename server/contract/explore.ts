import { z } from 'zod';
import { ENTITY_TYPES, EntityTypeName } from '../../graph/schema/index.js';
import { EntityDetail, MAX_RELATIONSHIPS, MAX_SEARCH_PAGE, SearchPage } from '../../graph/views/entity.js';
import { Health } from '../../graph/views/system.js';
import { ERRORS, json, OVER_BUDGET, route } from './define.js';
import { EntityId, idList, intParam } from './query.js';

/** The OpenAPI 3.1 document of this contract (server/openapi.ts), checked loosely: it describes itself. */
export const OpenApiDocument = z.looseObject({
  openapi: z.literal('3.1.0'),
  info: z.looseObject({ title: z.string(), version: z.string() }),
  paths: z.record(z.string(), z.record(z.string(), z.looseObject({ responses: z.record(z.string(), z.unknown()) }))),
});

export const IdParam = z.object({ id: EntityId }).strict();

export const exploreRoutes = {
  health: route({
    method: 'get',
    path: '/health',
    tag: 'system',
    summary: 'Database reachability, Neo4j version and counts per label and relationship type',
    responses: { 200: json(Health), ...ERRORS },
  }),
  openapi: route({
    method: 'get',
    path: '/openapi.json',
    tag: 'system',
    summary: 'This API described as OpenAPI 3.1: every route with its parameters, limits and response schemas',
    responses: { 200: json(OpenApiDocument), ...ERRORS },
  }),
  search: route({
    method: 'get',
    path: '/search',
    budget: 'search',
    tag: 'explore',
    summary: 'Entities by any name or alias, in any script (Latin, Cyrillic, Chinese, Arabic script), ranked',
    query: z
      .object({
        q: z.string().trim().min(1).max(200).describe('name or alias, any script'),
        types: idList(ENTITY_TYPES.length, EntityId.pipe(EntityTypeName))
          .optional()
          .describe('comma-separated entity types'),
        limit: intParam(1, MAX_SEARCH_PAGE, 20),
        offset: intParam(0, 10_000, 0),
      })
      .strict(),
    responses: { 200: json(SearchPage), ...OVER_BUDGET, ...ERRORS },
  }),
  entity: route({
    method: 'get',
    path: '/entities/:id',
    tag: 'explore',
    etag: true,
    summary: 'One entity: properties, names, and every relationship around it with its citations',
    params: IdParam,
    query: z.object({ relationshipLimit: intParam(1, MAX_RELATIONSHIPS, 200) }).strict(),
    responses: { 200: json(EntityDetail), ...ERRORS },
  }),
};
