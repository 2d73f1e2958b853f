import type { z } from 'zod';
import { Dataset, endpointsAllowed, type EntityType } from '../schema/index.js';

export interface Problem {
  file: string;
  /** e.g. "entities[3].names[0].value" */
  path: string;
  /** id of the record when known, so a curator can find it */
  record?: string;
  message: string;
  line?: number;
  column?: number;
}

export class ValidationError extends Error {
  constructor(readonly problems: Problem[]) {
    super(
      `${problems.length} problem(s): ${problems
        .slice(0, 3)
        .map((p) => `${p.file} ${p.path}: ${p.message}`)
        .join('; ')}`,
    );
  }
}

export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)),
    '',
  );
}

function recordId(input: unknown, path: readonly PropertyKey[]): string | undefined {
  let value: unknown = input;
  for (const key of path.slice(0, 2)) value = (value as Record<PropertyKey, unknown> | undefined)?.[key];
  const id = (value as { id?: unknown } | undefined)?.id;
  return typeof id === 'string' ? id : undefined;
}

/**
 * Checks a dataset completely before anything is written: shape (zod), duplicate ids, dangling
 * references and endpoint labels. `known` resolves ids that already exist in the database.
 */
export async function validateDataset(
  input: unknown,
  file: string,
  known: (ids: string[]) => Promise<Map<string, EntityType>>,
): Promise<Dataset> {
  const parsed = Dataset.safeParse(input);
  if (!parsed.success) {
    throw new ValidationError(
      parsed.error.issues.map((issue) => ({
        file,
        path: formatPath(issue.path),
        record: recordId(input, issue.path),
        message:
          issue.code === 'unrecognized_keys'
            ? `unknown field(s): ${(issue as z.core.$ZodIssueUnrecognizedKeys).keys.join(', ')}`
            : issue.message,
      })),
    );
  }
  const data = parsed.data;
  const problems: Problem[] = [];
  const types = new Map<string, EntityType>();
  data.entities.forEach((entity, i) => {
    if (types.has(entity.id))
      problems.push({ file, path: `entities[${i}].id`, record: entity.id, message: `duplicate id "${entity.id}"` });
    types.set(entity.id, entity.type);
  });
  const relIds = new Set<string>();
  const wanted = new Set<string>();
  const need = (id: string) => !types.has(id) && wanted.add(id);
  data.relationships.forEach((rel) => {
    need(rel.from);
    need(rel.to);
    rel.claims.forEach((c) => {
      need(c.source);
    });
  });
  data.entities.forEach((e) => {
    if (e.type === 'Event')
      e.claims.forEach((c) => {
        need(c.source);
      });
  });
  const existing = wanted.size > 0 ? await known([...wanted]) : new Map<string, EntityType>();
  const typeOf = (id: string) => types.get(id) ?? existing.get(id);

  const checkSources = (claims: { source: string }[], at: string, record: string) =>
    claims.forEach((claim, k) => {
      const type = typeOf(claim.source);
      if (type !== 'Source')
        problems.push({
          file,
          path: `${at}.claims[${k}].source`,
          record,
          message: type ? `"${claim.source}" is a ${type}, not a Source` : `unknown source "${claim.source}"`,
        });
    });
  data.entities.forEach((e, i) => {
    if (e.type === 'Event') checkSources(e.claims, `entities[${i}]`, e.id);
  });
  data.relationships.forEach((rel, i) => {
    const at = `relationships[${i}]`;
    if (relIds.has(rel.id) || types.has(rel.id))
      problems.push({ file, path: `${at}.id`, record: rel.id, message: `duplicate id "${rel.id}"` });
    relIds.add(rel.id);
    const from = typeOf(rel.from);
    const to = typeOf(rel.to);
    if (!from) problems.push({ file, path: `${at}.from`, record: rel.id, message: `unknown entity "${rel.from}"` });
    if (!to) problems.push({ file, path: `${at}.to`, record: rel.id, message: `unknown entity "${rel.to}"` });
    if (from && to && !endpointsAllowed(rel.type, from, to)) {
      problems.push({
        file,
        path: `${at}.type`,
        record: rel.id,
        message: `${rel.type} cannot join a ${from} to a ${to}`,
      });
    }
    checkSources(rel.claims, at, rel.id);
  });
  if (problems.length > 0) throw new ValidationError(problems);
  return data;
}
