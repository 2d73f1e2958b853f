import { z } from 'zod';
import { timeline, type TimelineScope } from '../../graph/queries/timeline.js';
import { notFound } from '../errors.js';
import { idList, intParam, isoDate, route } from './define.js';

const EntityId = z.string().min(1).max(120);
const SCOPES = ['people', 'family', 'facility', 'crossing'] as const;

const TimelineQuery = z
  .object({
    people: idList(50).optional().describe('comma-separated person ids'),
    family: EntityId.optional().describe('a family id: the timeline of its members'),
    facility: EntityId.optional().describe('a facility id: events that occurred there, with their subjects'),
    crossing: EntityId.optional().describe(
      'a border-crossing place id: events that occurred there, with their subjects',
    ),
    from: isoDate.optional().describe('window start: events possibly overlapping it'),
    to: isoDate.optional().describe('window end'),
    limit: intParam(1, 5000, 1000),
  })
  .strict()
  .superRefine((query, ctx) => {
    const given = SCOPES.filter((key) => query[key] !== undefined);
    if (given.length !== 1)
      ctx.addIssue({ code: 'custom', path: ['people'], message: `give exactly one of ${SCOPES.join(', ')}` });
    if (query.from && query.to && query.from > query.to)
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'must not be before from' });
  });

function scopeOf(query: z.infer<typeof TimelineQuery>): TimelineScope {
  if (query.people) return { people: query.people };
  if (query.family) return { family: query.family };
  if (query.facility) return { facility: query.facility };
  return { crossing: query.crossing! };
}

export const timelineRoutes = [
  route({
    method: 'get',
    path: '/timeline',
    tag: 'timeline',
    summary:
      'Events and intervals (EDTF, bounds, open ends) grouped per person; conflicting claimed dates side by side',
    query: TimelineQuery,
    handler: async ({ query }) => {
      const scope = scopeOf(query);
      return (
        (await timeline(scope, query)) ??
        Promise.reject(notFound(Object.keys(scope)[0] === 'people' ? 'person' : Object.keys(scope)[0]!))
      );
    },
  }),
];
