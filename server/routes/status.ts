import { z } from 'zod';
import { statusAsOf } from '../../graph/queries/status-as-of.js';
import { idList, isoDate, route } from './define.js';

export const statusRoutes = [
  route({
    method: 'get',
    path: '/status-as-of',
    tag: 'timeline',
    summary:
      'Who of these people was certainly or possibly detained, missing or blocked on a date (the others were free)',
    query: z
      .object({
        date: isoDate,
        ids: idList(500).describe('comma-separated person ids (public ids for protected people)'),
      })
      .strict(),
    handler: ({ query }) => statusAsOf(query.ids, query.date),
  }),
];
