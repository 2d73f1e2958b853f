/** Turns the benchmark results into the table rows (figure, value, target, met?) of issue 7. */
import type { ImportRun, OfflineRun } from './import-compare.js';
import type { LoadFigures } from './query-load.js';
import type { Row } from './report.js';
import type { WriteFigures } from './writes.js';

type Measured = { api: LoadFigures; direct?: LoadFigures; raw?: LoadFigures } | { skipped: string };
type Queries = { routes: Record<string, Record<string, Measured>>; apiRssMiB: number; apiPeakRssMiB: number };
interface Stage {
  people: number;
  import: { raw: ImportRun; kinline: ImportRun; offline?: OfflineRun };
  memory: { neo4jRssMiB: number; benchNodePeakRssMiB: number };
  queries: Queries;
  /** The read layer (issue "People first"): direct p50 for a viewer and a confidential-cleared reader. */
  readers?: Record<string, { viewer: LoadFigures; cleared: LoadFigures }>;
  /** The write API (issue 14): in-process p95 beside a raw-Cypher baseline. */
  writes?: WriteFigures;
}

/** Issue 14's targets: create relationship + claim p95 < 50 ms, a 1,000-revision history < 100 ms. */
function writeRows(stage: Stage): Row[] {
  if (!stage.writes) return [];
  const { createRelationship, history1000 } = stage.writes;
  return [
    {
      figure: `Write API, create relationship + claim, ${int(stage.people)} people, p95 (raw Cypher p95)`,
      value: `${ms(createRelationship.api.p95)} ms (${ms(createRelationship.raw.p95)} ms)`,
      target: '< 50 ms',
      met: createRelationship.api.p95 < 50,
    },
    {
      figure: `Write API, history of an entity with 1,000 revisions, p95 (raw Cypher p95)`,
      value: `${ms(history1000.api.p95)} ms (${ms(history1000.raw.p95)} ms)`,
      target: '< 100 ms',
      met: history1000.api.p95 < 100,
    },
  ];
}
export interface Results {
  small: Stage;
  large: Stage;
  others: Record<string, unknown>;
}

const int = (x: number) => Math.round(x).toLocaleString('en');
const ms = (x: number) => (x >= 100 ? int(x) : x.toFixed(1));

/**
 * The read layer's cost by clearance: a cleared reader's search reads three full-text fields and
 * their pages name protected people; a viewer's reads one and sees pseudonyms.
 */
function readerRows(stage: Stage): Row[] {
  return Object.entries(stage.readers ?? {}).map(([route, { viewer, cleared }]) => ({
    figure: `Read layer, ${route}, 1 client, direct p50: viewer / cleared (cleared / viewer)`,
    value: `${ms(viewer.p50)} / ${ms(cleared.p50)} ms (${(cleared.p50 / viewer.p50).toFixed(2)})`,
    target: 'ratio <= 1.1',
    met: cleared.p50 / viewer.p50 <= 1.1,
  }));
}

/** p95 targets of issue 7 by route; paths has none of its own. */
function p95Target(route: string): number | undefined {
  if (route === 'entity' || route === 'search') return 20;
  // Issue 13: 500 people in four states, with the claims behind each, at 100,000 people.
  if (route.startsWith('status-as-of')) return 100;
  if (route.startsWith('neighbourhood') || route === 'timeline') return 50;
  if (route.startsWith('pattern')) return 500;
  return undefined;
}

function importRows(stage: Stage, targets: boolean): Row[] {
  const { raw, kinline, offline } = stage.import;
  const n = int(stage.people);
  const ratio = kinline.recordsPerSecond / raw.recordsPerSecond;
  const phases = offline
    ? Object.entries(offline.phases)
        .map(([phase, s]) => `${phase} ${s.toFixed(1)}`)
        .join(', ')
    : '';
  return [
    ...(offline
      ? [
          {
            figure: `Import ${n} people: Kinline offline import into an empty database (kinline import --offline)`,
            value: `${int(offline.recordsPerSecond)} records/s (${int(offline.records)} records in ${offline.seconds.toFixed(1)} s: ${phases} s)`,
            ...(targets ? { target: '>= 30,000 records/s', met: offline.recordsPerSecond >= 30_000 } : {}),
          },
        ]
      : []),
    {
      figure: `Import ${n} people: Kinline loader (Bolt, into a running database)`,
      value: `${int(kinline.recordsPerSecond)} records/s (${int(kinline.records)} records in ${kinline.seconds.toFixed(1)} s; Neo4j CPU ${kinline.neo4jCpuSeconds.toFixed(0)} s)`,
      ...(targets ? { target: '>= 30,000 records/s', met: kinline.recordsPerSecond >= 30_000 } : {}),
    },
    {
      figure: `Import ${n} people: raw UNWIND ... CREATE`,
      value: `${int(raw.recordsPerSecond)} records/s (${raw.seconds.toFixed(1)} s; Neo4j CPU ${raw.neo4jCpuSeconds.toFixed(0)} s)`,
    },
    {
      figure: `Import ${n} people: Kinline / raw`,
      value: ratio.toFixed(2),
      ...(targets ? { target: '>= 0.5', met: ratio >= 0.5 } : {}),
    },
  ];
}

function queryRows(stage: Stage): Row[] {
  const rows: Row[] = [];
  let errors = 0;
  for (const [route, byConcurrency] of Object.entries(stage.queries.routes)) {
    for (const [c, measured] of Object.entries(byConcurrency)) {
      const target = p95Target(route);
      if ('skipped' in measured) {
        rows.push({
          figure: `API ${route}, ${c.slice(1)} client(s)`,
          value: `not measured: ${measured.skipped}`,
          ...(target ? { target: `p95 < ${target} ms`, met: false } : {}),
        });
        continue;
      }
      const { api, direct, raw } = measured;
      errors += api.errors + (direct?.errors ?? 0) + (raw?.errors ?? 0);
      rows.push({
        figure: `API ${route}, ${c.slice(1)} client(s): p50 / p95 / p99, throughput`,
        value:
          `${ms(api.p50)} / ${ms(api.p95)} / ${ms(api.p99)} ms, ${api.perSecond} req/s` +
          (direct
            ? ` (direct: ${ms(direct.p50)} / ${ms(direct.p95)} / ${ms(direct.p99)} ms, ${direct.perSecond}/s)`
            : ''),
        ...(target ? { target: `p95 < ${target} ms`, met: api.p95 < target } : {}),
      });
      if (raw)
        rows.push({
          figure: `${route}, ${c.slice(1)} client(s): raw baseline (bare Cypher, no evidence, three states) p50 / p95`,
          value: `${ms(raw.p50)} / ${ms(raw.p95)} ms (four states with claims, direct: ${direct ? `${ms(direct.p50)} / ${ms(direct.p95)}` : 'n/a'} ms)`,
        });
      if (direct) {
        const ratio = api.p50 / direct.p50;
        rows.push({
          figure: `API ${route}, ${c.slice(1)} client(s): API p50 / direct p50`,
          value: ratio.toFixed(2),
          target: '<= 1.3',
          met: ratio <= 1.3,
        });
      }
    }
  }
  rows.push({
    figure: `Query API errors under load (${int(stage.people)} people)`,
    value: String(errors),
    target: '0',
    met: errors === 0,
  });
  return rows;
}

function otherRows(client: Record<string, unknown>): Row[] {
  const rows: Row[] = [];
  const graph = client['client-graph'] as
    | {
        results?: {
          renderer: string;
          nodes: number;
          settleMillis?: number;
          panZoomFps?: number;
          timedOut?: boolean;
          budgetMillis?: number;
        }[];
      }
    | undefined;
  for (const r of graph?.results ?? []) {
    const ours = r.renderer.startsWith('kinline');
    rows.push({
      figure: `Graph view ${int(r.nodes)} nodes: ${r.renderer}`,
      value: r.timedOut
        ? `did not settle within ${int((r.budgetMillis ?? NaN) / 1000)} s`
        : `settle ${int(r.settleMillis ?? NaN)} ms, pan/zoom ${r.panZoomFps} fps`,
      ...(ours && r.nodes === 5000 ? { target: '>= 30 fps (interactive)', met: (r.panZoomFps ?? 0) >= 30 } : {}),
    });
  }
  const timeline = client['client-timeline'] as
    | { results?: { items: number; openMillis: number; panZoomFps: number }[] }
    | undefined;
  for (const r of timeline?.results ?? []) {
    rows.push({
      figure: `Timeline ${int(r.items)} items`,
      value: `open ${int(r.openMillis)} ms, zoom/scroll ${r.panZoomFps} fps`,
      ...(r.items === 10_000 ? { target: 'open < 1,000 ms', met: r.openMillis < 1000 } : {}),
    });
  }
  const map = client.map as { people: number; located: number; api: LoadFigures; raw: LoadFigures } | undefined;
  if (map?.api)
    rows.push({
      figure: `API map, Xinjiang box, ${int(map.located)} facilities and places among ${int(map.people)} people, 1 client: p50 / p95 (raw point-index Cypher)`,
      value: `${ms(map.api.p50)} / ${ms(map.api.p95)} ms (raw: ${ms(map.raw.p50)} / ${ms(map.raw.p95)} ms)`,
      target: 'p95 < 50 ms',
      met: map.api.p95 < 50,
    });
  const ruvte = (
    client.import as
      | { ruvte?: { rows: number; rowsPerSecond: number; graphRecordsPerSecond: number; problems: number } }
      | undefined
  )?.ruvte;
  if (ruvte) {
    rows.push({
      figure: 'RUVTE register import, 4 CSV files (bench/import.ts)',
      value: `${int(ruvte.rowsPerSecond)} rows/s, ${int(ruvte.graphRecordsPerSecond)} graph records/s (${int(ruvte.rows)} rows, ${ruvte.problems} problems)`,
    });
  }
  for (const [name, value] of Object.entries(client)) {
    if (
      (value as { skipped?: boolean; failed?: unknown }).skipped ||
      (value as { failed?: unknown }).failed !== undefined
    )
      rows.push({ figure: `bench/${name}.ts`, value: JSON.stringify(value) });
  }
  return rows;
}

function growthRows(small: Stage, large: Stage): Row[] {
  const per10x = (a: number, b: number) => (b / a) ** (1 / Math.log10(large.people / small.people));
  const row = (what: string, a: number, b: number, unit: string): Row => ({
    figure: `Growth ${int(small.people)} -> ${int(large.people)}: ${what}`,
    value: `${a >= 100 ? int(a) : a.toFixed(1)} -> ${b >= 100 ? int(b) : b.toFixed(1)} ${unit} (x${per10x(a, b).toFixed(1)} per 10x)`,
  });
  const rows = [
    row('import time (Kinline)', small.import.kinline.seconds, large.import.kinline.seconds, 's'),
    row('Neo4j RSS', small.memory.neo4jRssMiB, large.memory.neo4jRssMiB, 'MiB'),
    row('Node RSS, loader peak', small.memory.benchNodePeakRssMiB, large.memory.benchNodePeakRssMiB, 'MiB'),
    row('Node RSS, API server after load', small.queries.apiRssMiB, large.queries.apiRssMiB, 'MiB'),
  ];
  for (const [route, byConcurrency] of Object.entries(large.queries.routes)) {
    const p95 = (m: Measured | undefined) => (m && 'api' in m ? m.api.p95 : undefined);
    const before = p95(small.queries.routes[route]?.c1);
    const after = p95(byConcurrency.c1);
    if (before !== undefined && after !== undefined) rows.push(row(`${route} p95 (1 client)`, before, after, 'ms'));
  }
  return rows;
}

export function tableRows(results: Results): Row[] {
  return [
    ...importRows(results.small, false),
    ...importRows(results.large, true),
    ...queryRows(results.large),
    ...readerRows(results.large),
    ...writeRows(results.large),
    ...otherRows(results.others),
    ...growthRows(results.small, results.large),
  ];
}
