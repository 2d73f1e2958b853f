import type { RouteSpec } from './define.js';
import { exploreRoutes } from './explore.js';

/** Every API route, in the order the OpenAPI document lists them. */
export const allRoutes: RouteSpec[] = [...exploreRoutes];
