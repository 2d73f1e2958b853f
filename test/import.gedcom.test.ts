import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { read } from '../graph/db/driver.js';
import { counts } from '../graph/store/admin.js';
import { decodeAnsel } from '../graph/import/gedcom/ansel.js';
import { parseFile } from '../graph/import/formats.js';
import { gedcomDateToEdtf } from '../graph/import/gedcom/dates.js';
import { importParsed } from '../graph/import/run.js';
import { freshGraph } from './support/graph.js';

const DATA = '../shared/data/gedcom';
const tmp = mkdtempSync(join(tmpdir(), 'kinline-ged-'));

beforeAll(freshGraph);

async function importFile(file: string, dryRun = false) {
  return importParsed([await parseFile(file)], { dryRun });
}

async function parentsOf(personId: string): Promise<string[]> {
  const rows = await read<{ name: string }>(
    'MATCH (p:Person)-[:PARENT_OF]->(:Person {id: $id}) RETURN p.name AS name ORDER BY name',
    { id: personId },
  );
  return rows.records.map((r) => r.get('name'));
}

describe('GEDCOM dates map to EDTF', () => {
  it.each([
    ['ABT 1950', '1950~'],
    ['EST 1950', '1950~'],
    ['CAL 1950', '1950~'],
    ['BEF 1950', '[..1950]'],
    ['AFT 1950', '[1950..]'],
    ['FROM 1950', '1950/..'],
    ['TO 1950', '../1950'],
    ['BET 1950 AND 1960', '[1950..1960]'],
    ['FROM 20 JAN 1961 TO 22 NOV 1963', '1961-01-20/1963-11-22'],
    ['  5 AUG 1901', '1901-08-05'],
    ['12 MAR 1637/1638', '1638-03-12'],
    ['       1815/1816', '[1815..1816]'],
    ['ABT 1103/1104', '[1103~..1104~]'],
  ])('%s -> %s', (gedcom, edtf) => {
    expect(gedcomDateToEdtf(gedcom)).toEqual({ ok: true, edtf });
  });
  it('rejects nonsense with a reason', () => {
    expect(gedcomDateToEdtf('32 FOO 19x')).toMatchObject({ ok: false, incomplete: false });
    expect(gedcomDateToEdtf('31 FEB 1950')).toMatchObject({ ok: false });
  });
});

it('decodes ANSEL: combining marks come before the letter', () => {
  expect(
    decodeAnsel(
      Uint8Array.from([
        ...Buffer.from('Ren'),
        0xe2,
        ...Buffer.from('e M'),
        0xe8,
        ...Buffer.from('uller '),
        0xa2,
        ...Buffer.from('rsted'),
      ]),
    ),
  ).toBe('René Müller Ørsted');
});

it('imports kennedy.ged with its people, families and parents, and twice changes nothing', async () => {
  const report = await importFile(`${DATA}/kennedy.ged`);
  expect(report.problems).toEqual([]);
  const c = await counts();
  expect(c.Person).toBe(208);
  expect(c.Family).toBe(75);
  expect(await parentsOf('ged-kennedy-i104')).toEqual(['Joseph Patrick Kennedy', 'Rose Elizabeth Fitzgerald']);
  const jfk = await read(
    'MATCH (p:Person {id: "ged-kennedy-i104"}) RETURN p.name AS name, p.birthDate AS born, p.deathDate AS died',
  );
  expect(jfk.records[0]?.toObject()).toEqual({
    name: 'John Fitzgerald KENNEDY',
    born: '1917-05-29',
    died: '1963-11-22',
  });
  const claim = await read(
    'MATCH (:Person {id: "ged-kennedy-i104"})-[r:PARTICIPATED_IN]->(e:Event {kind: "birth"}) MATCH (c:Claim {about: r.id}) RETURN c.locator AS locator, c.excerpt AS excerpt',
  );
  expect(claim.records[0]?.get('locator')).toMatch(/^line \d+$/);
  expect(claim.records[0]?.get('excerpt')).toContain('2 DATE 29 MAY 1917');
  const again = await importFile(`${DATA}/kennedy.ged`);
  expect(again.written).toBe(false);
  for (const s of Object.values(again.summary)) expect(s.created + s.updated).toBe(0);
  expect(await counts()).toEqual(c);
});

it('imports royal92.ged (ANSEL) at scale with the right parents', async () => {
  const report = await importFile(`${DATA}/royal92.ged`);
  expect(report.problems).toEqual([]);
  // Two dates without a year ("10 JAN") are kept as text in the claim and reported as warnings.
  const undated = report.warnings.filter((w) => /has no year/.test(w.message));
  expect(undated.map((w) => w.line)).toEqual([6436, 27126]);
  // Places spelt two ways that make one id ("Leicester-House" / "Leicester House"): the first
  // spelling is kept, and each second spelling is shown next to the first, with both lines.
  const spelt = report.warnings.filter((w) => !undated.includes(w));
  expect(spelt.map((w) => w.line)).toEqual([3260, 7449, 10487, 11626, 12225, 23689]);
  expect(spelt[0]!.message).toBe(
    `record "ged-royal92-place--leicester-house-london-england" is given twice with different values; the first is kept: names: [{"value":"Leicester-House, London, England","kind":"primary"}] (${DATA}/royal92.ged:3177) / [{"value":"Leicester House, London, England","kind":"primary"}] (${DATA}/royal92.ged:3260)`,
  );
  const c = await counts();
  expect(c.Person).toBe(208 + 3010);
  expect(c.Family).toBe(75 + 1422);
  expect(await parentsOf('ged-royal92-i4')).toEqual(['Albert Augustus Charles', 'Victoria Hanover']);
  const approx = await read(
    'MATCH (p:Person) WHERE p.id STARTS WITH "ged-royal92-" AND p.birthDate ENDS WITH "~" RETURN count(p) AS n',
  );
  expect(approx.records[0]?.get('n')).toBeGreaterThan(50);
});

describe('malformed GEDCOM is rejected precisely and writes nothing', () => {
  it('a truncated file', async () => {
    const before = await counts();
    const text = readFileSync(`${DATA}/kennedy.ged`, 'utf8').split('\n').slice(0, 3000).join('\n');
    const file = join(tmp, 'truncated.ged');
    writeFileSync(file, text);
    const report = await importFile(file);
    expect(report.written).toBe(false);
    expect(report.problems).toContainEqual(
      expect.objectContaining({ file, line: 3000, message: expect.stringMatching(/truncated/) }),
    );
    expect(await counts()).toEqual(before);
  });

  it('a bad date and a dangling pointer', async () => {
    const before = await counts();
    const file = join(tmp, 'bad.ged');
    writeFileSync(
      file,
      [
        '0 HEAD',
        '1 CHAR UTF-8',
        '0 @I1@ INDI',
        '1 NAME Ann /Bad/',
        '1 BIRT',
        '2 DATE 32 FOO 19x',
        '0 @F1@ FAM',
        '1 HUSB @I9@',
        '1 WIFE @I1@',
        '0 TRLR',
        '',
      ].join('\n'),
    );
    const report = await importFile(file);
    expect(report.problems).toEqual([
      expect.objectContaining({ file, line: 6, column: 8, message: expect.stringMatching(/19X/) }),
      expect.objectContaining({ file, line: 8, column: 8, message: expect.stringMatching(/@I9@/) }),
    ]);
    expect(report.summary.record?.rejected ?? 0).toBeGreaterThanOrEqual(2);
    expect(await counts()).toEqual(before);
  });

  it('a Latin-1 byte in a file that says UTF-8', async () => {
    const before = await counts();
    const file = join(tmp, 'latin1.ged');
    writeFileSync(
      file,
      Buffer.concat([
        Buffer.from('0 HEAD\n1 CHAR UTF-8\n0 @I1@ INDI\n1 NAME Jos'),
        Buffer.from([0xe9]),
        Buffer.from(' /Ruiz/\n0 TRLR\n'),
      ]),
    );
    const report = await importFile(file);
    expect(report.problems).toEqual([
      expect.objectContaining({ file, line: 4, column: 11, message: expect.stringMatching(/not valid UTF-8/) }),
    ]);
    expect(await counts()).toEqual(before);
  });
});
