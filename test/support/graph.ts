import { inject } from 'vitest';
import { connect, read } from '../../graph/db/driver.js';
import { applySchema, wipe } from '../../graph/store/admin.js';
import type { TestNeo4j } from './neo4j.global-setup.js';

/** This test worker's Neo4j: test files that run at the same time never share one. */
export function testNeo4j(): TestNeo4j {
  const servers = inject('neo4jServers');
  return servers[(Number(process.env.VITEST_POOL_ID ?? 1) - 1) % servers.length]!;
}

/** The environment that points a child process (`kinline`, the server) at this worker's Neo4j. */
export function testNeo4jEnv(): NodeJS.ProcessEnv {
  const { uri, user, password } = testNeo4j();
  return { NEO4J_URI: uri, NEO4J_USER: user, NEO4J_PASSWORD: password };
}

/** Connects this test file to its worker's Neo4j and gives it an empty graph with the schema applied. */
export async function freshGraph(): Promise<void> {
  const { uri, user, password } = testNeo4j();
  connect({ uri, user: user || undefined, password: password || undefined });
  await wipe();
  await applySchema();
}

/**
 * The public id of every stored record (entities and relationships), by real id: public ids are
 * random per record (graph/store/protection.ts), so a test reads them back after loading.
 */
export async function storedPublicIds(): Promise<(id: string) => string> {
  const result = await read<{ id: string; publicId: string }>(
    `MATCH (n:Entity) RETURN n.id AS id, n.publicId AS publicId
     UNION ALL MATCH ()-[r]->() WHERE r.publicId IS NOT NULL RETURN r.id AS id, r.publicId AS publicId`,
  );
  const ids = new Map(result.records.map((r) => [r.get('id'), r.get('publicId')]));
  return (id) => {
    const publicId = ids.get(id);
    if (!publicId) throw new Error(`no stored record ${id}`);
    return publicId;
  };
}
