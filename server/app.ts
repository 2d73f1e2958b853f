import express, { type Express } from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../graph/neo4j/embedded.js';
import { currentLexicon } from '../graph/safety/lexicon.js';
import { errorHandler, unknownRoute } from './errors.js';
import { mount } from './routes/define.js';
import { api as contract } from './contract/index.js';
import { handlers } from './routes/index.js';

const BODY_LIMIT = '256kb';

/**
 * The Express app: JSON routes under /api, the OpenAPI document, and the built client.
 * Every JSON body passes through the protected-people lexicon before it leaves.
 */
export function createApp(): Express {
  const app = express();
  app.disable('x-powered-by');
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
