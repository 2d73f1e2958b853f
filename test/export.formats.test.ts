import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { exportDataset, exportGraph } from '../graph/store/export.js';
import { validateAndLoad } from '../graph/store/check.js';
import { EXPORT_FORMATS, renderExport } from '../graph/export/index.js';
import { parseFile } from '../graph/import/formats.js';
import { importParsed } from '../graph/import/run.js';
import type { Dataset, DatasetInput } from '../graph/schema/index.js';
import { freshGraph } from './support/graph.js';

/** An admin's export with every protected person by name: what a lossless round trip needs. */
const ALL = { reader: { username: 'admin', role: 'admin', clearance: 'none' }, includeProtected: true } as const;

const tmp = mkdtempSync(join(tmpdir(), 'kinline-export-'));
const cite = (excerpt: string, locator = 'para 1') => [
  { source: 'src-report', locator, excerpt, confidence: 'confirmed' as const },
];

const CASE: DatasetInput = {
  kinline: 1,
  entities: [
    {
      type: 'Source',
      id: 'src-report',
      kind: 'report',
      names: [{ value: 'Report on detentions & families', kind: 'primary' }],
      authors: ['Ana Pérez', 'Li Wei'],
      publisher: 'Rights Watch',
      date: '2019-04~',
      url: 'https://example.org/report',
      language: 'en',
    },
    {
      type: 'Person',
      id: 'p-berik-sultanov',
      names: [
        { value: 'Berik Sultanov', kind: 'primary' },
        { value: 'Берик Султанов', kind: 'transliteration', script: 'Cyrl' },
      ],
      gender: 'male',
      birthDate: '1975~',
      citizenships: ['KZ'],
      identifiers: [{ scheme: 'ruvte', value: 'RUVTE-1234' }],
      // Two sources, two birth years: both kept, the record's own is the preferred one.
      statements: [
        {
          field: 'birthDate',
          value: '1975~',
          rank: 'preferred',
          claims: cite('Berik Sultanov (b. about 1975)', 'p. 2'),
        },
        { field: 'birthDate', value: '1976', claims: cite('Sultanov Berik, born 1976', 'row 88') },
        { field: 'occupation', value: 'driver', claims: cite('He worked as a driver.', 'p. 3') },
      ],
    },
    {
      type: 'Person',
      id: 'p-aigerim-sultanova',
      names: [{ value: 'Aigerim Sultanova', kind: 'primary' }],
      gender: 'female',
      birthDate: '2012-03-04',
      minor: true,
      identityNumbers: ['KZ-998877'],
      identifiers: [{ scheme: 'ruvte', value: 'RUVTE-7788' }],
      statements: [
        { field: 'birthDate', value: '2012-03-05', claims: cite('Date of birth 05.03.2012', 'row 12') },
        { field: 'identityNumbers', value: 'KZ-112233', claims: cite('ID number KZ-112233', 'row 12') },
      ],
    },
    {
      type: 'Person',
      id: 'p-gulnar',
      names: [{ value: 'Gulnar Sultanova', kind: 'primary' }],
      disclosure: 'confidential',
      pseudonym: 'Witness G',
    },
    { type: 'Family', id: 'fam-sultanov', names: [{ value: 'Sultanov household', kind: 'primary' }] },
    {
      type: 'Organisation',
      id: 'org-police',
      kind: 'security-force',
      names: [{ value: 'County police', kind: 'primary' }],
    },
    {
      type: 'Facility',
      id: 'fac-camp-1',
      kind: 'camp',
      names: [{ value: 'Camp No. 1', kind: 'primary' }],
      latitude: 43.8,
      longitude: 87.6,
      securityTier: 3,
      externalIds: ['ASPI 123'],
    },
    {
      type: 'Place',
      id: 'pl-khorgos',
      kind: 'border-crossing',
      names: [{ value: 'Khorgos', kind: 'primary' }],
      country: 'KZ',
    },
    {
      type: 'Event',
      id: 'ev-detention',
      kind: 'detention',
      names: [{ value: 'Detention of Berik Sultanov', kind: 'primary' }],
      date: '2017-10/..',
      claims: cite('Berik Sultanov was taken away in October 2017; his daughter Aigerim Sultanova stayed behind.'),
    },
    {
      type: 'Event',
      id: 'ev-birth-aigerim',
      kind: 'birth',
      names: [{ value: 'Birth of Aigerim Sultanova', kind: 'primary' }],
      date: '2012-03-04',
      claims: cite('Aigerim was born on 4 March 2012.'),
    },
  ],
  relationships: [
    {
      id: 'r-parent',
      type: 'PARENT_OF',
      from: 'p-berik-sultanov',
      to: 'p-aigerim-sultanova',
      role: 'biological',
      claims: cite('Berik Sultanov is the father of Aigerim Sultanova.', 'p. 4'),
    },
    {
      id: 'r-sibling',
      type: 'SIBLING_OF',
      from: 'p-gulnar',
      to: 'p-berik-sultanov',
      claims: cite('GULNAR  SULTANOVA, his sister, testified.'),
    },
    {
      id: 'r-member-b',
      type: 'MEMBER_OF',
      from: 'p-berik-sultanov',
      to: 'fam-sultanov',
      role: 'parent',
      claims: cite('household'),
    },
    {
      id: 'r-member-a',
      type: 'MEMBER_OF',
      from: 'p-aigerim-sultanova',
      to: 'fam-sultanov',
      role: 'child',
      claims: cite('household'),
    },
    {
      id: 'r-in-detention',
      type: 'PARTICIPATED_IN',
      from: 'p-berik-sultanov',
      to: 'ev-detention',
      role: 'subject',
      claims: cite('taken away'),
    },
    {
      id: 'r-police',
      type: 'PARTICIPATED_IN',
      from: 'org-police',
      to: 'ev-detention',
      role: 'perpetrator',
      claims: cite('police'),
    },
    { id: 'r-at', type: 'OCCURRED_AT', from: 'ev-detention', to: 'fac-camp-1', claims: cite('camp') },
    {
      id: 'r-born',
      type: 'PARTICIPATED_IN',
      from: 'p-aigerim-sultanova',
      to: 'ev-birth-aigerim',
      role: 'subject',
      claims: cite('born'),
    },
    { id: 'r-camp-in', type: 'LOCATED_IN', from: 'fac-camp-1', to: 'pl-khorgos', claims: cite('near Khorgos') },
  ],
};

/** The graph without provenance: what an export that cannot carry claims must give back. */
function shape(data: Dataset, dropSources: (id: string) => boolean) {
  return {
    entities: data.entities
      .filter((e) => !(e.type === 'Source' && dropSources(e.id)))
      .map((e) => (e.type === 'Event' ? { ...e, claims: [] } : e))
      .sort((a, b) => a.id.localeCompare(b.id)),
    relationships: data.relationships.map((r) => ({ ...r, claims: [] })).sort((a, b) => a.id.localeCompare(b.id)),
  };
}

async function importFiles(files: string[], options: { mapping?: string; dir?: string } = {}) {
  const parsed = await Promise.all(
    files.map((file) =>
      parseFile(file, {
        mapping: options.dir
          ? join(options.dir, file.split('/').pop()!.replace('.csv', '.mapping.json'))
          : options.mapping,
      }),
    ),
  );
  return importParsed(parsed);
}

beforeAll(async () => {
  await freshGraph();
  await validateAndLoad(CASE);
});

it('no format leaks a protected person, unless protected people are included', async () => {
  const data = await exportGraph();
  const secrets = [
    'Aigerim',
    'p-aigerim-sultanova',
    'KZ-998877',
    '2012-03-04',
    '4 MAR 2012',
    'Gulnar',
    'GULNAR',
    'p-gulnar',
    'RUVTE-7788',
    '2012-03-05',
    '05.03.2012',
    'KZ-112233',
  ];
  for (const format of EXPORT_FORMATS) {
    const text = [...renderExport(format, data).values()].join('\n');
    for (const secret of secrets) expect(text, `${format} leaks ${secret}`).not.toContain(secret);
    // Citations hold sources only; GeoJSON only located records (facilities, places).
    if (format !== 'csl' && format !== 'bibtex' && format !== 'geojson') {
      expect(text, format).toContain(data.publicIds.get('p-aigerim-sultanova'));
      expect(text, format).toContain('Witness G');
      expect(text, format).toContain('Berik Sultanov');
    }
  }
  const full = [...renderExport('graphml', data, ALL).values()].join('');
  expect(full).toContain('Aigerim Sultanova');
  expect(full).toContain('RUVTE-7788');
});

it("every format that can hold them carries identifiers and the other sources' values", async () => {
  const data = await exportGraph();
  const files = (format: (typeof EXPORT_FORMATS)[number]) => [...renderExport(format, data).values()].join('\n');
  // A file written before `identifiers` (a Facility's externalIds) loads them under scheme "external".
  for (const format of ['json', 'csv', 'graphml', 'gexf', 'ftm', 'gedcom'] as const)
    expect(files(format), format).toContain('RUVTE-1234');
  for (const format of ['json', 'csv', 'graphml', 'gexf', 'ftm'] as const)
    expect(files(format), format).toContain('ASPI 123');
  for (const format of ['json', 'csv', 'graphml', 'gexf'] as const)
    expect(files(format), format).toContain('Sultanov Berik, born 1976');
  expect(files('csv')).toContain('p-berik-sultanov,birthDate,1976,normal,src-report,row 88');
  expect(files('gedcom')).toContain('1 REFN RUVTE-1234\n2 TYPE ruvte');
  expect(files('gedcom')).toMatch(/1 BIRT\n2 DATE 1976/);
});

it('attribute statements and identifiers survive a JSON export and import exactly', async () => {
  const berik = (await exportDataset()).entities.find((e) => e.id === 'p-berik-sultanov')!;
  expect(berik.identifiers).toEqual([{ scheme: 'ruvte', value: 'RUVTE-1234' }]);
  expect(berik.statements).toEqual(CASE.entities.find((e) => e.id === 'p-berik-sultanov')!.statements);
  const camp = (await exportDataset()).entities.find((e) => e.id === 'fac-camp-1')!;
  expect(camp.identifiers).toEqual([{ scheme: 'external', value: 'ASPI 123' }]);
  expect('externalIds' in camp).toBe(false);
});

it('writes citations as CSL-JSON and BibTeX', async () => {
  const data = await exportGraph();
  const csl = JSON.parse(renderExport('csl', data).get('kinline.csl.json')!);
  expect(csl).toEqual([
    expect.objectContaining({
      id: 'src-report',
      type: 'report',
      title: 'Report on detentions & families',
      author: [{ literal: 'Ana Pérez' }, { literal: 'Li Wei' }],
      issued: { 'date-parts': [[2019, 4]], circa: true },
    }),
  ]);
  const bib = renderExport('bibtex', data).get('kinline.bib')!;
  expect(bib).toContain('@techreport{src-report,');
  expect(bib).toContain('title = {Report on detentions \\& families}');
  expect(bib).toContain('author = {{Ana Pérez} and {Li Wei}}');
});

it('writes GraphML and GEXF that name every node and edge', async () => {
  const data = await exportGraph();
  const graphml = renderExport('graphml', data, ALL).get('kinline.graphml')!;
  expect(graphml.match(/<node /g)).toHaveLength(CASE.entities.length);
  expect(graphml.match(/<edge /g)).toHaveLength(CASE.relationships.length);
  const gexf = renderExport('gexf', data, ALL).get('kinline.gexf')!;
  expect(gexf).toContain(
    '<edge id="r-sibling" source="p-gulnar" target="p-berik-sultanov" label="SIBLING_OF" type="undirected">',
  );
  expect(gexf.match(/<node /g)).toHaveLength(CASE.entities.length);
});

it('a JSON export re-imports losslessly, and twice changes nothing', async () => {
  const before = await exportDataset();
  const file = join(tmp, 'case.json');
  writeFileSync(file, renderExport('json', await exportGraph(), ALL).get('kinline.json')!);
  await freshGraph();
  expect((await importFiles([file])).problems).toEqual([]);
  expect(await exportDataset()).toEqual(before);
  const again = await importFiles([file]);
  expect(Object.values(again.summary).every((s) => s.created + s.updated === 0)).toBe(true);
});

it('an FtM export re-imports to the same graph', async () => {
  const before = await exportDataset();
  const file = join(tmp, 'case.ftm.jsonl');
  writeFileSync(file, renderExport('ftm', await exportGraph(), ALL).get('kinline.ftm.jsonl')!);
  await freshGraph();
  const report = await importFiles([file]);
  expect(report.problems).toEqual([]);
  const after = await exportDataset();
  const drop = (id: string) => id.startsWith('ftm-');
  const strip = (d: Dataset) => {
    const s = shape(d, drop);
    // FtM keeps names, not their kinds/scripts, and Sources keep only their title.
    // Claims do not travel in FtM, so neither do statements: each record keeps its own values.
    s.entities = s.entities.map(({ statements: _, ...e }) => ({ ...e, names: e.names.map((n) => n.value) })) as never;
    return s;
  };
  expect(strip(after)).toEqual(strip(before));
  await freshGraph();
  await validateAndLoad(CASE);
});

it('a CSV export re-imports with the template mappings, claims and all', async () => {
  const before = await exportDataset();
  const dir = join(tmp, 'csv');
  mkdirSync(dir);
  const files = [...renderExport('csv', await exportGraph(), ALL)].flatMap(([name, text]) => {
    writeFileSync(join(dir, name), text);
    // statements.csv is for reading: the template's sheets carry each record's own values.
    return name === 'statements.csv' ? [] : [join(dir, name)];
  });
  await freshGraph();
  const report = await importFiles(files, { dir: 'graph/import/template' });
  expect(report.problems).toEqual([]);
  const after = await exportDataset();
  const strip = (d: Dataset) => ({
    ...d,
    entities: d.entities.map(({ statements: _, ...e }) => ({ ...e, names: e.names.map((n) => n.value) })),
  });
  expect(strip(after)).toEqual(strip(before));
});

it('a GEDCOM export of kennedy.ged re-imports to the same people, families and kinship', async () => {
  await freshGraph();
  await importFiles(['../shared/data/gedcom/kennedy.ged']);
  const before = await exportDataset();
  const file = join(tmp, 'kennedy-export.ged');
  writeFileSync(file, renderExport('gedcom', await exportGraph(), ALL).get('kinline.ged')!);
  await freshGraph();
  const report = await importFiles([file]);
  expect(report.problems).toEqual([]);
  const after = await exportDataset();
  const drop = (id: string) => id.startsWith('ged-');
  expect(shape(after, drop)).toEqual(shape(before, drop));
});
