import express, { type Express } from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../graph/neo4j/embedded.js';
import { config } from '../graph/config.js';
import { errorHandler, unknownRoute } from './errors.js';
import { hostAllowList, LOOPBACK_HOSTS, securityHeaders } from './guards.js';
import { isLoopback, sessionMiddleware } from './session.js';
import { mount } from './routes/define.js';
import { rateLimits } from './rate-limits.js';
import { type RequestLogOptions, requestLog } from './request-log.js';
import type { Budget } from './contract/define.js';
import { api as contract } from './contract/index.js';
import { handlers } from './routes/index.js';

const BODY_LIMIT = '256kb';

/**
 * The Express app: JSON routes under /api, the OpenAPI document, and the built client.
 * What a reader sees is decided where data is read (graph/read/scope.ts), route by route.
 */
export interface AppOptions {
  /** Let readers in without signing in, as viewers; default: on loopback or with KINLINE_PUBLIC_READ. */
  anonymousRead?: boolean;
  /** Host names answered; default KINLINE_ALLOWED_HOSTS, else the loopback names on loopback, else any. */
  allowedHosts?: readonly string[];
  /** Requests per window of each budget (server/rate-limits.ts), instead of the configured ones. */
  budgets?: Partial<Record<Budget, number>>;
  /** Where the request log goes and at which level; default standard output at KINLINE_LOG_LEVEL. */
  requestLog?: RequestLogOptions;
}

export function createApp(options: AppOptions = {}): Express {
  const settings = config();
  const loopback = isLoopback(settings.host);
  const anonymousRead = options.anonymousRead ?? (settings.publicRead || loopback);
  const app = express();
  app.disable('x-powered-by');
  // The only ETags are record versions (graph/write: If-Match); Express's body hashes would be
  // mistaken for them.
  app.set('etag', false);
  app.use(hostAllowList(options.allowedHosts ?? settings.allowedHosts ?? (loopback ? LOOPBACK_HOSTS : [])));
  app.use(securityHeaders());
  app.set('query parser', 'simple');
  app.use(express.json({ limit: BODY_LIMIT, strict: true }));
  const api = express.Router();
  // Answers are read for one reader (names by clearance) and change with every edit: no browser or
  // proxy keeps them. A kept one would also be revalidated by its version ETag and answered 304,
  // though the record's relationships changed without a new version.
  api.use((_req, res, next) => {
    res.set('Cache-Control', 'no-store');
    next();
  });
  api.use(requestLog(contract, options.requestLog));
  api.use(rateLimits(contract, 'address', options.budgets));
  api.use(sessionMiddleware({ anonymousRead }));
  api.use(rateLimits(contract, 'user', options.budgets));
  mount(api, contract, handlers);
  app.use('/api', api);
  app.use('/api', unknownRoute);
  const client = join(PROJECT_ROOT, 'client', 'dist');
  if (existsSync(client)) {
    app.use(express.static(client, { index: 'index.html', maxAge: '1h' }));
    app.get(/^\/(?!api\/).*/, (_req, res) => res.sendFile(join(client, 'index.html')));
  }
  app.use(unknownRoute);
  app.use(errorHandler);
  return app;
}
