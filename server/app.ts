import express, { type Express } from 'express';
import { rateLimit } from 'express-rate-limit';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../graph/neo4j/embedded.js';
import { currentLexicon } from '../graph/safety/lexicon.js';
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
 * Every JSON body passes through the protected-people lexicon before it leaves.
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
  app.use((_req, res, next) => {
    const json = res.json.bind(res);
    res.json = (value: unknown) => {
      currentLexicon()
        .then((lexicon) => res.type('application/json').send(lexicon.scrub(JSON.stringify(value ?? null))))
        .catch(() => json(scrubFailed(res)));
      return res;
    };
    next();
  });
  const api = express.Router();
  // One budget per address for every way of proving who one is.
  const signInAttempts = signInLimiter();
  api.post(['/session', '/setup'], signInAttempts);
  api.get('/oidc/callback', signInAttempts);
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

/** If the lexicon cannot be read (database down), no body leaves unchecked. */
function scrubFailed(res: express.Response) {
  res.status(503).set('Retry-After', '5');
  return { error: { code: 'database_unavailable', message: 'The database is unreachable; try again shortly.' } };
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
