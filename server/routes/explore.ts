import { entityDetail } from '../../graph/queries/entity.js';
import { health } from '../../graph/queries/health.js';
import { searchEntities } from '../../graph/queries/search.js';
import type { exploreRoutes } from '../contract/explore.js';
import { notFound } from '../errors.js';
import { openApiDocument } from '../openapi.js';
import type { Handlers } from './define.js';

export const exploreHandlers: Handlers<typeof exploreRoutes> = {
  health: () => health(),
  openapi: async () => openApiDocument(),
  search: ({ query }, scope) => searchEntities(scope, query.q, query),
  entity: async ({ params, query }, scope) =>
    (await entityDetail(scope, params.id, query.relationshipLimit)) ?? Promise.reject(notFound('entity')),
};
