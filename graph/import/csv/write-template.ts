import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { VOCABULARY } from '../../vocabulary/index.js';
import { csvTemplateFor, templateFiles } from './template-sheets.js';

/** Rewrites graph/import/template from the vocabulary: `npx tsx graph/import/write-template.ts`. */
const dir = fileURLToPath(new URL('../template/', import.meta.url));
for (const sheet of csvTemplateFor(VOCABULARY))
  for (const { name, text } of templateFiles(sheet)) writeFileSync(`${dir}${name}`, text);
