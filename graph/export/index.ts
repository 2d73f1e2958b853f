import type { Dataset } from '../schema/index.js';
import { redactDataset } from '../safety/redact-dataset.js';
import { toBibtex, toCslJson } from './citations.js';
import { toCsvFiles } from './csv.js';
import { toFtmLines } from './ftm.js';
import { toGedcom } from './gedcom.js';
import { toGexf } from './gexf.js';
import { toGraphml } from './graphml.js';

export const EXPORT_FORMATS = ['json', 'graphml', 'gexf', 'csv', 'ftm', 'gedcom', 'csl', 'bibtex'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const EXTENSION: Record<ExportFormat, string> = {
  json: 'json',
  graphml: 'graphml',
  gexf: 'gexf',
  csv: 'csv',
  ftm: 'ftm.jsonl',
  gedcom: 'ged',
  csl: 'csl.json',
  bibtex: 'bib',
};

export interface ExportOptions {
  /** Protected people appear as themselves: only for readers with clearance (the CLI logs it). */
  includeProtected?: boolean;
}

/**
 * A dataset in one export format: one file, or one per type (CSV). Protected people are
 * redacted (graph/safety/redact-dataset.ts) unless `includeProtected`.
 */
export function renderExport(format: ExportFormat, dataset: Dataset, options: ExportOptions = {}): Map<string, string> {
  const data = options.includeProtected ? dataset : redactDataset(dataset);
  const one = (text: string) => new Map([[`kinline.${EXTENSION[format]}`, text]]);
  switch (format) {
    case 'json':
      return one(`${JSON.stringify(data, null, 2)}\n`);
    case 'graphml':
      return one(toGraphml(data));
    case 'gexf':
      return one(toGexf(data));
    case 'csv':
      return toCsvFiles(data);
    case 'ftm':
      return one(toFtmLines(data));
    case 'gedcom':
      return one(toGedcom(data));
    case 'csl':
      return one(toCslJson(data));
    case 'bibtex':
      return one(toBibtex(data));
  }
}
