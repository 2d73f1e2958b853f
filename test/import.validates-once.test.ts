import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, expect, it, vi } from 'vitest';
import { disconnect, read } from '../graph/db/driver.js';
import { parseFile } from '../graph/import/formats.js';
import { importParsed } from '../graph/import/run.js';
import type { EmbeddedNeo4j } from '../graph/neo4j/embedded.js';
import { offlineLoad } from '../graph/store/offline-load.js';
import { validateDataset } from '../graph/store/validate.js';
import { freshGraph } from './support/graph.js';

// The validator itself, counted: every caller in the import path reaches it through this module.
vi.mock('../graph/store/validate.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../graph/store/validate.js')>();
  return { ...actual, validateDataset: vi.fn(actual.validateDataset) };
});

const validations = () => vi.mocked(validateDataset).mock.calls.length;

const home = `data/test-neo4j-offline-once-${process.pid}`;
let offline: EmbeddedNeo4j | undefined;

async function peopleCsv() {
  const file = join(mkdtempSync(join(tmpdir(), 'kinline-once-')), 'people.csv');
  writeFileSync(
    file,
    [
      'id,name,aliases,gender,birth_date,birth_place,death_date,disclosure,minor,pseudonym,citizenships,ethnicity,occupation,identity_numbers,identifiers,description',
      'once-p1,Aigerim Once,,female,1980~,,,,,,KZ,,,,,',
      'once-p2,Berik Once,B. Once,male,1978,,,,,,KZ,,,,,',
    ].join('\n'),
  );
  return parseFile(file, { mapping: 'graph/import/template/people.mapping.json' });
}

const peopleIn = async () =>
  (await read<{ id: string }>('MATCH (p:Person) RETURN p.id AS id ORDER BY id')).records.map((r) => r.get('id'));

beforeAll(freshGraph);
beforeEach(() => {
  vi.mocked(validateDataset).mockClear();
});
afterAll(async () => {
  await disconnect();
  await offline?.stop();
  rmSync(home, { recursive: true, force: true });
});

it('a CSV import validates the dataset once, and the loader writes it without checking again', async () => {
  const report = await importParsed([await peopleCsv()]);
  expect(report.problems).toEqual([]);
  expect(report.written).toBe(true);
  expect(validations()).toBe(1);
  expect(await peopleIn()).toEqual(['once-p1', 'once-p2']);
});

it('an offline import validates once: the check against the empty database, then the importer', async () => {
  await freshGraph();
  const report = await importParsed([await peopleCsv()], { dryRun: true });
  expect(report.dataset).toBeDefined();
  const built = await offlineLoad(report.dataset!, { home, heapMiB: 512, pageCacheMiB: 64 });
  offline = built.neo4j;
  expect(validations()).toBe(1);
  expect(built.summary.entities).toBe(2);
  expect(await peopleIn()).toEqual(['once-p1', 'once-p2']);
}, 240_000);
