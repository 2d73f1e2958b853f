import { z } from 'zod';
import { MAX_PATTERN_PAGE } from '../../graph/views/page.js';
import {
  Aggregates,
  CoDetentionPage,
  CrossingDetentionPage,
  DetentionCascadePage,
  MAX_AGGREGATE_ROWS,
  OrphanedChildrenPage,
  StaleStatusPage,
} from '../../graph/views/patterns.js';
import { ERRORS, json, route } from './define.js';
import { EntityId, intParam, isoDate } from './query.js';

const paging = { limit: intParam(1, MAX_PATTERN_PAGE, 50), offset: intParam(0, 10_000, 0) };
const window = {
  from: isoDate.default('1900-01-01').describe('window start (YYYY-MM-DD)'),
  to: isoDate.default('2100-12-31').describe('window end (YYYY-MM-DD)'),
};
const ordered = (query: { from: string; to: string }, ctx: z.RefinementCtx) => {
  if (query.from > query.to) ctx.addIssue({ code: 'custom', path: ['to'], message: 'must not be before from' });
};

export const patternRoutes = {
  orphanedChildren: route({
    method: 'get',
    path: '/patterns/orphaned-children',
    tag: 'patterns',
    summary:
      'Children all of whose known parents are detained, missing or blocked from leaving on a date, with their carers',
    query: z.object({ date: isoDate, ...paging }).strict(),
    responses: { 200: json(OrphanedChildrenPage), ...ERRORS },
  }),
  crossingDetentions: route({
    method: 'get',
    path: '/patterns/crossing-detentions',
    tag: 'patterns',
    summary: 'People detained within N days after crossing at a border post in a window',
    query: z
      .object({ crossing: EntityId, days: intParam(0, 3650, 30), ...window, ...paging })
      .strict()
      .superRefine(ordered),
    responses: { 200: json(CrossingDetentionPage), ...ERRORS },
  }),
  detentionCascades: route({
    method: 'get',
    path: '/patterns/detention-cascades',
    tag: 'patterns',
    summary: 'Relatives (parent, partner, sibling, other relative) detained within N days of each other',
    query: z
      .object({ days: intParam(0, 3650, 30), ...window, ...paging })
      .strict()
      .superRefine(ordered),
    responses: { 200: json(DetentionCascadePage), ...ERRORS },
  }),
  coDetention: route({
    method: 'get',
    path: '/patterns/co-detention',
    tag: 'patterns',
    summary: 'People held at the same facility in overlapping intervals',
    query: z.object({ facility: EntityId.optional(), ...paging }).strict(),
    responses: { 200: json(CoDetentionPage), ...ERRORS },
  }),
  staleStatus: route({
    method: 'get',
    path: '/patterns/stale-status',
    tag: 'patterns',
    summary: 'Detained, missing or blocked people whose last confirmed status is older than N months',
    query: z
      .object({ months: intParam(1, 600, 12), asOf: isoDate.optional().describe('defaults to today'), ...paging })
      .strict(),
    responses: { 200: json(StaleStatusPage), ...ERRORS },
  }),
  aggregates: route({
    method: 'get',
    path: '/patterns/aggregates',
    tag: 'patterns',
    summary:
      'Detentions per facility per year, or per border crossing (people crossing there then detained), certain/possible',
    query: z
      .object({
        by: z.enum(['facility-year', 'crossing']),
        days: intParam(0, 3650, 30),
        limit: intParam(1, MAX_AGGREGATE_ROWS, 1000),
      })
      .strict(),
    responses: { 200: json(Aggregates), ...ERRORS },
  }),
};
