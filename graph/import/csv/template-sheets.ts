import { z } from 'zod';
import { type CsvSheetSpec, DEPRECATED_FIELDS, type Vocabulary } from '../../vocabulary/index.js';

/**
 * The spreadsheet template (graph/import/template): one sheet per entity type plus
 * relationships.csv, each a header row and its mapping, derived from the vocabulary. The CSV
 * export writes the same columns; test/vocabulary.template-matches.test.ts checks the committed
 * files equal what this generates, and `npx tsx graph/import/write-template.ts` rewrites them.
 */
export interface TemplateSheet {
  /** `people.csv`: the type's plural, lower-cased. */
  file: string;
  /** The entity type; none for relationships.csv. */
  type?: string;
  columns: string[];
  mapping: Record<string, unknown>;
}

/** The citation columns of every sheet whose rows are claims (events, relationships). */
export const CLAIM_COLUMNS = ['source', 'locator', 'excerpt', 'translation', 'confidence', 'claim_date', 'note'];
const CLAIM_MAPPING = {
  source: '{source}',
  locator: '{locator}',
  excerpt: '{excerpt}',
  translation: '{translation}',
  confidence: '{confidence}',
  date: '{claim_date}',
  note: '{note}',
};
const RELATIONSHIP_COLUMNS = ['id', 'type', 'from', 'to', 'role', 'relation', 'date'];
/** The separator of list cells (aliases, citizenships...): `;`, spaces around it allowed for names. */
const LIST_SPLIT = ';';
const NAME_SPLIT = '\\s*;\\s*';

/** Every sheet's identifiers, as `scheme:value` separated by `;` ("ruvte:RUVTE-1234; aspi:ASPI-88"). */
export const IDENTIFIERS_COLUMN = 'identifiers';

/** `birthDate` -> `birth_date`. */
export const columnOf = (field: string) => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

const unwrap = (schema: z.ZodType): z.ZodType =>
  schema instanceof z.ZodOptional ? unwrap(schema.unwrap() as z.ZodType) : schema;

/** A shape no cell holds (a GeoJSON footprint): left to the JSON and GeoJSON forms. */
const isTabular = (schema: z.ZodType) => {
  const inner = unwrap(schema);
  return !(inner instanceof z.ZodObject || inner instanceof z.ZodDiscriminatedUnion);
};

/** A field's cell: text as is; numbers, booleans and lists typed. */
function fieldMapping(field: string, schema: z.ZodType): unknown {
  const template = `{${columnOf(field)}}`;
  const inner = unwrap(schema);
  if (inner instanceof z.ZodNumber) return { template, type: 'number' };
  if (inner instanceof z.ZodBoolean) return { template, type: 'boolean' };
  if (inner instanceof z.ZodArray) return { template, type: 'list', split: LIST_SPLIT };
  return template;
}

const describe = (file: string, note?: string) => `Template sheet ${file}${note ? `: ${note}` : '.'}`;

function entitySheet(type: string, plural: string, fields: z.ZodRawShape, csv: CsvSheetSpec): TemplateSheet {
  const file = `${plural.toLowerCase()}.csv`;
  const nameColumn = csv.nameColumn ?? 'name';
  const hasClaims = 'claims' in fields;
  const own = Object.entries(fields).filter(
    ([field, schema]) =>
      field !== 'kind' && field !== 'claims' && !DEPRECATED_FIELDS.has(field) && isTabular(schema as z.ZodType),
  );
  const shortcuts = csv.shortcuts ?? [];
  const columns = [
    'id',
    ...('kind' in fields ? ['kind'] : []),
    nameColumn,
    ...(csv.aliases === false ? [] : ['aliases']),
    ...own.map(([field]) => columnOf(field)),
    ...shortcuts.map((s) => s.column),
    IDENTIFIERS_COLUMN,
    'description',
    ...(hasClaims ? CLAIM_COLUMNS : []),
  ];
  const names = [
    { value: `{${nameColumn}}`, kind: 'primary' },
    ...(csv.aliases === false ? [] : [{ value: '{aliases}', kind: 'alias', split: NAME_SPLIT }]),
  ];
  const fieldTemplates = Object.fromEntries([
    ...('kind' in fields ? [['kind', '{kind}']] : []),
    ...own.map(([field, schema]) => [field, fieldMapping(field, schema as z.ZodType)]),
    ['identifiers', { template: `{${IDENTIFIERS_COLUMN}}`, type: 'identifiers', split: LIST_SPLIT }],
    ['description', '{description}'],
  ]);
  const relationships = shortcuts.map((s) => ({
    type: s.relationship,
    id: `{id}--${s.idPart}--{${s.column}}`,
    from: s.direction === 'in' ? `{${s.column}}` : '{id}',
    to: s.direction === 'in' ? '{id}' : `{${s.column}}`,
    ...(s.role ? { role: s.role } : {}),
  }));
  const mapping = {
    kinlineMapping: 1,
    description: describe(file, csv.note),
    encoding: 'auto',
    ...(hasClaims ? { claim: CLAIM_MAPPING } : {}),
    entities: [{ type, id: '{id}', names, fields: fieldTemplates }],
    ...(relationships.length ? { relationships } : {}),
  };
  return { file, type, columns, mapping };
}

function relationshipSheet(types: readonly string[]): TemplateSheet {
  const file = 'relationships.csv';
  const note = `one row per claim (repeat the id to cite a second source). type: ${types.join(', ')}.`;
  return {
    file,
    columns: [...RELATIONSHIP_COLUMNS, ...CLAIM_COLUMNS],
    mapping: {
      kinlineMapping: 1,
      description: describe(file, note),
      encoding: 'auto',
      claim: CLAIM_MAPPING,
      relationships: [
        {
          type: '{type}',
          ...Object.fromEntries(RELATIONSHIP_COLUMNS.filter((c) => c !== 'type').map((c) => [c, `{${c}}`])),
        },
      ],
    },
  };
}

/** Every sheet of a vocabulary's template: one per entity type, in its order, then relationships. */
export function csvTemplateFor(vocabulary: Vocabulary): TemplateSheet[] {
  return [
    ...Object.entries(vocabulary.entities).map(([type, spec]) => entitySheet(type, spec.plural, spec.fields, spec.csv)),
    relationshipSheet(Object.keys(vocabulary.relationships)),
  ];
}

/** A sheet as files: the header-only CSV (CRLF, as the CSV export writes) and its mapping. */
export function templateFiles(sheet: TemplateSheet): { name: string; text: string }[] {
  const stem = sheet.file.replace(/\.csv$/, '');
  return [
    { name: sheet.file, text: `${sheet.columns.join(',')}\r\n` },
    { name: `${stem}.mapping.json`, text: `${JSON.stringify(sheet.mapping, null, 2)}\n` },
  ];
}
