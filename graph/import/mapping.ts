import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { EntityTypeName, NameKind } from '../schema/index.js';
import { formatPath, type Problem } from '../store/validate.js';

/**
 * The declarative CSV mapping (documented in graph/import/README.md). Templates are strings with
 * `{name}` placeholders: a column of the file, a derived value, or `row`, `line`, `rowText`.
 * `{name?}` may be empty; a template whose required placeholder is empty yields nothing, and
 * whatever needed it (a name, a field, an entity, a relationship) is left out for that row.
 */
const Template = z.string().min(1);

const DateRules = z
  .object({
    months: z.record(z.string(), z.number().int().min(1).max(12)).default({}),
    rules: z.array(z.object({ match: z.string(), edtf: Template }).strict()).min(1),
  })
  .strict();

export const ValueSpec = z
  .object({
    column: z.string().optional(),
    template: Template.optional().describe('with `column` and `pattern`: $1, $<name> are the groups'),
    pattern: z.string().optional().describe('a regex the text must match, else the value is empty'),
    replace: z.array(z.tuple([z.string(), z.string()])).optional(),
    empty: z.array(z.string()).optional().describe('texts that mean "no value" (compared case-insensitively)'),
    map: z
      .array(z.tuple([z.string(), z.string()]))
      .optional()
      .describe('[regex, value] pairs, first match wins'),
    date: z.string().optional().describe('name of a rule set in `dates`: turns the text into EDTF'),
    required: z.boolean().optional(),
  })
  .strict();

const FieldValue = z.union([
  Template,
  z.array(Template),
  z.number(),
  z.boolean(),
  z
    .object({
      template: Template,
      type: z.enum(['string', 'number', 'boolean', 'list', 'identifiers']),
      split: z.string().optional(),
    })
    .strict(),
]);

const NameSpec = z
  .object({
    value: Template,
    kind: NameKind.optional(),
    split: z.string().optional().describe('a regex: the first part keeps `kind`, the others are aliases'),
    lang: z.string().optional(),
    script: z.string().optional(),
  })
  .strict();

const EntitySpec = z
  .object({
    type: EntityTypeName,
    id: Template,
    when: Template.optional().describe('the record is made only for rows where this template is not empty'),
    names: z.array(NameSpec).min(1),
    fields: z.record(z.string(), FieldValue).default({}),
    cite: z
      .array(z.string())
      .optional()
      .describe("fields the row's claim gives: each value becomes a statement citing it (graph/import/README.md)"),
  })
  .strict();

const ClaimSpec = z
  .object({
    source: Template,
    locator: Template,
    excerpt: Template,
    confidence: Template.optional(),
    translation: Template.optional(),
    note: Template.optional(),
    date: Template.optional(),
  })
  .strict();

const RelationshipSpec = z
  .object({
    type: Template.describe('a relationship type, or a template naming a column that holds one'),
    id: Template,
    when: Template.optional(),
    from: Template,
    to: Template,
    role: Template.optional(),
    relation: Template.optional(),
    date: Template.optional(),
    claim: ClaimSpec.optional().describe('defaults to the mapping-wide `claim`'),
  })
  .strict();

const AdditionSpec = z
  .object({
    person: Template,
    names: z.array(NameSpec).default([]),
    identityNumbers: z.array(Template).default([]),
    missing: z.enum(['reject', 'warn']).default('reject'),
  })
  .strict();

export const Mapping = z
  .object({
    kinlineMapping: z.literal(1),
    description: z.string().optional(),
    encoding: z.enum(['utf-8', 'latin1', 'auto']).default('auto'),
    delimiter: z.string().length(1).default(','),
    /** Columns the file has and the mapping deliberately leaves out; any other unused column is an error. */
    ignore: z.array(z.string()).default([]),
    values: z.record(z.string(), ValueSpec).default({}),
    dates: z.record(z.string(), DateRules).default({}),
    /** Whole records written once per import (typically the Source every row cites). */
    constants: z.array(z.record(z.string(), z.unknown())).default([]),
    claim: ClaimSpec.optional(),
    entities: z.array(EntitySpec).default([]),
    relationships: z.array(RelationshipSpec).default([]),
    /** Names / identity numbers added to people of another file or of the graph (e.g. aliases). */
    addToPeople: z.array(AdditionSpec).default([]),
  })
  .strict();
export type Mapping = z.infer<typeof Mapping>;

export class MappingError extends Error {
  constructor(readonly problems: Problem[]) {
    super(problems.map((p) => `${p.file}: ${p.path}: ${p.message}`).join('\n'));
  }
}

export interface LoadedMapping {
  file: string;
  mapping: Mapping;
}

export function readMapping(file: string): LoadedMapping {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new MappingError([{ file, path: '', message: `cannot read the mapping: ${(error as Error).message}` }]);
  }
  const parsed = Mapping.safeParse(json);
  if (!parsed.success) {
    throw new MappingError(
      parsed.error.issues.map((issue) => ({
        file,
        path: formatPath(issue.path),
        message: issue.code === 'unrecognized_keys' ? `unknown key(s): ${issue.keys.join(', ')}` : issue.message,
      })),
    );
  }
  return { file, mapping: parsed.data };
}

/** Placeholders of a template: `{name}`, `{name?}`, `{name|slug}`. */
export const PLACEHOLDER = /\{([A-Za-z_][\w]*)(\?)?(?:\|(\w+))?\}/g;

export function placeholders(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1]!);
}

/** Every template string in the mapping, with its JSON path (to check the columns it names). */
export function templatesOf(mapping: Mapping): { path: string; template: string }[] {
  const out: { path: string; template: string }[] = [];
  const walk = (value: unknown, path: (string | number)[]) => {
    if (typeof value === 'string') {
      if (value.includes('{')) out.push({ path: formatPath(path), template: value });
      return;
    }
    if (Array.isArray(value))
      value.forEach((v, i) => {
        walk(v, [...path, i]);
      });
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, [...path, k]);
  };
  walk(
    {
      claim: mapping.claim,
      entities: mapping.entities,
      relationships: mapping.relationships,
      addToPeople: mapping.addToPeople,
    },
    [],
  );
  for (const [name, spec] of Object.entries(mapping.values))
    if (spec.template && !spec.column) out.push({ path: `values.${name}.template`, template: spec.template });
  return out;
}
