import { familyNetwork } from '../../graph/queries/family.js';
import { neighbourhood } from '../../graph/queries/neighbourhood.js';
import { shortestPaths } from '../../graph/queries/paths.js';
import type { graphRoutes } from '../contract/graph.js';
import { notFound } from '../errors.js';
import type { Handlers } from './define.js';

export const graphHandlers: Handlers<typeof graphRoutes> = {
  neighbourhood: async ({ query }, scope) =>
    (await neighbourhood(scope, query.ids, query)) ?? Promise.reject(notFound('entity')),
  paths: async ({ query }, scope) =>
    (await shortestPaths(scope, query.from, query.to, { ...query, kinshipOnly: query.kinshipOnly ?? false })) ??
    Promise.reject(notFound('entity')),
  family: async ({ params, query }, scope) =>
    (await familyNetwork(scope, params.id, query)) ?? Promise.reject(notFound('person')),
};
