import type { RevisionView } from '../api/types.js';

/** One field a revision changed, as text: "occupation: teacher → farmer". */
export interface FieldChange {
  field: string;
  before?: string;
  after?: string;
}

// Bookkeeping of every record: how a revision's claims changed is read in the evidence, not here.
const NOT_SHOWN = new Set(['statements', 'claims', 'id', 'type']);

const text = (value: unknown): string | undefined => {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && value.every((v) => typeof v === 'object' && v && 'value' in v))
    return value.map((v) => String((v as { value: unknown }).value)).join('; ');
  return JSON.stringify(value);
};

/** The fields a revision changed, in the record's own order, with both values as text. */
export function revisionChanges(revision: RevisionView): FieldChange[] {
  const before = (revision.before ?? {}) as Record<string, unknown>;
  const after = (revision.after ?? {}) as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => !NOT_SHOWN.has(k));
  return keys.flatMap((field) => {
    const [b, a] = [text(before[field]), text(after[field])];
    if (b === a) return [];
    return [{ field, ...(b === undefined ? {} : { before: b }), ...(a === undefined ? {} : { after: a }) }];
  });
}
