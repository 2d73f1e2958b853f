/**
 * The read layer's cost by reader (issue "People first"): search, entity and neighbourhood called
 * in-process for a viewer and for a confidential-cleared reader, alternating, one client. Part of
 * `npm run bench` (the 100,000-people stage); alone: `npx tsx bench/readers.ts [--people N]`.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ANONYMOUS, type Reader } from '../graph/access/roles.js';
import { connect, disconnect } from '../graph/db/driver.js';
import { startEmbeddedNeo4j } from '../graph/neo4j/embedded.js';
import { applySchema } from '../graph/store/admin.js';
import { validateAndLoad } from '../graph/store/check.js';
import { generateDataset } from '../seeds/generate.js';
import { median } from './measure.js';
import { directLoad, type LoadFigures, type RouteSample, routeSamples } from './query-load.js';

const READER_ROUTES = new Set(['search', 'entity', 'neighbourhood (depth 2)']);
const CLEARED: Reader = { userId: 'bench', username: 'bench-cleared', role: 'cleared', clearance: 'confidential' };

const medianP50 = (runs: LoadFigures[]): LoadFigures => {
  const p50 = median(runs.map((r) => r.p50));
  return runs.find((r) => r.p50 === p50) ?? runs[0]!;
};

export async function readerStage(
  samples: RouteSample[],
  repeats: number,
  seconds: number,
  log: (...args: unknown[]) => void = console.log,
): Promise<Record<string, { viewer: LoadFigures; cleared: LoadFigures }>> {
  const out: Record<string, { viewer: LoadFigures; cleared: LoadFigures }> = {};
  for (const sample of samples.filter((s) => READER_ROUTES.has(s.name))) {
    await directLoad(sample, 1, { requests: 2 }, ANONYMOUS); // warm-up: both plans, page cache
    await directLoad(sample, 1, { requests: 2 }, CLEARED);
    const viewer: LoadFigures[] = [];
    const cleared: LoadFigures[] = [];
    for (let i = 0; i < repeats; i += 1) {
      viewer.push(await directLoad(sample, 1, { seconds }, ANONYMOUS));
      cleared.push(await directLoad(sample, 1, { seconds }, CLEARED));
    }
    out[sample.name] = { viewer: medianP50(viewer), cleared: medianP50(cleared) };
    log(
      'readers',
      sample.name,
      `viewer p50 ${out[sample.name]!.viewer.p50} ms, cleared ${out[sample.name]!.cleared.p50} ms`,
    );
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { people: { type: 'string', default: '100000' } } });
  const people = Number(values.people);
  const home = `data/bench-${process.pid}-readers`;
  const neo4j = await startEmbeddedNeo4j({ home, port: 0, heapMiB: 2048, pageCacheMiB: 1024 });
  connect(neo4j.connection);
  try {
    await applySchema();
    await validateAndLoad(generateDataset({ people }), { file: `synthetic-${people}` });
    const readers = await readerStage(await routeSamples(), 3, 1.5);
    const rows = Object.entries(readers).map(
      ([route, { viewer, cleared }]) =>
        `| ${route} | ${viewer.p50.toFixed(1)} | ${cleared.p50.toFixed(1)} | ${(cleared.p50 / viewer.p50).toFixed(2)} |`,
    );
    writeFileSync('bench/results/readers.json', `${JSON.stringify({ people, readers }, null, 2)}\n`);
    writeFileSync(
      'bench/results/readers.md',
      [
        `Direct p50 (ms), 1 client, ${people.toLocaleString('en')} people`,
        '',
        '| route | viewer | cleared | cleared / viewer |',
        '| --- | --- | --- | --- |',
        ...rows,
        '',
      ].join('\n'),
    );
    console.log(rows.join('\n'));
  } finally {
    await disconnect();
    await neo4j.stop();
    rmSync(home, { recursive: true, force: true });
  }
}
