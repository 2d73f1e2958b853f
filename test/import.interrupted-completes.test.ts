import { spawn } from 'node:child_process';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { exactDriver } from '../graph/db/driver.js';
import { IncompleteImportError, incompleteImport } from '../graph/store/import-run.js';
import { wipe } from '../graph/store/admin.js';
import { validateAndLoad } from '../graph/store/check.js';
import { generateDataset } from '../seeds/generate.js';
import { startApi, type Api } from './support/api.js';
import { freshGraph, testNeo4jEnv } from './support/graph.js';
import { random } from './support/random.js';

// Issue 18: a batched load killed at random points is completed by the next run, and meanwhile
// the health check says an import is incomplete.
const PEOPLE = 1_000;
let api: Api;

beforeAll(async () => {
  await freshGraph();
  api = await startApi();
}, 120_000);
afterAll(() => api?.close());

/** Runs the child load; kills it with SIGKILL once `killAt` batches have committed (if ever). */
function childLoad(killAt?: number): Promise<{ batches: number; done: boolean }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/batched-load-child.ts'], {
      env: {
        ...process.env,
        ...testNeo4jEnv(),
        KINLINE_TEST_PEOPLE: String(PEOPLE),
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let batches = 0;
    let done = false;
    child.stdout.setEncoding('utf8').on('data', (text: string) => {
      batches += (text.match(/^batch /gm) ?? []).length;
      done ||= text.includes('done');
      if (killAt !== undefined && batches >= killAt) child.kill('SIGKILL');
    });
    child.on('exit', () => resolve({ batches, done }));
  });
}

/**
 * Every node and relationship with its properties, sorted. Public ids (and the pseudonyms made of
 * them) are random per record, so they are written as the id of their record.
 */
async function graph(): Promise<string[]> {
  const { records } = await exactDriver().executeQuery(
    `MATCH (n) WHERE NOT n:KinlineGeneration AND NOT n:KinlineImportRun
     RETURN labels(n) AS what, properties(n) AS p, null AS a, null AS b
     UNION ALL MATCH (a)-[r]->(b) RETURN type(r) AS what, properties(r) AS p, a.id AS a, b.id AS b`,
  );
  const owner = new Map<string, string>();
  for (const record of records) {
    const p = record.get('p') as Record<string, unknown>;
    if (typeof p.publicId === 'string') owner.set(p.publicId, `<public id of ${p.id}>`);
    if (typeof p.pseudonym === 'string' && p.pseudonymGiven === false) {
      owner.set(p.pseudonym, `<pseudonym of ${p.id}>`);
      owner.set(p.pseudonym.toLowerCase(), `<pseudonym of ${p.id}, folded for search>`);
    }
  }
  const stable = (value: unknown): unknown =>
    typeof value === 'string'
      ? value.replace(
          /anon-[0-9a-f]{16}|Protected person [0-9A-F]{6}|protected person [0-9a-f]{6}/g,
          (m) => owner.get(m) ?? m,
        )
      : typeof value === 'bigint'
        ? `${value}n`
        : Array.isArray(value)
          ? value.map(stable)
          : value !== null && typeof value === 'object'
            ? // A location point: its fields, in order
              Object.entries(value)
                .sort(([a], [b]) => a.localeCompare(b))
                .map(([key, v]) => [key, stable(v)])
            : value;
  return records
    .map((record) => {
      const p = record.get('p') as Record<string, unknown>;
      // `version` counts writes of a record (graph/write ETags): the batches run again rewrote some.
      const props = Object.keys(p)
        .filter((key) => key !== 'version')
        .sort()
        .map((key) => [key, stable(p[key])]);
      return JSON.stringify([record.get('what'), props, record.get('a'), record.get('b')]);
    })
    .sort();
}

it('a batched load killed at five random points is completed by the next run, as if never interrupted', async () => {
  const clean = await childLoad();
  expect(clean.done).toBe(true);
  const expected = await graph();
  expect((await api.get('/api/health')).body).toMatchObject({ status: 'ok' });

  await wipe();
  const next = random(18);
  for (let kill = 1; kill <= 5; kill++) {
    // A random point of the run, from the first batch to the last but one.
    const killAt = 1 + Math.floor(next() * (clean.batches - 1));
    const run = await childLoad(killAt);
    expect(run.done, `kill ${kill} at batch ${killAt}`).toBe(false);
    expect(await incompleteImport()).toMatchObject({ file: 'interrupted', status: 'running' });
    const health = await api.get('/api/health');
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({ status: 'import incomplete', import: { rows: expect.any(Number) } });
    expect(JSON.stringify(health.body)).not.toContain('interrupted');
  }
  // Other data is refused while the run is incomplete, and writes nothing.
  await expect(validateAndLoad(generateDataset({ people: 20, seed: 99 }), { file: 'other' })).rejects.toThrow(
    IncompleteImportError,
  );

  const last = await childLoad();
  expect(last.done).toBe(true);
  expect(await incompleteImport()).toBeNull();
  expect((await api.get('/api/health')).body).toMatchObject({ status: 'ok' });
  expect(await graph()).toEqual(expected);
}, 600_000);
