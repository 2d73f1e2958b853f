import type { Server } from 'node:http';
import { pathToFileURL } from 'node:url';
import { config, describeConfig } from '../graph/config.js';
import { adminExists } from '../graph/access/users.js';
import { connect, disconnect } from '../graph/db/driver.js';
import { JavaMissingError } from '../graph/neo4j/embedded.js';
import { type SupervisedNeo4j, superviseEmbeddedNeo4j } from '../graph/neo4j/supervisor.js';
import { applySchema } from '../graph/store/admin.js';
import { backfillLastKnown } from '../graph/store/last-known.js';
import { isEmpty, loadSeedCase } from '../seeds/index.js';
import { createApp } from './app.js';
import { oidcSettings } from './oidc/settings.js';
import { setupLink } from './setup/link.js';

export interface Running {
  server: Server;
  url: string;
  /** The one-time link that creates the first admin; set only when the database has no admin. */
  setupUrl?: string;
  /** The embedded Neo4j, restarted after a crash; absent when NEO4J_URI names another server. */
  neo4j?: SupervisedNeo4j;
  stop(): Promise<void>;
}

/**
 * Starts Kinline: NEO4J_URI when set, else the embedded Neo4j (data/neo4j), supervised (started
 * again after a crash, graph/neo4j/supervisor.ts); applies the schema,
 * loads the seed case into an empty database, and serves the app on PORT (default 3000); every
 * setting comes from graph/config.ts.
 */
export async function startServer(options: { port?: number; seed?: boolean } = {}): Promise<Running> {
  let neo4j: SupervisedNeo4j | undefined;
  const settings = config();
  console.log(`[kinline] configuration:\n${describeConfig()}`);
  const oidc = oidcSettings(); // a half-made OIDC configuration stops the start here
  if (oidc) console.log(`[kinline] offering sign-in through ${oidc.issuer.href}`);
  if (settings.neo4jUri) {
    connect({ uri: settings.neo4jUri, user: settings.neo4jUser, password: settings.neo4jPassword });
  } else {
    console.log('[kinline] starting the embedded Neo4j (first start resolves it from Maven Central)...');
    neo4j = await superviseEmbeddedNeo4j({ port: settings.neo4jPort });
    console.log(`[kinline] Neo4j ${neo4j.current().version} ready at ${neo4j.current().uri}`);
    connect(neo4j.current().connection);
  }
  await applySchema();
  const backfilled = await backfillLastKnown();
  if (backfilled > 0)
    console.log(`[kinline] set the last-known date of ${backfilled} people (graph loaded before it existed)`);
  if (options.seed !== false && (await isEmpty())) {
    const summary = await loadSeedCase();
    console.log(`[kinline] loaded the seed case: ${summary.entities} entities, ${summary.relationships} relationships`);
  }
  const port = options.port ?? settings.port;
  const server = createApp().listen(port, settings.host);
  await new Promise<void>((resolve, reject) => server.once('listening', resolve).once('error', reject));
  const address = server.address();
  const url = `http://localhost:${typeof address === 'object' && address ? address.port : port}`;
  const setupUrl = (await adminExists()) ? undefined : `${url}/setup#token=${setupLink.issue()}`;
  return {
    server,
    url,
    ...(setupUrl ? { setupUrl } : {}),
    neo4j,
    async stop() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await disconnect();
      await neo4j?.stop();
    },
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  startServer()
    .then((running) => {
      // One write, so that whoever reads the log finds the link with the address it belongs to.
      console.log(
        `[kinline] serving on ${running.url}${
          running.setupUrl
            ? `\n[kinline] no admin yet: create the first one, once, within the hour, at\n\n    ${running.setupUrl}\n\n` +
              '[kinline] (or from the command line: kinline user add NAME --role admin --password-stdin)'
            : ''
        }`,
      );
      const stop = () => void running.stop().then(() => process.exit(0));
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    })
    .catch((error: unknown) => {
      console.error(
        error instanceof JavaMissingError ? error.message : `[kinline] could not start: ${(error as Error).message}`,
      );
      process.exit(1);
    });
}
