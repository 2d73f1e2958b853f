import type { z } from 'zod';
import {
  Dataset,
  ENTITY,
  ENTITY_SCHEMAS,
  type Entity,
  endpointsAllowed,
  type EntityType,
  normalisedRecord,
} from '../schema/index.js';

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

/**
 * A dataset that passed validateDataset: its shape, ids, references and endpoints are sound, and
 * it knows the types of the entities it references outside itself. Only validateDataset makes
 * one (the symbol is private to this module), so a loader that accepts a CheckedDataset needs no
 * validation of its own: an import is validated once (issue 11).
 */
export type CheckedDataset = Dataset & { readonly [checked]: Outside };

/** Types of the ids the dataset references but does not hold, as the graph gave them. */
type Outside = ReadonlyMap<string, EntityType>;

const checked: unique symbol = Symbol('checked by validateDataset');

/** Nothing outside the dataset exists: generated data, or a new database built offline. */
export const nothingOutside = async (): Promise<Map<string, EntityType>> => new Map();

function outside(data: CheckedDataset): Outside {
  const found = (data as Partial<CheckedDataset>)[checked];
  if (!found) throw new Error('graph/store: this dataset did not come from validateDataset');
  return found;
}

/** The type (label) of every entity a checked dataset holds or references: its relationships' endpoints. */
export function labelsOf(data: CheckedDataset): (id: string) => EntityType {
  const inside = new Map(data.entities.map((e) => [e.id, e.type]));
  const held = outside(data);
  return (id) => {
    const type = inside.get(id) ?? held.get(id);
    if (!type) throw new Error(`graph/store: "${id}" is not an entity this dataset holds or references`);
    return type;
  };
}

/** Ids the dataset references without holding them (the graph already has them). */
export const outsideReferences = (data: CheckedDataset): string[] => [...outside(data).keys()];

function recordId(input: unknown, path: readonly PropertyKey[]): string | undefined {
  let value: unknown = input;
  for (const key of path.slice(0, 2)) value = (value as Record<PropertyKey, unknown> | undefined)?.[key];
  const id = (value as { id?: unknown } | undefined)?.id;
  return typeof id === 'string' ? id : undefined;
}

/**
 * Checks a dataset completely before anything is written: shape (zod), duplicate ids, dangling
 * references and endpoint labels. `known` resolves ids that already exist in the database.
 * The one validation of a load: the loaders take its CheckedDataset and do not check again.
 */
export async function validateDataset(
  input: unknown,
  file: string,
  known: (ids: string[]) => Promise<Map<string, EntityType>>,
): Promise<CheckedDataset> {
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
  data.entities = data.entities.map((e) => normalisedRecord(ENTITY_SCHEMAS[e.type].shape, e) as Entity);
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
    for (const c of [...(e.type === ENTITY.Event ? e.claims : []), ...(e.statements ?? []).flatMap((s) => s.claims)])
      need(c.source);
  });
  const existing = wanted.size > 0 ? await known([...wanted]) : new Map<string, EntityType>();
  const typeOf = (id: string) => types.get(id) ?? existing.get(id);

  const checkSources = (claims: { source: string }[], at: string, record: string) =>
    claims.forEach((claim, k) => {
      const type = typeOf(claim.source);
      if (type !== ENTITY.Source)
        problems.push({
          file,
          path: `${at}.claims[${k}].source`,
          record,
          message: type ? `"${claim.source}" is a ${type}, not a Source` : `unknown source "${claim.source}"`,
        });
    });
  data.entities.forEach((e, i) => {
    if (e.type === ENTITY.Event) checkSources(e.claims, `entities[${i}]`, e.id);
    e.statements?.forEach((s, j) => {
      checkSources(s.claims, `entities[${i}].statements[${j}]`, e.id);
    });
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
  // Not enumerable: JSON and spreads see the plain dataset; a spread copy is no longer checked.
  Object.defineProperty(data, checked, { value: existing satisfies Outside });
  return data as CheckedDataset;
}
