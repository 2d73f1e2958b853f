import { ENTITY_SCHEMAS, type DatasetInput, isListField, sameValue } from '../schema/index.js';
import { UNSTATED_FIELDS } from '../vocabulary/entity-fields.js';

type EntityInput = DatasetInput['entities'][number];
type StatementInput = NonNullable<EntityInput['statements']>[number];

/** Whether a version's own value of a field is given by one of its statements (a cited value). */
const cites = (statements: readonly StatementInput[], field: string, value: unknown) =>
  statements.some((s) => s.field === field && sameValue(s.value, value));

/**
 * The same record from two files or two rows, merged when every value on which they differ is
 * cited by the version that gives it (graph/import/README.md, "Two sources, two values"): the
 * first version's values stay the record's own, the second's are kept as its statements, both
 * with their claims, a preferred rank of the second lowered to normal. A list (identity numbers,
 * identifiers) takes the cited members of both. Null when some difference is not cited: the
 * caller reports that as before.
 */
export function mergeCitedVersions(first: EntityInput, second: EntityInput): EntityInput | null {
  if (first.type !== second.type || first.type === 'Event') return null;
  const shape = ENTITY_SCHEMAS[first.type].shape;
  const a = first as Record<string, unknown>;
  const b = second as Record<string, unknown>;
  const aStatements = (first.statements ?? []) as StatementInput[];
  const bStatements = (second.statements ?? []) as StatementInput[];
  const merged: Record<string, unknown> = { ...a };
  const lowered = new Set<string>();
  for (const field of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if (field === 'statements' || sameValue(a[field], b[field])) continue;
    if (UNSTATED_FIELDS.has(field)) return null;
    // A value only one version gives is merged only where that version cites it.
    if (b[field] === undefined || a[field] === undefined) {
      const [value, statements] = a[field] === undefined ? [b[field], bStatements] : [a[field], aStatements];
      const members = isListField(shape, field) ? (value as unknown[]) : [value];
      if (!members.every((v) => cites(statements, field, v))) return null;
      merged[field] = value;
      continue;
    }
    if (isListField(shape, field)) {
      const ownA = a[field] as unknown[];
      const onlyA = ownA.filter((v) => !(b[field] as unknown[]).some((w) => sameValue(v, w)));
      const onlyB = (b[field] as unknown[]).filter((v) => !ownA.some((w) => sameValue(v, w)));
      // Names too: two spellings of one record, neither cited, are a warning to read, not an alias.
      const cited = (list: unknown[], statements: StatementInput[]) => list.every((v) => cites(statements, field, v));
      if (!cited(onlyA, aStatements) || !cited(onlyB, bStatements)) return null;
      merged[field] = [...ownA, ...onlyB];
      continue;
    }
    if (!cites(aStatements, field, a[field]) || !cites(bStatements, field, b[field])) return null;
    lowered.add(field);
  }
  const statements = [...aStatements];
  for (const s of bStatements) {
    const same = statements.find((t) => t.field === s.field && sameValue(t.value, s.value));
    if (same) {
      for (const c of s.claims) if (!same.claims.some((k) => sameValue(k, c))) same.claims.push(c);
      continue;
    }
    const { rank, ...rest } = s;
    statements.push(rank === 'preferred' && lowered.has(s.field) ? rest : s);
  }
  if (statements.length) merged.statements = statements;
  return merged as EntityInput;
}
