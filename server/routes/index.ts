import type { RouteSpec } from './define.js';
import { exploreRoutes } from './explore.js';
import { patternRoutes } from './patterns.js';
import { timelineRoutes } from './timeline.js';
import { graphRoutes } from './graph.js';
import { evidenceRoutes } from './evidence.js';
import { statusRoutes } from './status.js';

/** Every API route, in the order the OpenAPI document lists them. */
export const allRoutes: RouteSpec[] = [
  ...exploreRoutes,
  ...graphRoutes,
  ...timelineRoutes,
  ...statusRoutes,
  ...patternRoutes,
  ...evidenceRoutes,
];
