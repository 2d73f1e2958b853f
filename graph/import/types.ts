import type { DatasetInput } from '../schema/index.js';
import type { Problem } from '../store/validate.js';

export type { Problem };

/** Where a record came from, so a validation problem can point at the file, line and column. */
export interface Position {
  file: string;
  line: number;
  column?: number;
  /**
   * For files without lines that matter (GeoJSON): the path of the record in the file,
   * `features[3]`; a problem then names it and the property (`features[3].properties.name`).
   */
  where?: string;
  /**
   * Top-level field of the record -> column (CSV) or line (GEDCOM, JSON lines) it came from, and,
   * for a date a CSV date rule rewrote, `asWritten`: the cell text as the source wrote it.
   */
  fields?: Record<string, { line?: number; column?: number; name?: string; asWritten?: string }>;
}

/** Names to add to a Person that another file (or the graph) holds: RUVTE aliases, FtM passports. */
export interface PersonAddition {
  person: string;
  names?: { value: string; kind: 'alias' | 'birth' | 'married' | 'transliteration' | 'primary' | 'pseudonym' }[];
  identityNumbers?: string[];
  /** What to do when no import file and no node in the graph has this person. */
  missing: 'reject' | 'warn';
  position: Position;
}

export type ImportFormat = 'json' | 'gedcom' | 'csv' | 'ftm' | 'geojson';

/**
 * One file turned into the Dataset file form. `positions` is keyed by `entities[i]` /
 * `relationships[j]`, the paths the validator reports.
 */
export interface ParsedFile {
  file: string;
  format: ImportFormat;
  dataset: DatasetInput;
  positions: Map<string, Position>;
  /** Records the parser itself could not turn into data: the file is rejected. */
  problems: Problem[];
  /** Things the curator should know that do not stop the import. */
  warnings: Problem[];
  additions: PersonAddition[];
  /** Input records read (lines, rows, GEDCOM records): for throughput figures. */
  records: number;
}

export function emptyParsed(file: string, format: ImportFormat): ParsedFile {
  return {
    file,
    format,
    dataset: { kinline: 1, entities: [], relationships: [] },
    positions: new Map(),
    problems: [],
    warnings: [],
    additions: [],
    records: 0,
  };
}

export function recordPosition(parsed: ParsedFile, kind: 'entities' | 'relationships', position: Position): void {
  const index = kind === 'entities' ? parsed.dataset.entities.length - 1 : parsed.dataset.relationships.length - 1;
  parsed.positions.set(`${kind}[${index}]`, position);
}
