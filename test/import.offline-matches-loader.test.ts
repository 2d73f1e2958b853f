import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { connect, disconnect, read } from '../graph/db/driver.js';
import { freePort, startEmbeddedNeo4j, type EmbeddedNeo4j } from '../graph/neo4j/embedded.js';
import { validateAndLoad } from '../graph/store/check.js';
import { storeIsAbsent } from '../graph/neo4j/offline-import.js';
import { offlineLoad } from '../graph/store/offline-load.js';
import { nothingOutside, validateDataset } from '../graph/store/validate.js';
import { generateDataset } from '../seeds/generate.js';
import { runKinline } from './support/cli.js';
import { freshGraph } from './support/graph.js';

/** Records whose values a CSV cell cannot carry as they are, beside 800 generated people. */
const awkward = {
  kinline: 1,
  entities: [
    {
      type: 'Source',
      id: 'off-s1',
      names: [{ value: 'Report, "quoted", with a comma', kind: 'primary' }],
      kind: 'report',
      date: '2019-04',
      authors: ['A. Author', 'B; Author'],
    },
    {
      type: 'Person',
      id: 'off-p1',
      names: [
        { value: 'Aiman "Ai" Umarova', kind: 'primary' },
        { value: 'Айман Умарова', script: 'Cyrl' },
      ],
      description: 'First line\nsecond line, with "quotes"\r\nthird',
      citizenships: [],
      identityNumbers: ['KZ 01\u001f02', 'N12'],
      birthDate: '1975~',
      gender: 'female',
      identifiers: [{ scheme: 'ruvte', value: 'RUVTE-1, "a"' }],
      // Attribute statements (AttributeClaim nodes): a value as JSON, a rank, texts a cell must keep.
      statements: [
        {
          field: 'birthDate',
          value: '1975~',
          rank: 'preferred',
          claims: [{ source: 'off-s1', locator: 'p. 5', excerpt: 'aged "about" 42,\nin 2017' }],
        },
        { field: 'birthDate', value: '1976', claims: [{ source: 'off-s1', locator: 'p. 6', excerpt: 'b. 1976' }] },
        {
          field: 'names',
          value: { value: 'Aiman U.' },
          claims: [{ source: 'off-s1', locator: 'p. 6', excerpt: 'Aiman U.' }],
        },
      ],
    },
    {
      type: 'Person',
      id: 'off-p2',
      names: [{ value: 'Protected Child' }],
      minor: true,
      birthDate: '2012-03-04',
      statements: [
        {
          field: 'birthDate',
          value: '2012-03-05',
          claims: [{ source: 'off-s1', locator: 'p. 7', excerpt: 'b. 5.3.2012' }],
        },
      ],
    },
    {
      type: 'Event',
      id: 'off-e1',
      names: [{ value: 'Birth of the child' }],
      kind: 'birth',
      date: '2012-03-04',
      claims: [{ source: 'off-s1', locator: 'p. 1', excerpt: 'born,\n"at home"' }],
    },
    {
      type: 'Event',
      id: 'off-e2',
      names: [{ value: 'Detention' }],
      kind: 'detention',
      date: '2017-10~/..',
      claims: [{ source: 'off-s1', locator: 'p. 2', excerpt: 'held', date: '2017-11', confidence: 'possible' }],
    },
  ],
  relationships: [
    {
      id: 'off-r1',
      type: 'PARENT_OF',
      from: 'off-p1',
      to: 'off-p2',
      claims: [
        { source: 'off-s1', locator: 'p. 3', excerpt: 'her son' },
        { source: 'off-s1', locator: 'p. 4', excerpt: 'her nephew', confidence: 'doubtful' },
      ],
    },
    {
      id: 'off-r2',
      type: 'PARTICIPATED_IN',
      from: 'off-p2',
      to: 'off-e1',
      role: 'subject',
      claims: [{ source: 'off-s1', locator: 'p. 1', excerpt: 'born' }],
    },
    {
      id: 'off-r3',
      type: 'PARTICIPATED_IN',
      from: 'off-p1',
      to: 'off-e2',
      role: 'subject',
      claims: [{ source: 'off-s1', locator: 'p. 2', excerpt: 'held' }],
    },
  ],
};

const generated = generateDataset({ people: 800, seed: 11 });
const dataset = {
  kinline: 1,
  entities: [...generated.entities, ...awkward.entities],
  relationships: [...generated.relationships, ...awkward.relationships],
};
const home = `data/test-neo4j-offline-${process.pid}`;
const cliHome = `data/test-neo4j-offline-cli-${process.pid}`;
const failHome = `data/test-neo4j-offline-fail-${process.pid}`;
let cliPort = 0;
let offline: EmbeddedNeo4j | undefined;

/**
 * Public ids are random per record (graph/store/protection.ts), and a default pseudonym and a
 * protected person's search text are made from them: the two builds agree on everything else.
 */
function withoutRandomIds(props: Record<string, unknown>): Record<string, unknown> {
  const id = props.publicId;
  if (typeof id !== 'string') return props;
  const code = id.slice(5, 11);
  const blank = (v: unknown) =>
    typeof v === 'string' ? v.replaceAll(id, 'anon-*').replaceAll(code.toUpperCase(), '*').replaceAll(code, '*') : v;
  return Object.fromEntries(Object.entries(props).map(([k, v]) => [k, blank(v)]));
}

/** Every node and relationship with its labels or type, endpoints and properties, in a fixed order. */
async function dump() {
  const nodes = await read<{ labels: string[]; props: Record<string, unknown> }>(
    'MATCH (n) WHERE NOT n:KinlineGeneration RETURN labels(n) AS labels, properties(n) AS props ORDER BY n.id',
  );
  const rels = await read<{ type: string; from: string; to: string; props: Record<string, unknown> }>(
    'MATCH (a)-[r]->(b) RETURN type(r) AS type, a.id AS from, b.id AS to, properties(r) AS props ORDER BY type, from, to, r.id',
  );
  const generation = await read<{ n: number }>('MATCH (g:KinlineGeneration) RETURN count(g) AS n');
  return {
    nodes: nodes.records.map((r) => ({ labels: [...r.get('labels')].sort(), props: withoutRandomIds(r.get('props')) })),
    relationships: rels.records.map((r) => ({ ...r.toObject(), props: withoutRandomIds(r.get('props')) })),
    generations: generation.records[0]?.get('n'),
  };
}

beforeAll(freshGraph);
afterAll(async () => {
  await disconnect();
  await offline?.stop();
  rmSync(home, { recursive: true, force: true });
  rmSync(cliHome, { recursive: true, force: true });
  rmSync(failHome, { recursive: true, force: true });
});

it('builds, in an empty database, the same graph as the loader: every label, type, property and value', async () => {
  await validateAndLoad(dataset, { file: 'offline-compare' });
  const loaded = await dump();
  const { neo4j, summary } = await offlineLoad(await validateDataset(dataset, 'offline-compare', nothingOutside), {
    home,
    file: 'offline-compare',
    heapMiB: 768,
    pageCacheMiB: 128,
  });
  offline = neo4j;
  const imported = await dump();
  expect(summary.entities).toBe(dataset.entities.length);
  expect(imported.nodes.length).toBe(loaded.nodes.length);
  expect(imported.relationships.length).toBe(loaded.relationships.length);
  expect(imported).toEqual(loaded);
  // The awkward values arrived as they were, not merely as the loader's equal mistakes.
  const p1 = imported.nodes.find((n) => n.props.id === 'off-p1')!.props;
  expect(p1.citizenships).toEqual([]);
  expect(p1.identityNumbers).toEqual(['KZ 01\u001f02', 'N12']);
  expect(p1.description).toBe('First line\nsecond line, with "quotes"\r\nthird');
  expect(imported.nodes.find((n) => n.props.id === 'off-e1')!.props.protected).toBe(true);
}, 300_000);

function kinline(...args: string[]) {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    KINLINE_NEO4J_DATA: cliHome,
    KINLINE_NEO4J_PORT: String(cliPort),
    KINLINE_NEO4J_HEAP_MB: '768',
  };
  delete env.NEO4J_URI;
  return runKinline(env, args);
}

it('kinline import --offline builds a new database, then refuses to overwrite one that holds data', async () => {
  await disconnect();
  await offline?.stop();
  offline = undefined;
  cliPort = await freePort();
  const file = join(mkdtempSync(join(tmpdir(), 'kinline-offline-')), 'awkward.json');
  writeFileSync(file, JSON.stringify(awkward));
  const first = await kinline('import', file, '--offline');
  expect(first.stderr + first.stdout).toMatch(/written/);
  expect(first.code).toBe(0);
  expect(first.stdout).toMatch(/^Person\s+2\s+0\s+0\s+0$/m);
  const again = await kinline('import', file, '--offline');
  expect(again.code).toBe(1);
  expect(again.stderr).toMatch(/already holds \d+ nodes/);
  offline = await startEmbeddedNeo4j({ home: cliHome, port: 0, heapMiB: 768, pageCacheMiB: 128 });
  connect(offline.connection);
  const people = await read<{ id: string }>('MATCH (p:Person) RETURN p.id AS id ORDER BY id');
  expect(people.records.map((r) => r.get('id'))).toEqual(['off-p1', 'off-p2']);
}, 300_000);

it('leaves no half-built database behind when the importer fails', async () => {
  // 40 MiB of heap: the importer creates the store files, then runs out of memory.
  const checked = await validateDataset(generateDataset({ people: 300, seed: 2 }), 'generated', nothingOutside);
  const error = await offlineLoad(checked, { home: failHome, heapMiB: 40 }).then(
    () => null,
    (e: unknown) => e,
  );
  expect(String((error as Error | null)?.message)).toMatch(/offline importer failed/);
  // The importer's own words (which can quote input lines) stay in a log beside the database.
  expect(String((error as Error).message)).not.toMatch(/PARTNER_OF|Exception/);
  expect(readFileSync(join(failHome, 'logs', 'offline-import.log'), 'utf8')).toMatch(/OutOfMemoryError|heap/i);
  expect(storeIsAbsent(failHome)).toBe(true);
  expect(readdirSync(failHome).filter((name) => name.startsWith('offline-import-'))).toEqual([]);
}, 120_000);
