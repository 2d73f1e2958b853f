/**
 * `npm run bench` (issue 7): import, query API, client and growth benchmarks against the embedded
 * Neo4j, each comparison measured side by side in the same run, each figure a median over repeats.
 * Writes bench/results/results.json and results.md and the README table. `--quick` runs the same
 * stages at 1,000 / 5,000 people with short windows, to check the harness.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { connect, disconnect } from '../graph/db/driver.js';
import type { Connection } from '../graph/db/driver.js';
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from '../graph/neo4j/embedded.js';
import { applySchema, wipe } from '../graph/store/admin.js';
import type { Dataset } from '../graph/schema/index.js';
import { generateDataset } from '../seeds/generate.js';
import { readerStage } from './readers.js';
import { writeStage } from './writes.js';
import { kinlineImport, offlineImport, rawImport, type ImportRun } from './import-compare.js';
import { load1, machine, median, rssMiB } from './measure.js';
import {
  apiLoad,
  callLoad,
  directLoad,
  routeSamples,
  startApi,
  type LoadFigures,
  type RouteSample,
  type Window,
} from './query-load.js';
import { writeReport } from './report.js';
import { tableRows, type Results } from './table.js';

const { values } = parseArgs({
  options: { quick: { type: 'boolean', default: false }, 'skip-client': { type: 'boolean', default: false } },
});
const QUICK = values.quick;
const SMALL = QUICK ? 1_000 : 10_000;
const LARGE = QUICK ? 5_000 : 100_000;
const IMPORT_REPEATS_SMALL = 3;
const QUERY_REPEATS = QUICK ? 2 : 3;
const WINDOW_SECONDS = QUICK ? 1 : 1.5;

const started = performance.now();
const loadBefore = load1();
let loadMax = loadBefore;
const sampler = setInterval(() => (loadMax = Math.max(loadMax, load1())), 5_000);
const log = (...args: unknown[]) =>
  console.log(`[bench ${((performance.now() - started) / 60_000).toFixed(1)} min, load ${load1()}]`, ...args);

async function withNeo4j<T>(name: string, work: (neo4j: EmbeddedNeo4j) => Promise<T>): Promise<T> {
  const home = `data/bench-${process.pid}-${name}`;
  const neo4j = await startEmbeddedNeo4j({ home, port: 0, heapMiB: 2048, pageCacheMiB: 1024 });
  connect(neo4j.connection);
  try {
    await applySchema();
    return await work(neo4j);
  } finally {
    await disconnect();
    await neo4j.stop();
    rmSync(home, { recursive: true, force: true });
  }
}

function medianRun(runs: ImportRun[]): ImportRun & { runs: number[] } {
  return {
    records: runs[0]!.records,
    seconds: median(runs.map((r) => r.seconds)),
    recordsPerSecond: Math.round(median(runs.map((r) => r.recordsPerSecond))),
    neo4jCpuSeconds: median(runs.map((r) => r.neo4jCpuSeconds)),
    runs: runs.map((r) => r.recordsPerSecond),
  };
}

const medianFigures = (runs: LoadFigures[]): LoadFigures & { runs: number } => ({
  requests: runs.reduce((n, r) => n + r.requests, 0),
  errors: runs.reduce((n, r) => n + r.errors, 0),
  runs: runs.length,
  p50: median(runs.map((r) => r.p50)),
  p95: median(runs.map((r) => r.p95)),
  p99: median(runs.map((r) => r.p99)),
  perSecond: median(runs.map((r) => r.perSecond)),
});

/**
 * The measurement window of a route: a time window when it answers quickly, else a few requests
 * per client so that slow pattern queries still fit the 20-minute budget.
 */
function windowFor(warmMillis: number, clients: number): Window {
  // With 2 cores, c clients wait about c / 2 times as long as one.
  const expected = (warmMillis * Math.max(1, clients)) / 2;
  return expected * 3 < WINDOW_SECONDS * 1000 ? { seconds: WINDOW_SECONDS } : { requests: clients === 1 ? 3 : clients };
}

/** Every route at each concurrency: API and direct calls alternate, repeat after repeat. */
async function queryStage(neo4j: Connection, samples: RouteSample[], concurrencies: number[], direct: boolean) {
  const api = await startApi(neo4j);
  try {
    const out: Record<
      string,
      Record<
        string,
        { api: LoadFigures; direct?: LoadFigures; raw?: LoadFigures; window: Window } | { skipped: string }
      >
    > = {};
    for (const sample of samples) {
      await apiLoad(api.url, sample, 1, { requests: 2 }); // warm-up: plans, page cache, JIT, lexicon
      const warm = await apiLoad(api.url, sample, 1, { requests: 2 });
      out[sample.name] = {};
      for (const c of concurrencies) {
        // Neo4j has 2 cores: c requests of L ms each take about c * L / 2 ms, twice (API and direct).
        if (c > 1 && (warm.p50 * c) / 2 > 30_000) {
          out[sample.name]![`c${c}`] = {
            skipped: `one round of ${c} requests would take ~${Math.round((warm.p50 * c) / 2000)} s (p50 ${Math.round(warm.p50)} ms at 1 client)`,
          };
          log(sample.name, `c=${c}`, 'skipped');
          continue;
        }
        const window = windowFor(warm.p50, c);
        const repeats = 'seconds' in window || c === 1 ? QUERY_REPEATS : 1;
        const apiRuns: LoadFigures[] = [];
        const directRuns: LoadFigures[] = [];
        const rawRuns: LoadFigures[] = [];
        for (let i = 0; i < repeats; i += 1) {
          apiRuns.push(await apiLoad(api.url, sample, c, window));
          if (direct) directRuns.push(await directLoad(sample, c, window));
          if (sample.raw) rawRuns.push(await callLoad(sample.raw, c, window));
        }
        out[sample.name]![`c${c}`] = {
          api: medianFigures(apiRuns),
          ...(direct ? { direct: medianFigures(directRuns) } : {}),
          ...(rawRuns.length ? { raw: medianFigures(rawRuns) } : {}),
          window,
        };
        log(sample.name, `c=${c}`, JSON.stringify(out[sample.name]![`c${c}`]));
      }
    }
    return { routes: out, apiRssMiB: rssMiB(api.pid), apiPeakRssMiB: rssMiB(api.pid, 'VmHWM') };
  } finally {
    api.stop();
  }
}

async function smallStage(data: Dataset) {
  return withNeo4j('small', async (neo4j) => {
    const raw: ImportRun[] = [];
    const kinline: ImportRun[] = [];
    for (let i = 0; i < IMPORT_REPEATS_SMALL; i += 1) {
      if (i > 0) await wipe();
      raw.push(await rawImport(data, neo4j.pid));
      log(`import ${SMALL} raw`, raw.at(-1));
      await wipe();
      kinline.push(await kinlineImport(data, neo4j.pid));
      log(`import ${SMALL} kinline`, kinline.at(-1));
    }
    const memory = { neo4jRssMiB: rssMiB(neo4j.pid), benchNodePeakRssMiB: rssMiB(process.pid, 'VmHWM') };
    const queries = await queryStage(neo4j.connection, await routeSamples(), [1], false);
    return {
      people: SMALL,
      version: neo4j.version,
      import: { raw: medianRun(raw), kinline: medianRun(kinline) },
      memory,
      queries,
    };
  });
}

async function largeStage(data: Dataset) {
  const raw = await withNeo4j('large-raw', (neo4j) => rawImport(data, neo4j.pid));
  log(`import ${LARGE} raw`, raw);
  const offlineHome = `data/bench-${process.pid}-large-offline`;
  const offline = await offlineImport(data, offlineHome).finally(() =>
    rmSync(offlineHome, { recursive: true, force: true }),
  );
  log(`import ${LARGE} offline`, offline);
  return withNeo4j('large', async (neo4j) => {
    const kinline = await kinlineImport(data, neo4j.pid);
    log(`import ${LARGE} kinline`, kinline);
    const memory = { neo4jRssMiB: rssMiB(neo4j.pid), benchNodePeakRssMiB: rssMiB(process.pid, 'VmHWM') };
    const samples = await routeSamples();
    const queries = await queryStage(neo4j.connection, samples, [1, 32], true);
    const readers = await readerStage(samples, QUERY_REPEATS, WINDOW_SECONDS, log);
    const writes = await writeStage(data, QUICK ? 20 : 100, QUICK ? 5 : 20, log);
    return {
      people: LARGE,
      import: { raw: medianRun([raw]), kinline: medianRun([kinline]), offline },
      memory,
      queries,
      readers,
      writes,
    };
  });
}

/**
 * The other benchmarks, run as they are: client views in Chromium (issues 4, 5), the RUVTE
 * register import (issue 6; its synthetic part kept small, the 100,000-people import is above) and
 * the map (issue 16).
 * Their JSON files are read back.
 */
function otherBenchesStage(): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const benches: [string, string[], boolean][] = [
    ['import', ['--people', '1000'], false],
    ['client-graph', [], true],
    ['client-timeline', [], true],
    // Issue 16: /api/map over Xinjiang with 1,500 facilities and places, beside raw Cypher.
    ['map', QUICK ? ['--quick'] : [], false],
  ];
  for (const [name, args, isClient] of benches) {
    if ((isClient && values['skip-client']) || !existsSync(`bench/${name}.ts`)) {
      out[name] = { skipped: true };
      continue;
    }
    log(`running bench/${name}.ts ${args.join(' ')}`);
    const run = spawnSync(process.execPath, ['--import', 'tsx', `bench/${name}.ts`, ...args], {
      stdio: 'inherit',
      timeout: 8 * 60_000,
    });
    const file = `bench/results/${name}.json`;
    out[name] =
      run.status === 0 && existsSync(file)
        ? JSON.parse(readFileSync(file, 'utf8'))
        : { failed: run.status ?? run.signal };
  }
  return out;
}

try {
  log('generating', SMALL);
  const small = await smallStage(generateDataset({ people: SMALL }));
  log('generating', LARGE);
  const large = await largeStage(generateDataset({ people: LARGE }));
  const others = otherBenchesStage();
  clearInterval(sampler);
  const results: Results = { small, large, others };
  const header = {
    date: new Date().toISOString(),
    machine: { ...machine(), neo4j: `${small.version} Community (embedded, heap 2 GiB, page cache 1 GiB)` },
    loadAverage: { before: loadBefore, after: load1(), max: Math.max(loadMax, load1()) },
    minutes: (performance.now() - started) / 60_000,
    notes: [
      `Import: ${SMALL.toLocaleString('en')} people median of ${IMPORT_REPEATS_SMALL} runs each, ${LARGE.toLocaleString('en')} people one run each (fresh database per run), records = entities + relationships (claims and CITES are written too, not counted). Raw = minimal UNWIND ... CREATE of the same rows, prepared in advance, into the same schema.`,
      `Queries: autocannon, ${WINDOW_SECONDS} s windows, median of ${QUERY_REPEATS}; "direct" = the route's query function called in-process (same Cypher and driver, no HTTP/Express/JSON), same concurrency, alternating with the API runs.`,
    ],
  };
  writeReport(results, header, tableRows(results), { readme: !QUICK });
  log(`wrote bench/results/results.json, results.md${QUICK ? '' : ' and the README table'}`);
} finally {
  clearInterval(sampler);
}
