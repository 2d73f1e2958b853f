import { auditRoutes } from './audit.js';
import type { Contract } from './define.js';
import { evidenceRoutes } from './evidence.js';
import { exploreRoutes } from './explore.js';
import { graphRoutes } from './graph.js';
import { mapRoutes } from './map.js';
import { oidcRoutes } from './oidc.js';
import { patternRoutes } from './patterns.js';
import { sessionRoutes } from './session.js';
import { setupRoutes } from './setup.js';
import { timelineRoutes } from './timeline.js';
import { writeRoutesContract } from './write.js';

/**
 * The API contract (ts-rest style): every route's method, path, inputs and answers, in the order
 * the OpenAPI document lists them. Server, OpenAPI, browser client and tests all read it.
 */
export const api = {
  ...exploreRoutes,
  ...graphRoutes,
  ...mapRoutes,
  ...timelineRoutes,
  ...patternRoutes,
  ...evidenceRoutes,
  ...sessionRoutes,
  ...setupRoutes,
  ...oidcRoutes,
  ...auditRoutes,
  ...writeRoutesContract,
} satisfies Contract;

export type Api = typeof api;
export type RouteName = keyof Api;
