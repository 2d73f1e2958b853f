import { isDeepStrictEqual } from 'node:util';
import { read } from '../db/driver.js';
import { propsToEntity } from '../store/mapping.js';
import { storedStatements } from '../store/statements-read.js';
import type { DatasetInput } from '../schema/index.js';
import { differingFields, differingWarning } from './differing.js';
import type { ParsedFile, PersonAddition, Position, Problem } from './types.js';
import { ENTITY } from '../vocabulary/entity-types.js';
import { mergeCitedVersions } from './merge-statements.js';

type EntityInput = DatasetInput['entities'][number];
type PersonInput = Extract<EntityInput, { type: typeof ENTITY.Person }>;

export interface Combined {
  dataset: DatasetInput;
  positions: Map<string, Position>;
  problems: Problem[];
  warnings: Problem[];
}

/**
 * All files of one run as one dataset, so that a file may point at records of another (aliases
 * at victims, relationships at people) and the run is validated, and written, as a whole.
 * A record defined twice identically is kept once, with the claims of both; defined differently,
 * the first version is kept and a warning shows both (as within one file: builder.ts).
 */
export function combine(files: ParsedFile[]): Combined {
  const out: Combined = {
    dataset: { kinline: 1, entities: [], relationships: [] },
    positions: new Map(),
    problems: [],
    warnings: [],
  };
  const seen = new Map<string, { index: number; position?: Position }>();
  const seenRel = new Map<string, { index: number; position?: Position }>();
  for (const file of files) {
    out.problems.push(...file.problems);
    out.warnings.push(...file.warnings);
    if (file.dataset.title && !out.dataset.title) out.dataset.title = file.dataset.title;
    file.dataset.entities.forEach((entity, i) => {
      const position = file.positions.get(`entities[${i}]`);
      const before = seen.get(entity.id);
      if (before) {
        const existing = out.dataset.entities[before.index]!;
        if (differingFields(existing, entity).length > 0) {
          // Both versions cite what they differ on: kept side by side as statements (merge-statements.ts).
          const cited = mergeCitedVersions(existing, entity);
          if (cited) out.dataset.entities[before.index] = cited;
          else
            out.warnings.push(
              differingWarning('record', { record: existing, position: before.position }, { record: entity, position }),
            );
        } else if ('claims' in existing && 'claims' in entity && existing.claims && entity.claims)
          for (const c of entity.claims)
            if (!existing.claims.some((k) => isDeepStrictEqual(k, c))) existing.claims.push(c);
        return;
      }
      seen.set(entity.id, { index: out.dataset.entities.length, position });
      if (position) out.positions.set(`entities[${out.dataset.entities.length}]`, position);
      out.dataset.entities.push(entity);
    });
    file.dataset.relationships.forEach((rel, i) => {
      const position = file.positions.get(`relationships[${i}]`);
      const before = seenRel.get(rel.id);
      if (before) {
        const existing = out.dataset.relationships[before.index]!;
        if (differingFields(existing, rel).length > 0)
          out.warnings.push(
            differingWarning(
              'relationship',
              { record: existing, position: before.position },
              { record: rel, position },
            ),
          );
        else
          for (const c of rel.claims)
            if (!existing.claims.some((k) => isDeepStrictEqual(k, c))) existing.claims.push(c);
        return;
      }
      seenRel.set(rel.id, { index: out.dataset.relationships.length, position });
      if (position) out.positions.set(`relationships[${out.dataset.relationships.length}]`, position);
      out.dataset.relationships.push(rel);
    });
  }
  return out;
}

async function storedPeople(ids: string[]): Promise<Map<string, PersonInput>> {
  if (ids.length === 0) return new Map();
  const rows = await read<{ p: Record<string, unknown> }>(
    `UNWIND $ids AS id MATCH (n:${ENTITY.Person} {id: id}) RETURN properties(n) AS p`,
    { ids },
  );
  // Re-written whole, statements included (they are AttributeClaim nodes beside the record).
  const stated = await storedStatements({ publicIds: new Map(), pseudonyms: new Map(), guards: new Map() }, ids);
  return new Map(
    rows.records.map((r) => {
      const person = propsToEntity(ENTITY.Person, r.get('p')) as PersonInput;
      const statements = stated.get(person.id);
      if (statements) person.statements = statements;
      return [person.id, person];
    }),
  );
}

/**
 * Adds names and identity numbers to people: first to those imported in this run, else to the
 * Person already in the graph (which is then re-written whole, so the MERGE stays idempotent).
 */
export async function applyAdditions(
  combined: Combined,
  additions: PersonAddition[],
  readGraph: boolean,
): Promise<void> {
  if (additions.length === 0) return;
  const people = new Map<string, PersonInput>();
  for (const e of combined.dataset.entities) if (e.type === ENTITY.Person) people.set(e.id, e);
  const missing = [...new Set(additions.map((a) => a.person).filter((id) => !people.has(id)))];
  const stored = readGraph ? await storedPeople(missing) : new Map<string, PersonInput>();
  for (const [id, person] of stored) {
    people.set(id, person);
    combined.positions.set(
      `entities[${combined.dataset.entities.length}]`,
      additions.find((a) => a.person === id)!.position,
    );
    combined.dataset.entities.push(person);
  }
  for (const addition of additions) {
    const person = people.get(addition.person);
    if (!person) {
      const problem: Problem = {
        file: addition.position.file,
        path: 'person',
        line: addition.position.line,
        column: addition.position.column,
        record: addition.person,
        message: `no person "${addition.person}" in this import or in the graph`,
      };
      (addition.missing === 'warn' ? combined.warnings : combined.problems).push(problem);
      continue;
    }
    for (const name of addition.names ?? []) {
      if (!person.names.some((n) => n.value === name.value)) person.names.push(name);
    }
    for (const number of addition.identityNumbers ?? []) {
      person.identityNumbers ??= [];
      if (!person.identityNumbers.includes(number)) person.identityNumbers.push(number);
    }
  }
}
