/**
 * Same-run comparison with an earlier checkout (issues "Declared once" and "People first": no
 * figure worse than its noise; the read layer costs at most 10 % at p50). Each tree loads the same
 * generated graph into its own embedded Neo4j through its own `kinline seed --synthetic N`; then
 * every route's handler is called directly (one client) from both trees in alternation, the order
 * swapped every round, so that the machine's load falls on both sides alike.
 *
 *   git worktree add --detach ../before <commit> && (cd ../before && npm ci)
 *   npx tsx bench/compare.ts --before [NAME=]../before [--before …] [--people 100000] [--rounds 5] [--seconds 2]
 *     [--routes search,entity]   (only the routes whose names start so; all by default)
 *
 * Writes bench/results/compare.json and compare.md.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Reader } from '../graph/access/roles.js';
import { load1, machine, median } from './measure.js';
import { type LoadFigures, neo4jEnv, type RouteSample, type Window } from './query-load.js';

const { values } = parseArgs({
  options: {
    before: { type: 'string', multiple: true },
    people: { type: 'string', default: '100000' },
    rounds: { type: 'string', default: '5' },
    seconds: { type: 'string', default: '2' },
    routes: { type: 'string' },
  },
});
if (!values.before?.length)
  throw new Error('--before [NAME=]DIR: a checkout of an earlier commit, with its node_modules');
/** `--before issue-11=../d61bd34` or just a folder, named by its last part. */
const BEFORE = values.before.map((arg) => {
  const [name, dir] = arg.includes('=') ? (arg.split('=', 2) as [string, string]) : [arg.split('/').at(-1)!, arg];
  return { name: `before ${name}`, dir: resolve(dir) };
});

const PEOPLE = Number(values.people);
const ROUNDS = Number(values.rounds);
const SECONDS = Number(values.seconds);
const WINDOW: Window = { seconds: SECONDS };
const ROUTES = values.routes?.split(',').map((r) => r.trim());
const measured = (sample: RouteSample) => !ROUTES || ROUTES.some((r) => sample.name.startsWith(r));
const CLEARED: Reader = { userId: 'bench', username: 'bench-cleared', role: 'cleared', clearance: 'confidential' };

/** What this script needs of a tree; an older tree's modules are loaded from its own folder. */
interface Tree {
  name: string;
  dir: string;
  stop(): Promise<void>;
  samples: RouteSample[];
  directLoad(sample: RouteSample, concurrency: number, window: Window, reader?: Reader): Promise<LoadFigures>;
}

const log = (...args: unknown[]) =>
  console.log(`[compare ${new Date().toISOString().slice(11, 19)}, load ${load1()}]`, ...args);

async function openTree(name: string, dir: string): Promise<Tree> {
  const embedded = await import(resolve(dir, 'graph/neo4j/embedded.js'));
  const driver = await import(resolve(dir, 'graph/db/driver.js'));
  const home = resolve(`data/compare-${process.pid}-${name.replace(/\W+/g, '-')}`);
  const neo4j = await embedded.startEmbeddedNeo4j({ home, port: 0, heapMiB: 2048, pageCacheMiB: 1024 });
  // Before "People first" the embedded Neo4j had no password and answered only a uri.
  const connection: { uri: string; user?: string; password?: string } = neo4j.connection ?? { uri: neo4j.uri };
  log(name, `loading ${PEOPLE.toLocaleString('en')} people with its own kinline seed`);
  const seeded = spawnSync('npx', ['tsx', 'cli/kinline.ts', 'seed', '--synthetic', String(PEOPLE)], {
    cwd: dir,
    env: neo4jEnv(connection),
    encoding: 'utf8',
  });
  if (seeded.status !== 0) throw new Error(`${name}: kinline seed failed\n${seeded.stdout}${seeded.stderr}`);
  log(name, seeded.stdout.trim().split('\n').at(-1));
  driver.connect(connection);
  const load = await import(resolve(dir, 'bench/query-load.js'));
  return {
    name,
    dir,
    samples: (await load.routeSamples()).filter(measured),
    directLoad: load.directLoad,
    async stop() {
      await driver.disconnect();
      await neo4j.stop();
      rmSync(home, { recursive: true, force: true });
    },
  };
}

/** Side, route → the p50 of every round. */
type Runs = Record<string, Record<string, number[]>>;

async function measure(trees: Tree[]): Promise<Runs> {
  const runs: Runs = {};
  const sides = (tree: Tree) =>
    tree.name === 'after'
      ? [
          { side: 'after', reader: undefined },
          { side: 'after, cleared', reader: CLEARED },
        ]
      : [{ side: tree.name, reader: undefined }];
  for (const tree of trees)
    for (const sample of tree.samples)
      for (const { reader } of sides(tree)) await tree.directLoad(sample, 1, { requests: 3 }, reader); // warm-up
  for (let round = 0; round < ROUNDS; round += 1) {
    const order = round % 2 === 0 ? trees : [...trees].reverse();
    for (const route of trees[0]!.samples.map((s) => s.name)) {
      for (const tree of order) {
        const sample = tree.samples.find((s) => s.name === route);
        if (!sample) continue;
        for (const { side, reader } of sides(tree)) {
          const figures = await tree.directLoad(sample, 1, WINDOW, reader);
          if (figures.errors > 0) throw new Error(`${side} ${route}: ${figures.errors} errors`);
          ((runs[side] ??= {})[route] ??= []).push(figures.p50);
        }
      }
    }
    log(`round ${round + 1} of ${ROUNDS}`);
  }
  return runs;
}

const fmt = (ms: number) => (ms >= 100 ? ms.toFixed(0) : ms.toFixed(1));
const spread = (values: number[]) => `${fmt(median(values))} (${fmt(Math.min(...values))}–${fmt(Math.max(...values))})`;

function report(runs: Runs, minutes: number, loads: number[]): string {
  const sides = Object.keys(runs);
  const befores = sides.filter((side) => side.startsWith('before'));
  const afters = sides.filter((side) => !side.startsWith('before'));
  const ratios = afters.flatMap((a) => befores.map((b) => [a, b] as const));
  const routes = Object.keys(runs[sides[0]!] ?? {});
  const lines = routes.map((route) => {
    const p50 = (side: string) => median(runs[side]?.[route] ?? []);
    const cells = [
      ...sides.map((side) => spread(runs[side]?.[route] ?? [])),
      ...ratios.map(([a, b]) => (p50(a) / p50(b)).toFixed(2)),
    ];
    return `| ${route} | ${cells.join(' | ')} |`;
  });
  const header = [...sides, ...ratios.map(([a, b]) => `${a} / ${b}`)];
  const m = machine();
  return [
    `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC in ${minutes.toFixed(1)} min on ${m.nproc} × ${m.cpuModel}, Node ${m.node}; ${PEOPLE.toLocaleString('en')} generated people in each tree's own embedded Neo4j (heap 2 GiB, page cache 1 GiB); 1-minute load ${loads.join(' → ')}.`,
    '',
    `Direct handler p50 in ms, one client, median of ${ROUNDS} rounds of ${SECONDS} s (lowest–highest); ${BEFORE.map((b) => `${b.name} = ${b.dir}`).join(', ')}; after = this tree. Rounds alternate the trees and reverse their order each round. "after" reads as an anonymous viewer, as the earlier trees do; "after, cleared" as a confidential-cleared user.`,
    '',
    `| route | ${header.join(' | ')} |`,
    `| --- | ${header.map(() => '---').join(' | ')} |`,
    ...lines,
    '',
  ].join('\n');
}

const started = performance.now();
const loads = [load1()];
const trees: Tree[] = [];
try {
  for (const before of BEFORE) trees.push(await openTree(before.name, before.dir));
  trees.push(await openTree('after', resolve('.')));
  const runs = await measure(trees);
  loads.push(load1());
  const minutes = (performance.now() - started) / 60_000;
  const md = report(runs, minutes, loads);
  mkdirSync('bench/results', { recursive: true });
  writeFileSync(
    'bench/results/compare.json',
    `${JSON.stringify({ people: PEOPLE, rounds: ROUNDS, window: WINDOW, before: BEFORE, runs }, null, 2)}\n`,
  );
  writeFileSync('bench/results/compare.md', md);
  console.log(md);
} finally {
  for (const tree of trees) await tree.stop();
}
