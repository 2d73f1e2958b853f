/**
 * `npx tsx bench/export-load.ts [--quick]` (issue 18): other clients' latency while a whole-graph
 * export runs, beside their latency without it, in the same run. The API runs in its own process
 * (bench/query-load.ts); 8 clients read people (`GET /api/entities/:id`) for a window alone, then
 * for as long as one anonymous whole-graph JSON export takes. 100,000 people (`--quick`: 5,000).
 * Above the API's whole-graph limit (50,000 entities) the export is `kinline export` in its own
 * process instead, as a user would run it. Writes bench/results/export-load.json.
 */
import { spawn } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { connect, disconnect } from '../graph/db/driver.js';
import { startEmbeddedNeo4j } from '../graph/neo4j/embedded.js';
import { applySchema, counts } from '../graph/store/admin.js';
import { validateAndLoad } from '../graph/store/check.js';
import { generateDataset } from '../seeds/generate.js';
import { load1, machine, median, round } from './measure.js';
import { apiLoad, neo4jEnv, routeSamples, startApi } from './query-load.js';

const { values } = parseArgs({ options: { quick: { type: 'boolean', default: false } } });
const PEOPLE = values.quick ? 5_000 : 100_000;
const CLIENTS = 8;
const API_WHOLE_GRAPH_LIMIT = 50_000;
const log = (...args: unknown[]) => console.log(`[export-load, load ${load1()}]`, ...args);

const home = `data/bench-${process.pid}-export-load`;
const neo4j = await startEmbeddedNeo4j({ home, port: 0, heapMiB: 2048, pageCacheMiB: 1024 });
connect(neo4j.connection);
try {
  await applySchema();
  log('loading', PEOPLE, 'people');
  await validateAndLoad(generateDataset({ people: PEOPLE }), { transaction: 'batched', file: 'export-load' });
  const entities = Object.entries(await counts())
    .filter(([label]) => /^[A-Z][a-z]/.test(label) && label !== 'Claim')
    .reduce((n, [, v]) => n + v, 0);
  const sample = (await routeSamples()).find((s) => s.name === 'entity')!;
  const api = await startApi(neo4j.connection);
  try {
    // Warm-up by count, not time: the first requests build the server's caches and plans.
    log(
      'warm-up',
      await apiLoad(api.url, sample, 1, { requests: 4 }),
      await apiLoad(api.url, sample, CLIENTS, { requests: CLIENTS * 2 }),
    );
    const baseline = await apiLoad(api.url, sample, CLIENTS, { seconds: 10 });
    log('baseline', baseline);
    const viaApi = entities <= API_WHOLE_GRAPH_LIMIT;
    const started = performance.now();
    const exporting = viaApi
      ? fetch(`${api.url}/api/export?format=json`).then(async (res) => ({
          status: res.status,
          bytes: (await res.arrayBuffer()).byteLength,
        }))
      : new Promise<{ status: number; bytes: number }>((resolve) => {
          const child = spawn(
            process.execPath,
            ['bin/kinline.js', 'export', '--format', 'json', '--out', `${home}.json`],
            {
              env: neo4jEnv(neo4j.connection),
              stdio: 'ignore',
            },
          );
          child.on('exit', (code) => resolve({ status: code ?? -1, bytes: 0 }));
        });
    let done = false;
    void exporting.finally(() => (done = true));
    const during = [];
    // Windows of 2 s until the export ends: the clients' latency for as long as it runs.
    while (!done) during.push(await apiLoad(api.url, sample, CLIENTS, { seconds: 2 }));
    const exported = await exporting;
    const seconds = (performance.now() - started) / 1000;
    // A window in which no request was answered at all: the clients waited 2 s or more.
    const answered = during.filter((w) => w.requests > 0);
    const p95During = Math.max(...answered.map((w) => w.p95));
    const medianWindowP95 = median(answered.map((w) => w.p95));
    const result = {
      date: new Date().toISOString(),
      machine: machine(),
      people: PEOPLE,
      entities,
      export: {
        via: viaApi ? 'GET /api/export?format=json' : 'kinline export (API limit)',
        ...exported,
        seconds: round(seconds),
      },
      clients: CLIENTS,
      route: 'GET /api/entities/:id',
      baseline,
      during,
      worstWindowP95: p95During,
      medianWindowP95,
      windowsWithoutAnswer: during.length - answered.length,
      ratio: round(p95During / baseline.p95, 2),
      medianRatio: round(medianWindowP95 / baseline.p95, 2),
      target: '<= 2 x baseline p95',
    };
    writeFileSync(
      `bench/results/export-load${values.quick ? '-quick' : ''}.json`,
      `${JSON.stringify(result, null, 2)}\n`,
    );
    log(
      `p95 of other clients: ${baseline.p95} ms alone; during a ${round(seconds)} s export ${medianWindowP95} ms (median of 2-s windows, ${result.medianRatio} x), ${p95During} ms at worst (${result.ratio} x), ${result.windowsWithoutAnswer} of ${during.length} windows without an answer`,
    );
  } finally {
    api.stop();
  }
} finally {
  await disconnect();
  await neo4j.stop();
  rmSync(home, { recursive: true, force: true });
  rmSync(`${home}.json`, { force: true });
}
