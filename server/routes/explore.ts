import { z } from 'zod';
import { ENTITY_TYPES, EntityTypeName } from '../../graph/schema/index.js';
import { entityDetail } from '../../graph/queries/entity.js';
import { health } from '../../graph/queries/health.js';
import { searchEntities } from '../../graph/queries/search.js';
import { notFound } from '../errors.js';
import { idList, intParam, route } from './define.js';

const IdParam = z.object({ id: z.string().min(1).max(120) }).strict();

export const exploreRoutes = [
  route({
    method: 'get',
    path: '/health',
    tag: 'system',
    summary: 'Database reachability, Neo4j version and counts per label and relationship type',
    handler: () => health(),
  }),
  route({
    method: 'get',
    path: '/search',
    tag: 'explore',
    summary: 'Entities by any name or alias, in any script (Latin, Cyrillic, Chinese, Arabic script), ranked',
    query: z
      .object({
        q: z.string().trim().min(1).max(200).describe('name or alias, any script'),
        types: idList(ENTITY_TYPES.length)
          .pipe(z.array(EntityTypeName))
          .optional()
          .describe('comma-separated entity types'),
        limit: intParam(1, 100, 20),
        offset: intParam(0, 10_000, 0),
      })
      .strict(),
    handler: ({ query }) => searchEntities(query.q, query),
  }),
  route({
    method: 'get',
    path: '/entities/:id',
    tag: 'explore',
    summary: 'One entity: properties, names, and every relationship around it with its citations',
    params: IdParam,
    query: z.object({ relationshipLimit: intParam(1, 1000, 200) }).strict(),
    handler: async ({ params, query }) =>
      (await entityDetail(params.id, query.relationshipLimit)) ?? Promise.reject(notFound('entity')),
  }),
];
