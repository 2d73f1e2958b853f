import type { Claim, Name } from '../../../graph/schema/index.js';
import type { FormField } from './form-fields.js';

/** What an edit form read from the record, and what its fields hold now. */
export interface EditedValues {
  fields: readonly FormField[];
  /** The record's values when the form opened (the entity view's fields). */
  before: Readonly<Record<string, unknown>>;
  /** Each field's text as typed; an emptied optional field removes the value. */
  typed: Readonly<Record<string, string>>;
  names?: readonly Name[];
  primaryName: string;
  claim: Claim;
  reason: string;
}

/** A PATCH body: the changed fields, each new value stated with the form's claim, and why. */
export interface EntityPatch {
  body: Record<string, unknown> & { reason: string };
  changed: string[];
}

const typedValue = (field: FormField, text: string): string | number | null => {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  return field.input === 'number' ? Number(trimmed) : trimmed;
};

/**
 * The body of PATCH /api/entities/:id for what the form changed. Every new value is a statement
 * citing the form's claim (issue 14: every change cited); a removed value needs only the reason.
 */
export function entityPatch(values: EditedValues): EntityPatch {
  const body: Record<string, unknown> & { reason: string } = { reason: values.reason.trim() };
  const statements: { field: string; value: unknown; claims: Claim[] }[] = [];
  const changed: string[] = [];
  for (const field of values.fields) {
    const next = typedValue(field, values.typed[field.key] ?? '');
    const previous = values.before[field.key] ?? null;
    if (next === previous) continue;
    changed.push(field.key);
    body[field.key] = next;
    if (next !== null) statements.push({ field: field.key, value: next, claims: [values.claim] });
  }
  const primary = values.primaryName.trim();
  const oldPrimary = values.names?.find((n) => n.kind === 'primary') ?? values.names?.[0];
  if (primary && primary !== oldPrimary?.value) {
    // A new spelling: its script and language are the writer's to give again, not the old name's.
    const name: Name = { value: primary, kind: 'primary' };
    body.names = [name, ...(values.names ?? []).filter((n) => n !== oldPrimary)];
    statements.push({ field: 'names', value: name, claims: [values.claim] });
    changed.push('names');
  }
  if (statements.length) body.statements = statements;
  return { body, changed };
}
