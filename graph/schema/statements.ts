import { z } from 'zod';
import { UNSTATED_FIELDS } from '../vocabulary/entity-fields.js';
import type { Identifier, Statement, StatementRank } from '../vocabulary/values.js';

/**
 * Attribute statements (graph/README.md, "Every fact cited"): an entity's `statements` give the
 * values of its own fields as each source gives them. Their rules derive from the type's fields,
 * so a field added to the vocabulary can be stated with no change here.
 */

/** The fields of a type that statements may give: its facts, not the curator's settings. */
export const statementFields = (shape: z.ZodRawShape): string[] =>
  Object.keys(shape).filter((field) => !UNSTATED_FIELDS.has(field));

/** The zod type at the bottom of optionals and defaults. */
function unwrapped(schema: z.ZodType): z.ZodType {
  let current = schema;
  while (current instanceof z.ZodOptional || current instanceof z.ZodDefault)
    current = current.unwrap() as unknown as z.ZodType;
  return current;
}

/** Whether the field holds a list, each statement then giving one member ("an identity number"). */
export const isListField = (shape: z.ZodRawShape, field: string): boolean =>
  unwrapped(shape[field] as z.ZodType) instanceof z.ZodArray;

/** What one statement's value must be: the field's type, or one member of a list field. */
export function statementValueSchema(shape: z.ZodRawShape, field: string): z.ZodType {
  const schema = unwrapped(shape[field] as z.ZodType);
  return schema instanceof z.ZodArray ? (schema.element as z.ZodType) : schema;
}

/** Values are JSON; zod gives objects their keys in the schema's order, so the texts compare. */
export const sameValue = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

const RANK_ORDER: Record<StatementRank, number> = { preferred: 0, normal: 1, deprecated: 2 };
export const rankOf = (statement: Pick<Statement, 'rank'>): StatementRank => statement.rank ?? 'normal';

/** Problems of an entity's statements, with their paths, for the schema's refinement. */
export function statementIssues(
  shape: z.ZodRawShape,
  record: Record<string, unknown>,
): { path: (string | number)[]; message: string }[] {
  // Refinements run on records with other problems too: a malformed list is already reported.
  const statements = (Array.isArray(record.statements) ? record.statements : []) as Statement[];
  const issues: { path: (string | number)[]; message: string }[] = [];
  const allowed = statementFields(shape);
  const preferred = new Map<string, unknown>();
  statements.forEach((statement, i) => {
    const at = ['statements', i];
    if (typeof statement !== 'object' || statement === null) return;
    if (!allowed.includes(statement.field)) {
      issues.push({ path: [...at, 'field'], message: `must be one of ${allowed.join(', ')}` });
      return;
    }
    const parsed = statementValueSchema(shape, statement.field).safeParse(statement.value);
    if (!parsed.success) {
      const problem = parsed.error.issues[0]?.message ?? 'invalid';
      issues.push({ path: [...at, 'value'], message: `not a value of ${statement.field}: ${problem}` });
      return;
    }
    if (rankOf(statement) !== 'preferred' || isListField(shape, statement.field)) return;
    const own = record[statement.field];
    if (own !== undefined && !sameValue(own, statement.value))
      issues.push({
        path: [...at, 'value'],
        message: `the preferred ${statement.field} is the record's own (${JSON.stringify(own)}): rank this one normal, or change the field`,
      });
    else if (preferred.has(statement.field) && !sameValue(preferred.get(statement.field), statement.value))
      issues.push({ path: [...at, 'rank'], message: `${statement.field} has two different preferred values` });
    preferred.set(statement.field, statement.value);
  });
  return issues;
}

/** The statements of a field in rank order (preferred first), keeping the file's order within a rank. */
export function ranked(statements: readonly Statement[], field: string): Statement[] {
  return statements
    .filter((s) => s.field === field)
    .map((s, i) => [s, i] as const)
    .sort(([a, i], [b, j]) => RANK_ORDER[rankOf(a)] - RANK_ORDER[rankOf(b)] || i - j)
    .map(([s]) => s);
}

/**
 * The record with its own fields filled from its statements where the file left them out: a
 * field takes its best statement (preferred, else the first normal one); a list gains the values
 * of its statements that are not deprecated. What the file gives itself is never changed.
 */
export function withStatedFields<T extends Record<string, unknown>>(shape: z.ZodRawShape, record: T): T {
  const statements = (record.statements ?? []) as Statement[];
  if (statements.length === 0) return record;
  const out: Record<string, unknown> = { ...record };
  for (const field of new Set(statements.map((s) => s.field))) {
    const live = ranked(statements, field).filter((s) => rankOf(s) !== 'deprecated');
    if (live.length === 0) continue;
    if (!isListField(shape, field)) {
      if (out[field] === undefined) out[field] = live[0]!.value;
      continue;
    }
    const list = [...((out[field] as unknown[] | undefined) ?? [])];
    for (const s of live) if (!list.some((v) => sameValue(v, s.value))) list.push(s.value);
    out[field] = list;
  }
  return out as T;
}

/** Scheme of the identifiers read from the deprecated `externalIds` (files written before `identifiers`). */
export const LEGACY_EXTERNAL_SCHEME = 'external';

/** A record of the older file form as today's: Facility `externalIds` become `identifiers`. */
export function upgradedRecord<T extends Record<string, unknown>>(record: T): T {
  const legacy = record.externalIds as string[] | undefined;
  if (!legacy) return record;
  const { externalIds: _, ...rest } = record;
  const identifiers = [...((record.identifiers as Identifier[] | undefined) ?? [])];
  for (const value of legacy)
    if (!identifiers.some((i) => i.value === value)) identifiers.push({ scheme: LEGACY_EXTERNAL_SCHEME, value });
  return { ...rest, identifiers } as unknown as T;
}

/**
 * A parsed record as it is stored: the older form upgraded, each statement's value as the field's
 * type reads it (a name's default kind filled in), and unset fields filled from the statements.
 */
export function normalisedRecord<T extends Record<string, unknown>>(shape: z.ZodRawShape, record: T): T {
  const upgraded = upgradedRecord(record);
  const statements = upgraded.statements as Statement[] | undefined;
  if (!statements) return upgraded;
  const read = statements.map((s) => ({ ...s, value: statementValueSchema(shape, s.field).parse(s.value) }));
  return withStatedFields(shape, { ...upgraded, statements: read });
}
