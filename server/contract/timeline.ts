import { z } from 'zod';
import {
  MAX_STATUS_PEOPLE,
  MAX_TIMELINE_EVENTS,
  MAX_TIMELINE_PEOPLE,
  StatusAsOf,
  Timeline,
  type TimelineScope,
} from '../../graph/views/events.js';
import { ERRORS, json, route } from './define.js';
import { EntityId, idList, intParam, isoDate } from './query.js';

const SCOPES = ['people', 'family', 'facility', 'crossing'] as const satisfies readonly TimelineScope['kind'][];

const TimelineQuery = z
  .object({
    people: idList(MAX_TIMELINE_PEOPLE).optional().describe('comma-separated person ids'),
    family: EntityId.optional().describe('a family id: the timeline of its members'),
    facility: EntityId.optional().describe('a facility id: events that occurred there, with their subjects'),
    crossing: EntityId.optional().describe(
      'a border-crossing place id: events that occurred there, with their subjects',
    ),
    from: isoDate.optional().describe('window start: events possibly overlapping it'),
    to: isoDate.optional().describe('window end'),
    limit: intParam(1, MAX_TIMELINE_EVENTS, 1000),
  })
  .strict()
  .superRefine((query, ctx) => {
    const given = SCOPES.filter((key) => query[key] !== undefined);
    if (given.length !== 1)
      ctx.addIssue({ code: 'custom', path: ['people'], message: `give exactly one of ${SCOPES.join(', ')}` });
    if (query.from && query.to && query.from > query.to)
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'must not be before from' });
  });

/** The scope a timeline query names (it names exactly one). */
export function scopeOfQuery(query: z.output<typeof TimelineQuery>): TimelineScope {
  if (query.people) return { kind: 'people', ids: query.people };
  if (query.family) return { kind: 'family', ids: [query.family] };
  if (query.facility) return { kind: 'facility', ids: [query.facility] };
  return { kind: 'crossing', ids: [query.crossing!] };
}

/** The query parameters naming a scope: the inverse of scopeOfQuery. */
export function queryOfScope(
  scope: TimelineScope,
): { people: string[] } | { family: string } | { facility: string } | { crossing: string } {
  switch (scope.kind) {
    case 'people':
      return { people: scope.ids };
    case 'family':
      return { family: scope.ids[0] };
    case 'facility':
      return { facility: scope.ids[0] };
    case 'crossing':
      return { crossing: scope.ids[0] };
  }
}

export const timelineRoutes = {
  timeline: route({
    method: 'get',
    path: '/timeline',
    tag: 'timeline',
    summary:
      'Events and intervals (EDTF, bounds, open ends) grouped per person; conflicting claimed dates side by side',
    query: TimelineQuery,
    responses: { 200: json(Timeline), ...ERRORS },
  }),
  statusAsOf: route({
    method: 'get',
    path: '/status-as-of',
    tag: 'timeline',
    summary:
      'Where each of these people stood on a date, one of four states: certainly or possibly detained, missing or blocked, known free (a source says released), or unknown; with the claims behind it',
    query: z
      .object({
        date: isoDate,
        // 500 public ids ("anon-" and 16 hex digits) or generated ids, with their commas.
        ids: idList(MAX_STATUS_PEOPLE, undefined, MAX_STATUS_PEOPLE * 24).describe(
          'comma-separated person ids (public ids for protected people)',
        ),
      })
      .strict(),
    responses: { 200: json(StatusAsOf), ...ERRORS },
  }),
};
