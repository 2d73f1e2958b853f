import { mapFeatures, nearby } from '../../graph/queries/map.js';
import type { mapRoutes } from '../contract/map.js';
import { ApiError } from '../errors.js';
import type { Handlers } from './define.js';

export const mapHandlers: Handlers<typeof mapRoutes> = {
  map: ({ query }, scope) => mapFeatures(scope, query),
  nearby: async ({ params, query }, scope) =>
    (await nearby(scope, params.id, query)) ??
    Promise.reject(new ApiError(404, 'not_found', 'No located place or facility with that id.')),
};
