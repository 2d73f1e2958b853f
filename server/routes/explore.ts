import { entityDetail } from '../../graph/queries/entity.js';
import { health } from '../../graph/queries/health.js';
import { searchEntities } from '../../graph/queries/search.js';
import type { exploreRoutes } from '../contract/explore.js';
import { notFound } from '../errors.js';
import { openApiDocument } from '../openapi.js';
import { versionFor } from '../../graph/write/history.js';
import { etagOf } from '../../graph/write/refused.js';
import type { Handlers } from './define.js';

export const exploreHandlers: Handlers<typeof exploreRoutes> = {
  health: () => health(),
  openapi: async () => openApiDocument(),
  search: ({ query }, scope) => searchEntities(scope, query.q, query),
  entity: async ({ params, query }, scope, res) => {
    const detail = await entityDetail(scope, params.id, query.relationshipLimit);
    if (!detail) throw notFound('entity');
    // The version a change must name in If-Match (graph/write): only for a record read by its real id.
    const version = detail.entity.id === params.id ? await versionFor(scope, 'entity', params.id) : null;
    if (version !== null) res.set('ETag', etagOf(version));
    return detail;
  },
};
