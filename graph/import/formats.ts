import { readFileSync } from 'node:fs';
import { parseGedcom } from './gedcom/read.js';
import { parseJsonDataset } from './json/read.js';
import type { ImportFormat, ParsedFile } from './types.js';

export const IMPORT_FORMATS = ['json', 'gedcom', 'csv', 'ftm', 'geojson'] as const satisfies readonly ImportFormat[];

export interface ParseOptions {
  format?: ImportFormat;
  /** Path of a CSV or GeoJSON mapping file (graph/import/README.md). */
  mapping?: string;
}

/**
 * The format a file name implies: .ged -> gedcom, .csv -> csv, .jsonl/.ftm.json -> ftm,
 * .geojson/.geo.json -> geojson, .json -> json.
 */
export function formatOf(file: string): ImportFormat | undefined {
  const name = file.toLowerCase();
  if (name.endsWith('.ged') || name.endsWith('.gedcom')) return 'gedcom';
  if (name.endsWith('.csv') || name.endsWith('.tsv')) return 'csv';
  if (name.endsWith('.jsonl') || name.endsWith('.ndjson') || name.endsWith('.ftm.json') || name.endsWith('.ijson'))
    return 'ftm';
  if (name.endsWith('.geojson') || name.endsWith('.geo.json')) return 'geojson';
  if (name.endsWith('.json')) return 'json';
  return undefined;
}

export async function parseFile(file: string, options: ParseOptions = {}): Promise<ParsedFile> {
  const format = options.format ?? formatOf(file);
  const bytes = readFileSync(file);
  switch (format) {
    case 'gedcom':
      return parseGedcom(bytes, file);
    case 'json':
      return parseJsonDataset(bytes, file);
    case 'csv': {
      const { parseCsvWithMapping, readMapping } = await import('./csv/read.js');
      if (!options.mapping) throw new Error(`${file}: a CSV import needs --mapping FILE (see graph/import/README.md)`);
      return parseCsvWithMapping(bytes, file, readMapping(options.mapping));
    }
    case 'geojson': {
      const { parseGeoJson } = await import('./geojson/read.js');
      const { readMapping } = await import('./mapping.js');
      return parseGeoJson(bytes, file, options.mapping ? readMapping(options.mapping) : undefined);
    }
    case 'ftm': {
      const { parseFtm } = await import('./ftm/read.js');
      return parseFtm(bytes, file);
    }
    default:
      throw new Error(`${file}: cannot tell the format from the name; pass --format ${IMPORT_FORMATS.join('|')}`);
  }
}
