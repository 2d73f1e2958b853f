import { existsSync, readdirSync, rmSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { config } from '../../graph/config.js';
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from '../../graph/neo4j/embedded.js';

declare module 'vitest' {
  export interface ProvidedContext {
    neo4jUri: string;
    neo4jUser: string;
    neo4jPassword: string;
  }
}

let embedded: EmbeddedNeo4j | undefined;

/** Data folders of earlier runs that were killed before their teardown (their process is gone). */
function removeAbandonedTestData(): void {
  if (!existsSync('data')) return;
  for (const name of readdirSync('data')) {
    const pid = Number(
      /^test-neo4j-(?:outage-|offline-|offline-cli-|offline-fail-|offline-once-|crash-)?(\d+)$/.exec(name)?.[1],
    );
    if (!pid) continue;
    try {
      process.kill(pid, 0);
    } catch {
      rmSync(`data/${name}`, { recursive: true, force: true });
    }
  }
}

/**
 * One real Neo4j for the whole run: NEO4J_URI when set, otherwise an embedded Community server
 * on a free port with its data in a fresh folder under data/, reached through `neo4j://`.
 */
export async function setup(project: TestProject): Promise<void> {
  const { neo4jUri, neo4jUser, neo4jPassword } = config();
  if (neo4jUri) {
    project.provide('neo4jUri', neo4jUri);
    project.provide('neo4jUser', neo4jUser ?? '');
    project.provide('neo4jPassword', neo4jPassword ?? '');
    return;
  }
  removeAbandonedTestData();
  embedded = await startEmbeddedNeo4j({
    home: `data/test-neo4j-${process.pid}`,
    port: 0,
    heapMiB: 1536,
    pageCacheMiB: 256,
  });
  // The routing scheme, as an AuraDB or a cluster is reached: the suite proves that every read
  // and write names its access mode (graph/db/driver.ts), which a cluster needs to route it.
  project.provide('neo4jUri', embedded.uri.replace(/^bolt:/, 'neo4j:'));
  project.provide('neo4jUser', embedded.connection.user);
  project.provide('neo4jPassword', embedded.connection.password);
}

export async function teardown(): Promise<void> {
  await embedded?.stop();
  if (embedded) {
    rmSync(`data/test-neo4j-${process.pid}`, { recursive: true, force: true });
  }
}
