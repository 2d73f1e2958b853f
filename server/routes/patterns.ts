import { detentionAggregates } from '../../graph/patterns/aggregates.js';
import { coDetention } from '../../graph/patterns/co-detention.js';
import { crossingDetentions } from '../../graph/patterns/crossing-detentions.js';
import { detentionCascades } from '../../graph/patterns/detention-cascades.js';
import { orphanedChildren } from '../../graph/patterns/orphaned-children.js';
import { staleStatus } from '../../graph/patterns/stale-status.js';
import type { patternRoutes } from '../contract/patterns.js';
import { notFound } from '../errors.js';
import type { Handlers } from './define.js';

const today = () => new Date().toISOString().slice(0, 10);

export const patternHandlers: Handlers<typeof patternRoutes> = {
  orphanedChildren: ({ query }, scope) => orphanedChildren(scope, query.date, query),
  crossingDetentions: async ({ query }, scope) =>
    (await crossingDetentions(scope, query, query)) ?? Promise.reject(notFound('border crossing')),
  detentionCascades: ({ query }, scope) => detentionCascades(scope, query, query),
  coDetention: async ({ query }, scope) =>
    (await coDetention(scope, query, query)) ?? Promise.reject(notFound('facility')),
  staleStatus: ({ query }, scope) => staleStatus(scope, { months: query.months, asOf: query.asOf ?? today() }, query),
  aggregates: ({ query }, scope) => detentionAggregates(scope, query),
};
