import neo4j from 'neo4j-driver';
import { config } from '../graph/config.js';
import { connect, disconnect } from '../graph/db/driver.js';
import { defaultHome, embeddedConnection, startEmbeddedNeo4j, type EmbeddedNeo4j } from '../graph/neo4j/embedded.js';
import { applySchema } from '../graph/store/admin.js';

/** True when an embedded Neo4j (e.g. of `kinline serve`) answers on this loopback port. */
export const embeddedRunning = (port: number) => reachable(`bolt://127.0.0.1:${port}`);

/** A server that refuses our credentials is still there: only a failed connection means "not running". */
async function reachable(uri: string, auth?: { user: string; password: string }): Promise<boolean> {
  const probe = neo4j.driver(uri, auth && neo4j.auth.basic(auth.user, auth.password), { connectionTimeout: 1_000 });
  try {
    await probe.getServerInfo();
    return true;
  } catch (error) {
    return String((error as { code?: unknown }).code).startsWith('Neo.ClientError.Security');
  } finally {
    await probe.close();
  }
}

/**
 * NEO4J_URI when set; else the embedded Neo4j on KINLINE_NEO4J_PORT (default 7687) with its data
 * in defaultHome(), reusing it when `kinline serve` already runs it. Applies the schema.
 */
export async function openGraph(log: (line: string) => void): Promise<{ close(): Promise<void> }> {
  let embedded: EmbeddedNeo4j | undefined;
  const settings = config();
  if (settings.neo4jUri) {
    connect({ uri: settings.neo4jUri, user: settings.neo4jUser, password: settings.neo4jPassword });
  } else {
    const port = settings.neo4jPort;
    const running = embeddedConnection(defaultHome(), port);
    if (await reachable(running.uri, running)) {
      connect(running);
    } else {
      log(`starting the embedded Neo4j (${defaultHome()}, port ${port})...`);
      embedded = await startEmbeddedNeo4j({ home: defaultHome(), port });
      connect(embedded.connection);
    }
  }
  await applySchema();
  return {
    async close() {
      await disconnect();
      await embedded?.stop();
    },
  };
}
