import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { read } from '../graph/db/driver.js';
import { parseFile } from '../graph/import/formats.js';
import { importParsed } from '../graph/import/run.js';
import { freshGraph } from './support/graph.js';

/**
 * Issue 13, "imports that explain themselves": date rules that forgive case and try every rule,
 * the same record twice shown as both versions, a self-link named by its row.
 */
const tmp = mkdtempSync(join(tmpdir(), 'kinline-explains-'));

const mapping = (dates: object) => ({
  kinlineMapping: 1,
  encoding: 'utf-8',
  dates: { register: dates },
  values: {
    when: { column: 'arrested', date: 'register' },
  },
  constants: [{ type: 'Source', id: 'src-list', kind: 'dataset', names: [{ value: 'A case list' }] }],
  claim: { source: 'src-list', locator: '{file}, line {line}', excerpt: '{rowText}' },
  entities: [
    { type: 'Person', id: 'p-{id}', names: [{ value: '{name}' }], fields: { birthDate: '{born?}' } },
    {
      type: 'Event',
      id: 'p-{id}-arrest',
      when: '{arrested}',
      names: [{ value: 'Arrest of {name}' }],
      fields: { kind: 'detention', date: '{when}', description: 'the list says "{when|asWritten}"' },
    },
  ],
  relationships: [
    { type: 'RELATIVE_OF', id: 'p-{id}--kin--{relative}', when: '{relative}', from: 'p-{id}', to: 'p-{relative}' },
  ],
});

/** Day-first dates, then month-first when day-first cannot be a date; month names in any case. */
const RULES = {
  months: { ene: 1, Feb: 2, MAR: 3 },
  rules: [
    { match: '^(\\d{1,2})/(\\d{1,2})/(\\d{4})$', edtf: '{3}-{2|pad2}-{1|pad2}' },
    { match: '^(\\d{1,2})/(\\d{1,2})/(\\d{4})$', edtf: '{3}-{1|pad2}-{2|pad2}' },
    { match: '^(?:med|mid)/(\\w+)/(\\d{4})$', edtf: '{2}-{1|month}' },
    { match: '^(\\w+) (\\d{4})$', edtf: '{2}-{1|month}' },
  ],
};

function write(name: string, text: string, map: object = mapping(RULES)): { csv: string; mapping: string } {
  const csv = join(tmp, `${name}.csv`);
  const file = join(tmp, `${name}.mapping.json`);
  writeFileSync(csv, text);
  writeFileSync(file, JSON.stringify(map));
  return { csv, mapping: file };
}

const HEADER = 'id,name,born,arrested,relative';

beforeAll(freshGraph);

describe('date rules', () => {
  it('reads month names in any case, and tries the next rule when a matching one fails', async () => {
    const f = write(
      'dates',
      [
        HEADER,
        '1,Ana Ruiz,1950,12/31/1976,', // day-first gives month 31: the month-first rule reads it
        '2,Juan Paz,1951,ENE 1977,',
        '3,Eva Sol,1952,med/feb/1978,',
        '4,Luis Mar,1953,Mar 1979,',
      ].join('\n'),
    );
    const parsed = await parseFile(f.csv, { mapping: f.mapping });
    expect(parsed.problems).toEqual([]);
    const dates = Object.fromEntries(
      parsed.dataset.entities.filter((e) => e.type === 'Event').map((e) => [e.id, (e as { date?: string }).date]),
    );
    expect(dates).toEqual({
      'p-1-arrest': '1976-12-31',
      'p-2-arrest': '1977-01',
      'p-3-arrest': '1978-02',
      'p-4-arrest': '1979-03',
    });
  });

  it('keeps the words the source wrote next to the date a rule made of them', async () => {
    const f = write('as-written', [HEADER, '5,Rosa Paz,1950,med/FEB/1978,'].join('\n'));
    const parsed = await parseFile(f.csv, { mapping: f.mapping });
    const index = parsed.dataset.entities.findIndex((e) => e.id === 'p-5-arrest');
    const event = parsed.dataset.entities[index] as { date?: string; description?: string };
    expect(event.date).toBe('1978-02');
    expect(event.description).toBe('the list says "med/FEB/1978"');
    expect(parsed.positions.get(`entities[${index}]`)?.fields?.date).toMatchObject({
      column: 4,
      asWritten: 'med/FEB/1978',
    });
  });

  it('names every rule tried, with file, line and column, when none gives a date', async () => {
    const f = write('bad-dates', [HEADER, '6,Ana Gil,1950,31/02/1976,', '7,Juan Gil,1950,Abr 1976,'].join('\n'));
    const parsed = await parseFile(f.csv, { mapping: f.mapping });
    expect(parsed.problems).toHaveLength(2);
    const [feb31, april] = parsed.problems;
    expect(feb31).toMatchObject({ file: f.csv, line: 2, column: 4 });
    expect(feb31!.message).toMatch(/^unreadable date "31\/02\/1976": no rule of "register" gives a date/);
    expect(feb31!.message).toContain('rule 1 /^(\\d{1,2})/(\\d{1,2})/(\\d{4})$/: matched, but gives "1976-02-31"');
    expect(feb31!.message).toContain('rule 2 /^(\\d{1,2})/(\\d{1,2})/(\\d{4})$/: matched, but gives "1976-31-02"');
    expect(feb31!.message).toContain('rule 3 /^(?:med|mid)/(\\w+)/(\\d{4})$/: no match');
    expect(feb31!.message).toContain('rule 4 /^(\\w+) (\\d{4})$/: no match');
    expect(feb31!.message).toContain('(column "arrested")');
    expect(april).toMatchObject({ file: f.csv, line: 3, column: 4 });
    expect(april!.message).toContain('rule 4 /^(\\w+) (\\d{4})$/: matched, but "Abr" is not a month');
  });
});

describe('the same record twice', () => {
  it('within one file: warns with both versions and their lines, keeps the first, imports the rest', async () => {
    const f = write(
      'twice',
      [HEADER, '8,Marta Lis,1950,,', '9,Pablo Lis,1960,,', '8,Marta Lis,1951,,', '8,Marta Lis,1950,,'].join('\n'),
    );
    const parsed = await parseFile(f.csv, { mapping: f.mapping });
    expect(parsed.problems).toEqual([]);
    const report = await importParsed([parsed]);
    expect(report.problems).toEqual([]);
    expect(report.warnings).toEqual([
      expect.objectContaining({
        file: f.csv,
        line: 4,
        record: 'p-8',
        message: `record "p-8" is given twice with different values; the first is kept: birthDate: "1950" (${f.csv}:2) / "1951" (${f.csv}:4)`,
      }),
    ]);
    expect(report.written).toBe(true);
    const stored = await read('MATCH (p:Person {id: "p-8"}) RETURN p.birthDate AS born');
    expect(stored.records[0]?.get('born')).toBe('1950');
  });

  it('across two files: the same warning, and the import goes on', async () => {
    const a = write('first', [HEADER, '10,Irene Paz,1940,,'].join('\n'));
    const b = write('second', [HEADER, '11,Tomas Paz,1941,,', '10,Irene Paz,1942,,'].join('\n'));
    const report = await importParsed([
      await parseFile(a.csv, { mapping: a.mapping }),
      await parseFile(b.csv, { mapping: b.mapping }),
    ]);
    expect(report.problems).toEqual([]);
    expect(report.warnings).toEqual([
      expect.objectContaining({
        file: b.csv,
        line: 3,
        record: 'p-10',
        message: expect.stringContaining(`birthDate: "1940" (${a.csv}:2) / "1942" (${b.csv}:3)`),
      }),
    ]);
    expect(report.written).toBe(true);
  });

  it('rows that agree are one record with the claims of both', async () => {
    const f = write('agree', [HEADER, '12,Nora Gil,1950,ENE 1977,', '12,Nora Gil,1950,ENE 1977,'].join('\n'));
    const parsed = await parseFile(f.csv, { mapping: f.mapping });
    expect(parsed.warnings).toEqual([]);
    const event = parsed.dataset.entities.find((e) => e.id === 'p-12-arrest') as { claims: { locator: string }[] };
    expect(event.claims.map((c) => c.locator)).toEqual(['agree.csv, line 2', 'agree.csv, line 3']);
  });
});

it('rejects a self-link naming its row, and writes nothing', async () => {
  const f = write('self', [HEADER, '13,Olga Ros,1950,,', '14,Ivan Ros,1950,,14'].join('\n'));
  const report = await importParsed([await parseFile(f.csv, { mapping: f.mapping })]);
  expect(report.written).toBe(false);
  expect(report.problems).toEqual([
    expect.objectContaining({
      file: f.csv,
      line: 3,
      column: 5,
      record: 'p-14--kin--14',
      message: expect.stringMatching(/relationship "p-14--kin--14" links "p-14" to itself/),
    }),
  ]);
  const stored = await read('MATCH (p:Person) WHERE p.id IN ["p-13", "p-14"] RETURN count(p) AS n');
  expect(Number(stored.records[0]?.get('n'))).toBe(0);
});
