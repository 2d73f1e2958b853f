/**
 * The map stage (issue 16): GET /api/map over a Xinjiang-sized box holding 1,500 facilities and
 * places among synthetic people, beside the raw Cypher of the same box (the point-index lookup
 * alone: no read layer, no detention counts, no clustering, no HTTP). Writes
 * bench/results/map.json; `npm run bench` runs it. Alone: `npx tsx bench/map.ts [--quick]`
 * (1,000 people instead of 100,000, short windows).
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { connect, disconnect, read } from '../graph/db/driver.js';
import { startEmbeddedNeo4j } from '../graph/neo4j/embedded.js';
import { applySchema } from '../graph/store/admin.js';
import { validateAndLoad } from '../graph/store/check.js';
import { LOCATED_TYPES } from '../graph/vocabulary/entity-fields.js';
import { ENTITY } from '../graph/vocabulary/entity-types.js';
import { generateDataset } from '../seeds/generate.js';
import { median } from './measure.js';
import { apiLoad, callLoad, type LoadFigures, startApi } from './query-load.js';

const { values } = parseArgs({ options: { quick: { type: 'boolean', default: false } } });
const QUICK = values.quick;
const PEOPLE = QUICK ? 1_000 : 100_000;
/** Facilities and places the box holds (issue 16). */
const SITES = 1_500;
/** Xinjiang: west, south, east, north. */
const BOX = [73.5, 34.3, 96.4, 49.2] as const;
const WINDOW = { seconds: QUICK ? 1 : 1.5 };
const REPEATS = 3;

/** Synthetic places (addresses: identified points) spread over the box, up to SITES located records. */
function topUp(count: number) {
  const [west, south, east, north] = BOX;
  const side = Math.ceil(Math.sqrt(count));
  return {
    kinline: 1,
    entities: Array.from({ length: count }, (_, i) => ({
      type: ENTITY.Place,
      id: `bench-site-${i + 1}`,
      kind: 'address',
      synthetic: true,
      names: [{ value: `Synthetic site ${i + 1}`, kind: 'primary' }],
      longitude: Math.round((west + ((i % side) + 0.5) * ((east - west) / side)) * 1e4) / 1e4,
      latitude: Math.round((south + (Math.floor(i / side) + 0.5) * ((north - south) / side)) * 1e4) / 1e4,
    })),
    relationships: [],
  };
}

/** The bare point-index lookup of the box, per located type. */
const RAW = LOCATED_TYPES.map(
  (type) => `MATCH (n:${type}) WHERE point.withinBBox(n.location, point({longitude: $w, latitude: $s}),
    point({longitude: $e, latitude: $n})) RETURN n.id AS id, n.name AS name, n.latitude AS lat, n.longitude AS lon`,
).join(' UNION ALL ');

const medianOf = (runs: LoadFigures[]): LoadFigures => ({
  requests: runs.reduce((n, r) => n + r.requests, 0),
  errors: runs.reduce((n, r) => n + r.errors, 0),
  p50: median(runs.map((r) => r.p50)),
  p95: median(runs.map((r) => r.p95)),
  p99: median(runs.map((r) => r.p99)),
  perSecond: median(runs.map((r) => r.perSecond)),
});

const home = `data/bench-${process.pid}-map`;
const neo4j = await startEmbeddedNeo4j({ home, port: 0, heapMiB: 2048, pageCacheMiB: 1024 });
connect(neo4j.connection);
try {
  await applySchema();
  await validateAndLoad(generateDataset({ people: PEOPLE }), { file: 'synthetic' });
  const inBox = async () => (await read(RAW, { w: BOX[0], s: BOX[1], e: BOX[2], n: BOX[3] })).records.length;
  const generated = await inBox();
  if (generated < SITES) await validateAndLoad(topUp(SITES - generated), { file: 'sites' });
  const located = await inBox();
  const api = await startApi(neo4j.connection);
  try {
    const bbox = BOX.join(',');
    const sample = {
      name: 'map',
      paths: [
        `/api/map?bbox=${bbox}&zoom=5`,
        `/api/map?bbox=${bbox}&zoom=5&asOf=2018-06-01`,
        `/api/map?bbox=${bbox}&zoom=7&asOf=2019-04-13`,
        `/api/map?bbox=${bbox}`,
      ],
    };
    await apiLoad(api.url, sample, 1, { requests: 8 }); // warm-up: plans, page cache, JIT
    const raw = () => read(RAW, { w: BOX[0], s: BOX[1], e: BOX[2], n: BOX[3] });
    await callLoad(raw, 1, { requests: 8 });
    const apiRuns: LoadFigures[] = [];
    const rawRuns: LoadFigures[] = [];
    for (let i = 0; i < REPEATS; i += 1) {
      apiRuns.push(await apiLoad(api.url, sample, 1, WINDOW));
      rawRuns.push(await callLoad(raw, 1, WINDOW));
    }
    const result = { people: PEOPLE, located, box: BOX, api: medianOf(apiRuns), raw: medianOf(rawRuns), quick: QUICK };
    mkdirSync('bench/results', { recursive: true });
    writeFileSync('bench/results/map.json', `${JSON.stringify(result, null, 2)}\n`);
    console.log(JSON.stringify(result));
  } finally {
    api.stop();
  }
} finally {
  await disconnect();
  await neo4j.stop();
  rmSync(home, { recursive: true, force: true });
}
