import { ANONYMOUS, isAdmin, type Reader } from '../access/roles.js';
import { applyStoredGuards } from '../safety/stored-guards.js';
import type { Dataset } from '../schema/index.js';
import { isProtected, disclosureOf } from '../safety/disclosure.js';
import { readsByName, redactForReader } from '../safety/redact-dataset.js';
import type { GraphExport } from '../store/export.js';
import { ENTITY } from '../vocabulary/entity-types.js';
import { toBibtex, toCslJson } from './citations.js';
import { toCsvFiles } from './csv.js';
import { toFtmLines } from './ftm.js';
import { toGeoJson } from './geojson.js';
import { toGedcom } from './gedcom.js';
import { toGexf } from './gexf.js';
import { toGraphml } from './graphml.js';

export const EXPORT_FORMATS = ['json', 'graphml', 'gexf', 'csv', 'ftm', 'gedcom', 'csl', 'bibtex', 'geojson'] as const;
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
  geojson: 'geojson',
};

export interface ExportOptions {
  /** Who reads the export: the people they may not read by name are withheld. Default: an anonymous viewer. */
  reader?: Reader;
  /** Everyone by name, whatever the reader's clearance: only for an admin (the CLI checks and audits it). */
  includeProtected?: boolean;
}

/** What an export gave its reader, for the audit log: counts only, never a name. */
export interface ExportScope {
  /** Protected people named in it (the reader's clearance allows them, or includeProtected). */
  protectedByName: number;
  /** Protected people shown only by pseudonym. */
  withheld: number;
  withProtected: boolean;
}

export function exportScope(dataset: Dataset, options: ExportOptions = {}): ExportScope {
  const reader = options.reader ?? ANONYMOUS;
  let protectedByName = 0;
  let withheld = 0;
  for (const e of dataset.entities) {
    if (e.type !== ENTITY.Person || !isProtected(disclosureOf(e))) continue;
    if (options.includeProtected || readsByName(reader, e)) protectedByName++;
    else withheld++;
  }
  return { protectedByName, withheld, withProtected: protectedByName > 0 };
}

/**
 * A dataset in one export format: one file, or one per type (CSV). The people the reader may not
 * read by name are withheld (graph/safety/redact-dataset.ts) unless `includeProtected`, which
 * only an admin may ask for.
 */
/** A record already shown by its public id (stored-guards.ts) is known by it to the redaction too. */
function withGuardedIds(input: GraphExport): GraphExport {
  const publicIds = new Map(input.publicIds);
  for (const publicId of input.publicIds.values()) publicIds.set(publicId, publicId);
  return { ...input, publicIds };
}

export function renderExport(
  format: ExportFormat,
  input: GraphExport,
  options: ExportOptions = {},
): Map<string, string> {
  const reader = options.reader ?? ANONYMOUS;
  if (options.includeProtected && !isAdmin(reader))
    throw new Error('an export with every protected person by name is for an admin only');
  const { dataset: data, withheld } = options.includeProtected
    ? { dataset: input.dataset, withheld: new Set<string>() }
    : redactForReader(applyStoredGuards(input.dataset, reader.clearance, input), reader, withGuardedIds(input));
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
      return one(toGedcom(data, { withheld }));
    case 'csl':
      return one(toCslJson(data));
    case 'bibtex':
      return one(toBibtex(data));
    case 'geojson':
      return one(toGeoJson(data));
  }
}
