import neo4j from 'neo4j-driver';
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
  if (process.env.NEO4J_URI) {
    connect({ uri: process.env.NEO4J_URI, user: process.env.NEO4J_USER, password: process.env.NEO4J_PASSWORD });
  } else {
    const port = Number(process.env.KINLINE_NEO4J_PORT ?? 7687);
    const running = embeddedConnection(defaultHome(), port);
    if (await reachable(running.uri, running)) {
      connect(running);
    } else {
      log(`starting the embedded Neo4j (${defaultHome()}, port ${port})...`);
      embedded = await startEmbeddedNeo4j({
        home: defaultHome(),
        port,
        heapMiB: Number(process.env.KINLINE_NEO4J_HEAP_MB ?? 1024),
      });
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
