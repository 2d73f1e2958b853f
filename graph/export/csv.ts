import { CLAIM_COLUMNS, columnOf, csvTemplateFor, type TemplateSheet } from '../import/csv/template-sheets.js';
import type { Dataset, Entity, Relationship } from '../schema/index.js';
import { VOCABULARY } from '../vocabulary/index.js';
import { neutraliseFormula } from '../import/csv/formulas.js';
import { ENTITY } from '../vocabulary/entity-types.js';

const SHEETS = csvTemplateFor(VOCABULARY);
/**
 * Attribute statements, one row per claim: `value` as written (a name or an identifier as JSON).
 * For reading, not re-import: the template's sheets carry each record's own (preferred) values.
 */
const STATEMENTS_SHEET = 'statements';
const stemOf = (sheet: TemplateSheet) => sheet.file.replace(/\.csv$/, '');

/**
 * CSV per type, in the columns of the spreadsheet template (graph/import/template, generated from
 * the vocabulary): an export re-imports with the template's mappings. Relationships and events
 * have one row per claim. Lists are joined with "; ". Name scripts and languages are not kept
 * (JSON is the lossless form).
 */
export const CSV_COLUMNS: Readonly<Record<string, readonly string[]>> = Object.fromEntries([
  ...SHEETS.map((sheet) => [stemOf(sheet), sheet.columns]),
  [STATEMENTS_SHEET, ['entity', 'field', 'value', 'rank', ...CLAIM_COLUMNS]],
]);
export type CsvSheet = string;

const SHEET_OF = Object.fromEntries(
  SHEETS.flatMap((sheet) => (sheet.type ? [[sheet.type, stemOf(sheet)]] : [])),
) as Record<Entity['type'], CsvSheet>;

export function csvCell(value: unknown): string {
  if (value === undefined || value === null) return '';
  const text = neutraliseFormula(Array.isArray(value) ? value.join('; ') : String(value));
  return /[",\r\n]/.test(text) || /^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

type Row = Record<string, unknown>;
const claimCells = (c: Relationship['claims'][number]): Row => ({
  source: c.source,
  locator: c.locator,
  excerpt: c.excerpt,
  translation: c.translation,
  confidence: c.confidence,
  claim_date: c.date,
  note: c.note,
});

function entityRows(entity: Entity): Row[] {
  const e = entity as Record<string, unknown>;
  const primary = entity.names.find((n) => n.kind === 'primary') ?? entity.names[0]!;
  const base: Row = {
    ...Object.fromEntries(Object.entries(e).map(([field, value]) => [columnOf(field), value])),
    name: primary.value,
    title: primary.value,
    aliases: entity.names.filter((n) => n !== primary).map((n) => n.value),
    identifiers: (entity.identifiers ?? []).map((i) => `${i.scheme}:${i.value}`),
  };
  if (entity.type !== ENTITY.Event) return [base];
  return entity.claims.map((c, i) =>
    i === 0
      ? { ...base, ...claimCells(c) }
      : { id: entity.id, kind: entity.kind, name: primary.value, ...claimCells(c) },
  );
}

/** One CSV text per sheet that has rows (plus relationships.csv), keyed by file name. */
export function toCsvFiles(dataset: Dataset): Map<string, string> {
  const rows = new Map<CsvSheet, Row[]>();
  const push = (sheet: CsvSheet, row: Row) => rows.set(sheet, [...(rows.get(sheet) ?? []), row]);
  for (const entity of dataset.entities) for (const row of entityRows(entity)) push(SHEET_OF[entity.type], row);
  for (const rel of dataset.relationships) {
    for (const claim of rel.claims) push('relationships', { ...rel, ...claimCells(claim) });
  }
  for (const entity of dataset.entities)
    for (const st of entity.statements ?? [])
      for (const claim of st.claims)
        push(STATEMENTS_SHEET, {
          entity: entity.id,
          field: st.field,
          value: typeof st.value === 'object' ? JSON.stringify(st.value) : st.value,
          rank: st.rank ?? 'normal',
          ...claimCells(claim),
        });
  const files = new Map<string, string>();
  for (const [sheet, columns] of Object.entries(CSV_COLUMNS) as [CsvSheet, readonly string[]][]) {
    const list = rows.get(sheet);
    if (!list) continue;
    files.set(
      `${sheet}.csv`,
      `${[columns.join(','), ...list.map((row) => columns.map((c) => csvCell(row[c])).join(','))].join('\r\n')}\r\n`,
    );
  }
  return files;
}
