import { isAdmin, mayWrite, type Reader } from '../access/roles.js';
import { PROTECTION_FIELDS } from '../vocabulary/entity-fields.js';
import { WriteRefused } from './refused.js';

/** Researchers, cleared users and admins write; viewers (and anonymous readers) do not. */
export function assertMayWrite(reader: Reader): void {
  if (!mayWrite(reader))
    throw new WriteRefused(403, 'forbidden', 'Only researchers, cleared users and admins may change the graph.');
}

export function assertAdmin(reader: Reader): void {
  if (!isAdmin(reader)) throw new WriteRefused(403, 'forbidden', 'Only an admin may restore a deleted record.');
}

/**
 * A person's disclosure, minor flag and pseudonym decide who may read them: only an admin or a
 * cleared user changes them (issue 14), by a create, an edit or a revert. Named by field.
 */
export function assertMaySetProtection(
  reader: Reader,
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): void {
  if (reader.role === 'admin' || reader.role === 'cleared') return;
  const set = PROTECTION_FIELDS.filter((field) => JSON.stringify(before[field]) !== JSON.stringify(after[field]));
  if (set.length > 0)
    throw new WriteRefused(
      403,
      'forbidden_field',
      `Only an admin or a cleared user may set ${set.map((f) => `body.${f}`).join(', ')}.`,
      set.map((field) => ({ path: `body.${field}`, message: 'only an admin or a cleared user may set it' })),
    );
}
