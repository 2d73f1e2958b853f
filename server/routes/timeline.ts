import { timeline } from '../../graph/queries/timeline.js';
import { statusAsOf } from '../../graph/queries/status-as-of.js';
import { scopeOfQuery, type timelineRoutes } from '../contract/timeline.js';
import { notFound } from '../errors.js';
import type { Handlers } from './define.js';

export const timelineHandlers: Handlers<typeof timelineRoutes> = {
  timeline: async ({ query }, reader) => {
    const scope = scopeOfQuery(query);
    return (
      (await timeline(reader, scope, query)) ??
      Promise.reject(notFound(scope.kind === 'people' ? 'person' : scope.kind))
    );
  },
  statusAsOf: ({ query }, scope) => statusAsOf(scope, query.ids, query.date),
};
