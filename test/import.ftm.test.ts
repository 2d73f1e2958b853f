import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { read } from '../graph/db/driver.js';
import { counts } from '../graph/store/admin.js';
import { parseFile } from '../graph/import/formats.js';
import { importParsed } from '../graph/import/run.js';
import { freshGraph } from './support/graph.js';

const tmp = mkdtempSync(join(tmpdir(), 'kinline-ftm-'));

/** FtM as OpenSanctions and the `ftm` tools write it: one entity per line, ids are hashes. */
const LINES = [
  {
    id: 'Q1',
    schema: 'Person',
    properties: {
      name: ['Nurlan Kassymov'],
      alias: ['Нурлан Касымов', 'Nurlan Qasymov'],
      birthDate: ['1970-05-02'],
      gender: ['male'],
      nationality: ['kz'],
    },
  },
  { id: 'Q2', schema: 'Person', properties: { firstName: ['Aliya'], lastName: ['Kassymova'], birthDate: ['1995'] } },
  { id: 'ORG-1', schema: 'PublicBody', properties: { name: ['Ministry of Public Security'] } },
  { id: 'POS-1', schema: 'Position', properties: { name: ['Deputy minister'], organization: ['ORG-1'] } },
  {
    id: 'ADDR-1',
    schema: 'Address',
    properties: { full: ['Khorgos border crossing'], country: ['kz'], latitude: ['44.21'], longitude: ['80.41'] },
  },
  {
    id: 'EV-1',
    schema: 'Event',
    properties: {
      name: ['Detention at the border'],
      date: ['2018-03'],
      involved: ['Q1'],
      addressEntity: ['ADDR-1'],
      organizer: ['ORG-1'],
    },
  },
  { id: 'FAM-1', schema: 'Family', properties: { person: ['Q2'], relative: ['Q1'], relationship: ['father'] } },
  { id: 'OCC-1', schema: 'Occupancy', properties: { holder: ['Q1'], post: ['POS-1'], startDate: ['2010'] } },
  { id: 'PASS-1', schema: 'Passport', properties: { holder: ['Q1'], number: ['N1234567'], country: ['kz'] } },
];

beforeAll(freshGraph);

it('imports FtM people, aliases, kinship, events, occupancies and passports', async () => {
  const file = join(tmp, 'case.ftm.jsonl');
  writeFileSync(file, LINES.map((l) => JSON.stringify(l)).join('\n'));
  const report = await importParsed([await parseFile(file)]);
  expect(report.problems).toEqual([]);
  const c = await counts();
  expect(c).toMatchObject({
    Person: 2,
    Organisation: 1,
    Place: 1,
    Event: 1,
    Source: 1,
    PARENT_OF: 1,
    PARTICIPATED_IN: 2,
    OCCURRED_AT: 1,
    AFFILIATED_WITH: 1,
  });
  const nurlan = await read(
    "MATCH (p:Person) WHERE p.searchText CONTAINS 'Qasymov' RETURN p.id AS id, p.identityNumbers AS ids, p.birthDate AS born",
  );
  expect(nurlan.records[0]?.toObject()).toEqual({ id: 'ftm-q1', ids: ['N1234567'], born: '1970-05-02' });
  const parent = await read('MATCH (a:Person)-[:PARENT_OF]->(b:Person) RETURN a.name AS parent, b.name AS child');
  expect(parent.records[0]?.toObject()).toEqual({ parent: 'Nurlan Kassymov', child: 'Aliya Kassymova' });
  const claim = await read('MATCH (c:Claim {about: "ftm-fam-1"}) RETURN c.locator AS locator, c.excerpt AS excerpt');
  expect(claim.records[0]?.get('locator')).toBe('line 7');
  expect(JSON.parse(claim.records[0]?.get('excerpt'))).toEqual(LINES[6]);
  const again = await importParsed([await parseFile(file)]);
  expect(again.written).toBe(false);
  expect(await counts()).toEqual(c);
});

it('rejects broken lines and bad dates with their line, writing nothing', async () => {
  const before = await counts();
  const file = join(tmp, 'bad.ftm.jsonl');
  writeFileSync(
    file,
    [
      JSON.stringify(LINES[0]),
      '{"id": "X", "schema": "Person", "properties": {',
      JSON.stringify({ id: 'Q9', schema: 'Person', properties: { name: ['Bad Date'], birthDate: ['1970-13-45'] } }),
    ].join('\n'),
  );
  const report = await importParsed([await parseFile(file)]);
  expect(report.problems).toEqual([
    expect.objectContaining({ file, line: 2, message: expect.stringMatching(/not JSON/) }),
    expect.objectContaining({ file, line: 3, message: expect.stringMatching(/birthDate/) }),
  ]);
  expect(await counts()).toEqual(before);
});
