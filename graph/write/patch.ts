import { WriteRefused } from './refused.js';

/** Lists a change adds to rather than replaces: claims are never overwritten (issue 14). */
const ADDED_TO = new Set(['claims', 'statements']);

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * A record with a PATCH body's fields applied, in the manner of JSON Merge Patch (RFC 7396): a
 * field given replaces the stored one, `null` removes it; claims and statements given are added
 * beside the stored ones (a conflicting source is kept, not overwritten). `fixed` fields (id,
 * type, a relationship's ends) may be repeated but not changed.
 */
export function patched<T extends object>(
  stored: T,
  fields: Record<string, unknown>,
  fixed: readonly (keyof T & string)[],
): T {
  const out: Record<string, unknown> = { ...(stored as Record<string, unknown>) };
  const problems: { path: string; message: string }[] = [];
  for (const [key, value] of Object.entries(fields)) {
    if ((fixed as readonly string[]).includes(key)) {
      if (!same(value, out[key]))
        problems.push({ path: `body.${key}`, message: 'cannot change; create a new record instead' });
      continue;
    }
    if (ADDED_TO.has(key) && Array.isArray(value)) {
      const kept = (out[key] as unknown[] | undefined) ?? [];
      out[key] = [...kept, ...value.filter((item) => !kept.some((k) => same(k, item)))];
    } else if (value === null) delete out[key];
    else out[key] = value;
  }
  if (problems.length > 0)
    throw new WriteRefused(400, 'invalid_request', `Invalid ${problems.map((p) => p.path).join(', ')}`, problems);
  return out as T;
}
