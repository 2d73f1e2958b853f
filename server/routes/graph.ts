import { familyNetwork } from '../../graph/queries/family.js';
import { neighbourhood } from '../../graph/queries/neighbourhood.js';
import { shortestPaths } from '../../graph/queries/paths.js';
import type { graphRoutes } from '../contract/graph.js';
import { notFound } from '../errors.js';
import type { Handlers } from './define.js';

export const graphHandlers: Handlers<typeof graphRoutes> = {
  neighbourhood: async ({ query }) => (await neighbourhood(query.ids, query)) ?? Promise.reject(notFound('entity')),
  paths: async ({ query }) =>
    (await shortestPaths(query.from, query.to, { ...query, kinshipOnly: query.kinshipOnly ?? false })) ??
    Promise.reject(notFound('entity')),
  family: async ({ params, query }) => (await familyNetwork(params.id, query)) ?? Promise.reject(notFound('person')),
};
