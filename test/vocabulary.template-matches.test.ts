import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { csvTemplateFor, templateFiles } from '../graph/import/csv/template-sheets.js';
import { VOCABULARY } from '../graph/vocabulary/index.js';

const DIR = new URL('../graph/import/template/', import.meta.url);

describe('the spreadsheet template', () => {
  const generated = csvTemplateFor(VOCABULARY).flatMap(templateFiles);

  it('is exactly what the vocabulary generates (npx tsx graph/import/csv/write-template.ts rewrites it)', () => {
    for (const { name, text } of generated) expect(readFileSync(new URL(name, DIR), 'utf8'), name).toBe(text);
    expect(readdirSync(DIR).sort()).toEqual(generated.map((f) => f.name).sort());
  });
});
