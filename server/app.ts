import express, { type Express } from 'express';
import { rateLimit } from 'express-rate-limit';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../graph/neo4j/embedded.js';
import { config } from '../graph/config.js';
import { errorHandler, unknownRoute } from './errors.js';
import { hostAllowList, LOOPBACK_HOSTS, securityHeaders } from './guards.js';
import { isLoopback, sessionMiddleware } from './session.js';
import { mount } from './routes/define.js';
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
}

export function createApp(options: AppOptions = {}): Express {
  const settings = config();
  const loopback = isLoopback(settings.host);
  const anonymousRead = options.anonymousRead ?? (settings.publicRead || loopback);
  const app = express();
  app.disable('x-powered-by');
  app.use(hostAllowList(options.allowedHosts ?? settings.allowedHosts ?? (loopback ? LOOPBACK_HOSTS : [])));
  app.use(securityHeaders());
  app.set('query parser', 'simple');
  app.use(express.json({ limit: BODY_LIMIT, strict: true }));
  const api = express.Router();
  // One budget per address for every way of proving who one is. Middleware, not routes: every
  // route is a contract route bound by mount() (test/read-layer.registry.test.ts).
  const signInAttempts = signInLimiter();
  const SIGN_IN_PATHS = new Set(['POST /session', 'POST /setup', 'GET /oidc/callback']);
  api.use((req, res, next) =>
    SIGN_IN_PATHS.has(`${req.method} ${req.path}`) ? signInAttempts(req, res, next) : next(),
  );
  api.use(sessionMiddleware({ anonymousRead }));
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

/**
 * Sign-in attempts per client address: the per-account lock-out (graph/access/users.ts) stops
 * guessing one password; this stops trying many names from one place.
 */
function signInLimiter() {
  return rateLimit({
    windowMs: 15 * 60_000,
    limit: 20,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_req, res) => {
      res
        .status(429)
        .json({ error: { code: 'too_many_attempts', message: 'Too many sign-in attempts: try again later.' } });
    },
  });
}
