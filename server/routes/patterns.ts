import { z } from 'zod';
import { detentionAggregates } from '../../graph/patterns/aggregates.js';
import { coDetention } from '../../graph/patterns/co-detention.js';
import { crossingDetentions } from '../../graph/patterns/crossing-detentions.js';
import { detentionCascades } from '../../graph/patterns/detention-cascades.js';
import { orphanedChildren } from '../../graph/patterns/orphaned-children.js';
import { staleStatus } from '../../graph/patterns/stale-status.js';
import { notFound } from '../errors.js';
import { intParam, isoDate, route } from './define.js';

const EntityId = z.string().min(1).max(120);
const paging = { limit: intParam(1, 200, 50), offset: intParam(0, 10_000, 0) };
const window = {
  from: isoDate.default('1900-01-01').describe('window start (YYYY-MM-DD)'),
  to: isoDate.default('2100-12-31').describe('window end (YYYY-MM-DD)'),
};
const ordered = (query: { from: string; to: string }, ctx: z.RefinementCtx) => {
  if (query.from > query.to) ctx.addIssue({ code: 'custom', path: ['to'], message: 'must not be before from' });
};
const today = () => new Date().toISOString().slice(0, 10);

export const patternRoutes = [
  route({
    method: 'get',
    path: '/patterns/orphaned-children',
    tag: 'patterns',
    summary:
      'Children all of whose known parents are detained, missing or blocked from leaving on a date, with their carers',
    query: z.object({ date: isoDate, ...paging }).strict(),
    handler: ({ query }) => orphanedChildren(query.date, query),
  }),
  route({
    method: 'get',
    path: '/patterns/crossing-detentions',
    tag: 'patterns',
    summary: 'People detained within N days after crossing at a border post in a window',
    query: z
      .object({ crossing: EntityId, days: intParam(0, 3650, 30), ...window, ...paging })
      .strict()
      .superRefine(ordered),
    handler: async ({ query }) =>
      (await crossingDetentions(query, query)) ?? Promise.reject(notFound('border crossing')),
  }),
  route({
    method: 'get',
    path: '/patterns/detention-cascades',
    tag: 'patterns',
    summary: 'Relatives (parent, partner, sibling, other relative) detained within N days of each other',
    query: z
      .object({ days: intParam(0, 3650, 30), ...window, ...paging })
      .strict()
      .superRefine(ordered),
    handler: ({ query }) => detentionCascades(query, query),
  }),
  route({
    method: 'get',
    path: '/patterns/co-detention',
    tag: 'patterns',
    summary: 'People held at the same facility in overlapping intervals',
    query: z.object({ facility: EntityId.optional(), ...paging }).strict(),
    handler: async ({ query }) => (await coDetention(query, query)) ?? Promise.reject(notFound('facility')),
  }),
  route({
    method: 'get',
    path: '/patterns/stale-status',
    tag: 'patterns',
    summary: 'Detained, missing or blocked people whose last confirmed status is older than N months',
    query: z
      .object({ months: intParam(1, 600, 12), asOf: isoDate.optional().describe('defaults to today'), ...paging })
      .strict(),
    handler: ({ query }) => staleStatus({ months: query.months, asOf: query.asOf ?? today() }, query),
  }),
  route({
    method: 'get',
    path: '/patterns/aggregates',
    tag: 'patterns',
    summary:
      'Detentions per facility per year, or per border crossing (people crossing there then detained), certain/possible',
    query: z
      .object({
        by: z.enum(['facility-year', 'crossing']),
        days: intParam(0, 3650, 30),
        limit: intParam(1, 5000, 1000),
      })
      .strict(),
    handler: ({ query }) => detentionAggregates(query),
  }),
];
