import { isDeepStrictEqual } from 'node:util';
import type { Position, Problem } from './types.js';

/** One version of a record: where it was read, and what it says. */
export interface Version {
  record: Record<string, unknown>;
  position?: Position;
}

const where = (position?: Position) => (position ? `${position.file}:${position.line}` : 'an earlier file');

/** Shown value of a field, short enough for one line of a report. */
function shown(value: unknown): string {
  if (value === undefined) return '(none)';
  const text = JSON.stringify(value);
  return text.length > 120 ? `${text.slice(0, 119)}…` : text;
}

/** The top-level fields two versions disagree on; claims are left out (they are merged, not compared). */
export function differingFields(a: Record<string, unknown>, b: Record<string, unknown>): string[] {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  keys.delete('claims');
  return [...keys].filter((key) => !isDeepStrictEqual(a[key], b[key])).sort();
}

/**
 * The same id read twice with different values, neither cited for the difference: the import
 * goes on with the first version, and the curator is shown both, each with its file and line, to
 * decide which is right (graph/import/README.md, "The same record twice").
 */
export function differingWarning(kind: 'record' | 'relationship', kept: Version, other: Version): Problem {
  const id = String(other.record.id);
  const fields = differingFields(kept.record, other.record);
  const versions = fields
    .map(
      (field) =>
        `${field}: ${shown(kept.record[field])} (${where(kept.position)}) / ${shown(other.record[field])} (${where(other.position)})`,
    )
    .join('; ');
  return {
    file: other.position?.file ?? '<import>',
    path: kind === 'record' ? 'entities' : 'relationships',
    record: id,
    line: other.position?.line,
    column: other.position?.column,
    message: `${kind} "${id}" is given twice with different values; the first is kept: ${versions}`,
  };
}
