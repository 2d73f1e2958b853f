import { spawn } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { config } from '../../graph/config.js';
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from '../../graph/neo4j/embedded.js';
import { testWorkers } from './workers.js';

export interface TestNeo4j {
  uri: string;
  user: string;
  password: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** One Neo4j per test worker (test/support/graph.ts testNeo4j() picks this worker's). */
    neo4jServers: TestNeo4j[];
  }
}

const embedded: { neo4j: EmbeddedNeo4j; home: string }[] = [];

/** Data folders of earlier runs that were killed before their teardown (their process is gone). */
function removeAbandonedTestData(): void {
  if (!existsSync('data')) return;
  for (const name of readdirSync('data')) {
    const pid = Number(
      /^test-neo4j-(?:outage-|offline-|offline-cli-|offline-fail-|offline-once-|crash-)?(\d+)(?:-\d+)?$/.exec(
        name,
      )?.[1],
    );
    if (!pid) continue;
    try {
      process.kill(pid, 0);
    } catch {
      rmSync(`data/${name}`, { recursive: true, force: true });
    }
  }
}

/** The browser tests' client, built once before any of them runs (not by each, in parallel). */
function buildClient(): Promise<void> {
  return new Promise((resolve, reject) => {
    const build = spawn(process.execPath, ['scripts/build-client-if-stale.mjs'], { stdio: 'inherit' });
    build.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`client build failed (${code})`))));
  });
}

/**
 * Real Neo4j for the whole run: NEO4J_URI when set (then files run one at a time: Community
 * has one user database), otherwise one embedded Community server per test worker, each on a
 * free port with its data in a fresh folder under data/, reached through `neo4j://`.
 */
export async function setup(project: TestProject): Promise<void> {
  const { neo4jUri, neo4jUser, neo4jPassword } = config();
  if (neo4jUri) {
    project.provide('neo4jServers', [{ uri: neo4jUri, user: neo4jUser ?? '', password: neo4jPassword ?? '' }]);
    await buildClient();
    return;
  }
  removeAbandonedTestData();
  const started = Array.from({ length: testWorkers() }, async (_, i) => {
    const home = `data/test-neo4j-${process.pid}-${i + 1}`;
    const neo4j = await startEmbeddedNeo4j({ home, port: 0, heapMiB: 1536, pageCacheMiB: 256 });
    embedded.push({ neo4j, home });
    return neo4j;
  });
  const [servers] = await Promise.all([Promise.all(started), buildClient()]);
  // The routing scheme, as an AuraDB or a cluster is reached: the suite proves that every read
  // and write names its access mode (graph/db/driver.ts), which a cluster needs to route it.
  project.provide(
    'neo4jServers',
    servers.map((neo4j) => ({
      uri: neo4j.uri.replace(/^bolt:/, 'neo4j:'),
      user: neo4j.connection.user,
      password: neo4j.connection.password,
    })),
  );
}

export async function teardown(): Promise<void> {
  await Promise.all(
    embedded.map(async ({ neo4j, home }) => {
      await neo4j.stop();
      rmSync(home, { recursive: true, force: true });
    }),
  );
}
