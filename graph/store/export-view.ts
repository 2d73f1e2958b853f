import { read } from '../db/driver.js';
import { graphGeneration } from '../db/generation.js';
import { ENTITY_TYPES, type Dataset, type PersonRecord, RELATIONSHIP_TYPES } from '../schema/index.js';
import type { StoredIdentities } from '../safety/redact-dataset.js';
import { ENTITY } from '../vocabulary/entity-types.js';
import { type GraphExport, type Identities, noteIdentity } from './export.js';
import { propsToEntity } from './mapping.js';
import { storedStatements } from './statements-read.js';

/**
 * The stored public ids and pseudonyms of a dataset's records (one read per label and
 * relationship type), for datasets read some other way than exportGraph().
 */
export async function storedIdentities(dataset: Dataset): Promise<Identities> {
  const identities: Identities = { publicIds: new Map(), pseudonyms: new Map(), guards: new Map() };
  for (const label of ENTITY_TYPES) {
    const ids = dataset.entities.filter((e) => e.type === label).map((e) => e.id);
    if (ids.length === 0) continue;
    const rows = await read<{ p: Record<string, unknown> }>(
      `UNWIND $ids AS id MATCH (n:${label} {id: id}) RETURN n {.id, .publicId, .pseudonym, .needs, .detailNeeds, .detailKeys} AS p`,
      { ids },
    );
    for (const record of rows.records) noteIdentity(identities, record.get('p'));
  }
  for (const type of RELATIONSHIP_TYPES) {
    const ids = dataset.relationships.filter((r) => r.type === type).map((r) => r.id);
    if (ids.length === 0) continue;
    const rows = await read<{ p: Record<string, unknown> }>(
      `UNWIND $ids AS id MATCH ()-[r:${type} {id: id}]->() RETURN r {.id, .publicId, .needs} AS p`,
      { ids },
    );
    for (const record of rows.records) noteIdentity(identities, record.get('p'));
  }
  const abouts = [
    ...dataset.entities.filter((e) => e.type === ENTITY.Event).map((e) => e.id),
    ...dataset.relationships.map((r) => r.id),
  ];
  const claims = await read<{ p: Record<string, unknown> }>(
    'UNWIND $abouts AS about MATCH (c:Claim {about: about}) WHERE c.needs IS NOT NULL RETURN c {.id, .needs} AS p',
    { abouts },
  );
  for (const record of claims.records) noteIdentity(identities, record.get('p'));
  await storedStatements(
    identities,
    dataset.entities.filter((e) => e.statements).map((e) => e.id),
  );
  return identities;
}

interface ProtectedPeople extends Identities {
  people: PersonRecord[];
}

let cached: { generation: string | null; people: ProtectedPeople } | null = null;

/**
 * Every protected person of the graph (disclosure computed from the stored node as disclosureOf
 * computes it from a record), with their stored public ids and pseudonyms. Read again only when
 * the graph's generation token has changed (every load replaces it, db/generation.ts): at
 * 100,000 people this is one scan of every Person.
 */
async function protectedPeople(): Promise<ProtectedPeople> {
  const generation = await graphGeneration();
  if (cached && cached.generation === generation) return cached.people;
  const rows = await read<{ p: Record<string, unknown> }>(
    `MATCH (p:${ENTITY.Person})
     WHERE coalesce(p.disclosure, CASE WHEN p.minor = true THEN 'pseudonymous' ELSE 'public' END) <> 'public'
     RETURN properties(p) AS p`,
  );
  const people: ProtectedPeople = { people: [], publicIds: new Map(), pseudonyms: new Map(), guards: new Map() };
  for (const record of rows.records) {
    people.people.push(propsToEntity(ENTITY.Person, record.get('p')) as PersonRecord);
    noteIdentity(people, record.get('p'));
  }
  // Other sources' birth dates and numbers are theirs too: searched for in a view's texts.
  const stated = await storedStatements(
    { publicIds: new Map(), pseudonyms: new Map(), guards: new Map() },
    people.people.map((p) => p.id),
  );
  for (const person of people.people) {
    const statements = stated.get(person.id);
    if (statements) person.statements = statements;
  }
  cached = { generation, people };
  return people;
}

/**
 * A view's dataset (an export of some records) ready for redaction: the stored public ids and
 * pseudonyms of its records, and every protected person it does not hold, since its texts may
 * still name them (a claim quoting a source that names a child who is not in the view).
 */
export async function exportView(dataset: Dataset): Promise<GraphExport & Required<Pick<StoredIdentities, 'outside'>>> {
  const [own, all] = await Promise.all([storedIdentities(dataset), protectedPeople()]);
  const inside = new Set(dataset.entities.map((e) => e.id));
  return {
    dataset,
    publicIds: new Map([...all.publicIds, ...own.publicIds]),
    pseudonyms: new Map([...all.pseudonyms, ...own.pseudonyms]),
    guards: own.guards,
    outside: all.people.filter((p) => !inside.has(p.id)),
  };
}
