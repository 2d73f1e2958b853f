import { rmSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { connect, disconnect } from '../graph/db/driver.js';
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from '../graph/neo4j/embedded.js';
import { applySchema } from '../graph/store/admin.js';
import { validateAndLoad } from '../graph/store/check.js';
import { startApi, type Api } from './support/api.js';
import { outageFixture } from './support/outage-fixture.js';

// This file runs its own Neo4j so that stopping it cannot disturb the other test files.
const home = `data/test-neo4j-outage-${process.pid}`;
let neo4j: EmbeddedNeo4j;
let api: Api;

beforeAll(async () => {
  neo4j = await startEmbeddedNeo4j({ home, port: 0, heapMiB: 512, pageCacheMiB: 64 });
  connect(neo4j.connection);
  await applySchema();
  await validateAndLoad(outageFixture);
  api = await startApi();
});

afterAll(async () => {
  await api?.close();
  await disconnect();
  await neo4j?.stop();
  rmSync(home, { recursive: true, force: true });
});

it('answers 503 with Retry-After while Neo4j is down, and recovers by itself once it is back', async () => {
  expect((await api.get('/api/search?q=Umarova')).status).toBe(200);

  const port = neo4j.port;
  await neo4j.stop();
  for (const path of ['/api/health', '/api/search?q=Umarova', '/api/entities/person-a']) {
    const reply = await api.get(path);
    expect(reply.status, path).toBe(503);
    expect(reply.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(reply.body.error.code).toBe('database_unavailable');
    expect(reply.text).not.toMatch(/MATCH|Neo4jError|at .*\.ts/);
  }

  neo4j = await startEmbeddedNeo4j({ home, port, heapMiB: 512, pageCacheMiB: 64 });
  let recovered = 0;
  for (let attempt = 0; attempt < 30 && recovered !== 200; attempt++) {
    recovered = (await api.get('/api/health')).status;
    if (recovered !== 200) await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  expect(recovered).toBe(200);
  const hit = await api.get('/api/search?q=Umarova');
  expect(hit.body.items.map((item: { id: string }) => item.id)).toContain('person-a');
}, 240_000);
