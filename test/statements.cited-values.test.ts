import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ANONYMOUS } from '../graph/access/roles.js';
import { read } from '../graph/db/driver.js';
import { parseFile } from '../graph/import/formats.js';
import { combine } from '../graph/import/merge.js';
import { importParsed } from '../graph/import/run.js';
import { emptyParsed, type ParsedFile } from '../graph/import/types.js';
import { searchEntities } from '../graph/queries/search.js';
import { scopeFor } from '../graph/read/scope.js';
import { ATTRIBUTE_CLAIM, type DatasetInput } from '../graph/schema/index.js';
import { validateAndLoad } from '../graph/store/check.js';
import { exportDataset } from '../graph/store/export.js';
import { nothingOutside, ValidationError, validateDataset } from '../graph/store/validate.js';
import { freshGraph } from './support/graph.js';

/**
 * Attribute statements in the file form (issue 13, "Every fact cited"): what a researcher writes,
 * what the validator says about it, and how two files or two rows that give different values
 * for the same record keep both when both are cited.
 */

const SOURCE = { type: 'Source', id: 'src-list', kind: 'dataset', names: [{ value: 'Case list', kind: 'primary' }] };
const SOURCE_2 = {
  type: 'Source',
  id: 'src-court',
  kind: 'official-document',
  names: [{ value: 'Verdict', kind: 'primary' }],
};
const cite = (source: string, excerpt: string) => [{ source, locator: 'row 4', excerpt }];

const dataset = (...entities: object[]) => ({
  kinline: 1,
  entities: [SOURCE, SOURCE_2, ...entities],
  relationships: [],
});

const person = (extra: object) => ({
  type: 'Person',
  id: 'p-erlan',
  names: [{ value: 'Erlan Qasymov', kind: 'primary' }],
  ...extra,
});

async function problemsOf(input: unknown): Promise<string[]> {
  try {
    await validateDataset(input, 'case.json', nothingOutside);
    return [];
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    return error.problems.map((p) => `${p.path}: ${p.message}`);
  }
}

describe('the file form', () => {
  it("keeps two sources' birth years side by side; the preferred one is the record's own", async () => {
    const data = await validateDataset(
      dataset(
        person({
          statements: [
            { field: 'birthDate', value: '1979', rank: 'preferred', claims: cite('src-list', 'b. 1979') },
            { field: 'birthDate', value: '1980', claims: cite('src-court', 'born in 1980') },
          ],
        }),
      ),
      'case.json',
      nothingOutside,
    );
    const erlan = data.entities.find((e) => e.id === 'p-erlan')!;
    expect(erlan.type === 'Person' && erlan.birthDate).toBe('1979');
    expect(erlan.statements?.map((s) => [s.value, s.rank ?? 'normal'])).toEqual([
      ['1979', 'preferred'],
      ['1980', 'normal'],
    ]);
  });

  it('fills a field the file leaves out from its best statement, and a list from every live one', async () => {
    const data = await validateDataset(
      dataset(
        person({
          identityNumbers: ['N-1'],
          statements: [
            { field: 'birthDate', value: '1978', rank: 'deprecated', claims: cite('src-list', 'b. 1978 (misprint)') },
            { field: 'birthDate', value: '1980', claims: cite('src-court', 'born in 1980') },
            { field: 'identityNumbers', value: 'N-2', claims: cite('src-court', 'ID N-2') },
            {
              field: 'names',
              value: { value: 'Ерлан Қасымов', kind: 'transliteration' },
              claims: cite('src-court', 'Ерлан Қасымов'),
            },
          ],
        }),
      ),
      'case.json',
      nothingOutside,
    );
    const erlan = data.entities.find((e) => e.id === 'p-erlan')!;
    if (erlan.type !== 'Person') throw new Error('not a person');
    expect(erlan.birthDate).toBe('1980');
    expect(erlan.identityNumbers).toEqual(['N-1', 'N-2']);
    expect(erlan.names.map((n) => n.value)).toEqual(['Erlan Qasymov', 'Ерлан Қасымов']);
  });

  it('says what is wrong with a statement, where', async () => {
    expect(await problemsOf(dataset(person({ statements: 'born 1979' })))).toEqual([
      expect.stringMatching(/^entities\[2\]\.statements: /),
    ]);
    expect(await problemsOf(dataset(person({ statements: ['born 1979'] })))).toEqual([
      expect.stringMatching(/^entities\[2\]\.statements\[0\]: /),
    ]);
    expect(
      await problemsOf(
        dataset(
          person({
            birthDate: '1979',
            statements: [
              { field: 'disclosure', value: 'public', claims: cite('src-list', 'x') },
              { field: 'gender', value: 'f', claims: cite('src-list', 'x') },
              { field: 'birthDate', value: '1980', rank: 'preferred', claims: cite('src-list', 'b. 1980') },
              { field: 'birthDate', value: '1979', claims: cite('src-nowhere', 'b. 1979') },
              { field: 'occupation', value: 'driver', claims: [] },
            ],
          }),
        ),
      ),
    ).toEqual([
      'entities[2].statements[4].claims: a statement cites at least one source',
      expect.stringMatching(/^entities\[2\]\.statements\[0\]\.field: must be one of .*gender/),
      expect.stringMatching(/^entities\[2\]\.statements\[1\]\.value: not a value of gender/),
      expect.stringMatching(/^entities\[2\]\.statements\[2\]\.value: the preferred birthDate is the record's own/),
    ]);
    expect(
      await problemsOf(
        dataset(person({ statements: [{ field: 'birthDate', value: '1979', claims: cite('src-nowhere', 'b.') }] })),
      ),
    ).toEqual(['entities[2].statements[0].claims[0].source: unknown source "src-nowhere"']);
  });

  it('reads a Facility of the older form: externalIds become identifiers of scheme "external"', async () => {
    const data = await validateDataset(
      dataset({
        type: 'Facility',
        id: 'fac-1',
        kind: 'prison',
        names: [{ value: 'Prison No. 1', kind: 'primary' }],
        externalIds: ['ASPI-7'],
        identifiers: [{ scheme: 'ruvte', value: 'RUVTE-1' }],
      }),
      'old.json',
      nothingOutside,
    );
    const facility = data.entities.find((e) => e.id === 'fac-1')!;
    expect(facility.identifiers).toEqual([
      { scheme: 'ruvte', value: 'RUVTE-1' },
      { scheme: 'external', value: 'ASPI-7' },
    ]);
    expect('externalIds' in facility).toBe(false);
  });
});

const file = (name: string, ...entities: object[]): ParsedFile => ({
  ...emptyParsed(name, 'json'),
  dataset: { kinline: 1, entities, relationships: [] } as DatasetInput,
});

describe('the same record from two files', () => {
  it('is merged as two statements when both cite the value they give', () => {
    const combined = combine([
      file(
        'list.json',
        SOURCE,
        person({
          birthDate: '1979',
          statements: [{ field: 'birthDate', value: '1979', claims: cite('src-list', 'b. 1979') }],
        }),
      ),
      file(
        'court.json',
        SOURCE_2,
        person({
          birthDate: '1980',
          statements: [
            { field: 'birthDate', value: '1980', rank: 'preferred', claims: cite('src-court', 'born 1980') },
          ],
        }),
      ),
    ]);
    expect(combined.problems).toEqual([]);
    const erlan = combined.dataset.entities.find((e) => e.id === 'p-erlan')!;
    expect(erlan.type === 'Person' && erlan.birthDate).toBe('1979');
    expect(erlan.statements).toEqual([
      { field: 'birthDate', value: '1979', claims: cite('src-list', 'b. 1979') },
      { field: 'birthDate', value: '1980', claims: cite('src-court', 'born 1980') },
    ]);
  });

  it('is still a warning with both versions when a value is not cited', () => {
    const combined = combine([
      file('list.json', SOURCE, person({ birthDate: '1979' })),
      file(
        'court.json',
        SOURCE_2,
        person({
          birthDate: '1980',
          statements: [{ field: 'birthDate', value: '1980', claims: cite('src-court', 'born 1980') }],
        }),
      ),
    ]);
    expect(combined.warnings.map((p) => p.message)).toEqual([
      expect.stringContaining('given twice with different values'),
    ]);
  });
});

describe('a CSV mapping that cites fields', () => {
  it("keeps two rows' different birth years, each with its row's claim", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kinline-statements-'));
    writeFileSync(
      join(dir, 'cases.csv'),
      'id,case,name,born,page\np-erlan,RUVTE-1234,Erlan Qasymov,1979,p. 3\np-erlan,RUVTE-1234,Erlan Qasymov,1980,p. 9\n',
    );
    writeFileSync(
      join(dir, 'cases.mapping.json'),
      JSON.stringify({
        kinlineMapping: 1,
        constants: [SOURCE],
        claim: { source: 'src-list', locator: '{page}', excerpt: '{rowText}' },
        entities: [
          {
            type: 'Person',
            id: '{id}',
            names: [{ value: '{name}', kind: 'primary' }],
            fields: {
              birthDate: '{born}',
              identifiers: { template: 'ruvte:{case}', type: 'identifiers' },
            },
            cite: ['birthDate', 'identifiers'],
          },
        ],
      }),
    );
    const parsed = await parseFile(join(dir, 'cases.csv'), { mapping: join(dir, 'cases.mapping.json') });
    expect(parsed.problems).toEqual([]);
    // Each row's version is kept by the reader; the run settles them as it settles two files'.
    const combined = combine([parsed]);
    expect(combined.warnings).toEqual([]);
    const people = combined.dataset.entities.filter((e) => e.type === 'Person');
    expect(people).toHaveLength(1);
    expect(people[0]!.identifiers).toEqual([{ scheme: 'ruvte', value: 'RUVTE-1234' }]);
    expect(people[0]!.statements?.map((s) => [s.field, s.value, s.claims.map((c) => c.locator)])).toEqual([
      ['birthDate', '1979', ['p. 3']],
      ['identifiers', { scheme: 'ruvte', value: 'RUVTE-1234' }, ['p. 3', 'p. 9']],
      ['birthDate', '1980', ['p. 9']],
    ]);
    const checked = await validateDataset(combined.dataset, 'cases.csv', nothingOutside);
    expect(checked.entities.find((e) => e.id === 'p-erlan')).toMatchObject({ birthDate: '1979' });
  });
});

describe('in the graph', () => {
  const erlan = (statements: object[]) =>
    dataset(person({ identifiers: [{ scheme: 'ruvte', value: 'RUVTE-1234' }], statements }));
  const birth = (value: string, source: string) => ({ field: 'birthDate', value, claims: cite(source, `b. ${value}`) });

  it('a record loaded again has its statements replaced, not added to', async () => {
    await freshGraph();
    await validateAndLoad(erlan([birth('1979', 'src-list'), birth('1980', 'src-court')]));
    const stated = async () =>
      (await exportDataset()).entities.find((e) => e.id === 'p-erlan')!.statements?.map((s) => s.value);
    expect(await stated()).toEqual(['1979', '1980']);
    await validateAndLoad(erlan([birth('1981', 'src-court')]));
    expect(await stated()).toEqual(['1981']);
    const nodes = await read<{ n: number }>(`MATCH (c:${ATTRIBUTE_CLAIM} {entity: 'p-erlan'}) RETURN count(c) AS n`);
    expect(Number(nodes.records[0]!.get('n'))).toBe(1);
  });

  it('an alias added to the stored person from another import keeps her statements', async () => {
    const aliases: ParsedFile = {
      ...emptyParsed('aliases.csv', 'csv'),
      additions: [
        {
          person: 'p-erlan',
          names: [{ value: 'Erlik', kind: 'alias' }],
          missing: 'reject',
          position: { file: 'aliases.csv', line: 2 },
        },
      ],
    };
    expect((await importParsed([aliases])).problems).toEqual([]);
    const stored = (await exportDataset()).entities.find((e) => e.id === 'p-erlan')!;
    expect(stored.names.map((n) => n.value)).toEqual(['Erlan Qasymov', 'Erlik']);
    expect(stored.statements?.map((s) => s.value)).toEqual(['1981']);
  });

  it("finds a record by its identifier through the reader's search", async () => {
    const hits = await searchEntities(scopeFor(ANONYMOUS), 'RUVTE-1234', { limit: 10, offset: 0 });
    expect(hits.items[0]).toMatchObject({ id: 'p-erlan', name: 'Erlan Qasymov' });
  });
});
