/**
 * What a reader is shown: every response shape of the API, as zod schemas (types are inferred
 * from them). Pure zod, no driver: the browser imports these too.
 */
export * from './audit.js';
export * from './entity.js';
export * from './events.js';
export * from './evidence.js';
export * from './graph.js';
export * from './map.js';
export * from './page.js';
export * from './patterns.js';
export * from './system.js';
export * from './revisions.js';
