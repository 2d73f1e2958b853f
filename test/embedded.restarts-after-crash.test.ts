import { rmSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { connect, disconnect } from '../graph/db/driver.js';
import { type SupervisedNeo4j, superviseEmbeddedNeo4j } from '../graph/neo4j/supervisor.js';
import { applySchema } from '../graph/store/admin.js';
import { validateAndLoad } from '../graph/store/check.js';
import { type Api, startApi } from './support/api.js';
import { outageFixture } from './support/outage-fixture.js';

// Its own Neo4j: killing it must not disturb the other test files.
const home = `data/test-neo4j-crash-${process.pid}`;
let neo4j: SupervisedNeo4j;
let api: Api;
const log: string[] = [];
/** How long a start of Neo4j takes on this machine now: a restart cannot be faster. */
let startMs = 0;

beforeAll(async () => {
  const started = Date.now();
  neo4j = await superviseEmbeddedNeo4j({
    home,
    port: 0,
    heapMiB: 512,
    pageCacheMiB: 64,
    backoff: { firstMs: 500, maxMs: 5_000 },
    report: (line) => log.push(line),
  });
  startMs = Date.now() - started;
  connect(neo4j.current().connection);
  await applySchema();
  await validateAndLoad(outageFixture);
  api = await startApi();
}, 240_000);

afterAll(async () => {
  await api?.close();
  await disconnect();
  await neo4j?.stop();
  rmSync(home, { recursive: true, force: true });
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

it('starts Neo4j again after it is killed under load, answering only right answers or 503 meanwhile', async () => {
  const before = await api.get('/api/health');
  expect(before.status).toBe(200);
  expect(before.body.database.supervision).toEqual({ restarts: 0 });

  // Readers keep asking while Neo4j dies and comes back; every answer is kept to be judged.
  const answers: { path: string; status: number; body: unknown; retryAfter: string | null }[] = [];
  let loading = true;
  const reader = async (path: string) => {
    while (loading) {
      const reply = await api.get(path);
      answers.push({ path, status: reply.status, body: reply.body, retryAfter: reply.headers.get('retry-after') });
      await sleep(50);
    }
  };
  const readers = [reader('/api/search?q=Umarova'), reader('/api/entities/person-a')];
  await sleep(500);

  const crashedPid = neo4j.current().pid;
  process.kill(crashedPid, 'SIGKILL');
  const killedAt = Date.now();
  // The crash is noticed when the process is gone, not when the signal is sent.
  while (neo4j.supervision().state === 'running' && Date.now() - killedAt < 10_000) await sleep(50);
  expect(neo4j.supervision().state, 'the supervisor noticed the crash').toBe('restarting');

  // Back within 60 s (issue "Operations"), or, on a machine so loaded that starting Neo4j alone
  // takes 20 s or more, within two and a half starts: a restart after a kill also recovers the
  // store's transaction log, and the readers keep the machine busy meanwhile.
  const bound = Math.max(60_000, startMs * 2.5 + 10_000);
  let restarting: { status: number; body: { error?: { message: string } } } | undefined;
  let health = await api.get('/api/health');
  while (health.status !== 200 && Date.now() - killedAt < bound) {
    if (health.status === 503) restarting ??= health;
    await sleep(250);
    health = await api.get('/api/health');
  }
  const downFor = Date.now() - killedAt;
  await sleep(500); // a few answers after the recovery too
  loading = false;
  await Promise.all(readers);

  expect(health.status, `still down ${downFor} ms after the kill:\n${log.join('\n')}`).toBe(200);
  expect(downFor, `a start took ${startMs} ms`).toBeLessThan(bound);
  // Bolt may answer a moment before the new process reports itself ready.
  while (neo4j.supervision().state !== 'running' && Date.now() - killedAt < bound + 30_000) await sleep(100);
  expect(neo4j.current().pid).not.toBe(crashedPid);
  const after = await api.get('/api/health');
  expect(after.body.database.supervision).toMatchObject({ restarts: 1, lastCrash: { signal: 'SIGKILL' } });
  expect(Date.parse(after.body.database.supervision.lastCrash.at) - killedAt).toBeLessThan(5_000);
  expect(restarting?.body.error?.message).toMatch(/being restarted/);
  expect(log.join('\n')).toMatch(/ended \(code null, signal SIGKILL\); restarting[\s\S]*is back/);

  const outages = answers.filter((a) => a.status !== 200);
  expect(outages.length, 'the kill was seen by the readers').toBeGreaterThan(0);
  for (const answer of outages) {
    expect(answer.status, answer.path).toBe(503);
    expect(answer.retryAfter).toMatch(/^\d+$/);
  }
  for (const answer of answers.filter((a) => a.status === 200)) {
    const text = JSON.stringify(answer.body);
    if (answer.path.startsWith('/api/search')) expect(text).toContain('person-a');
    else expect(answer.body).toMatchObject({ entity: { id: 'person-a' } });
  }
  expect(answers.at(-1)?.status).toBe(200);
}, 600_000);
