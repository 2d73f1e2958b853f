import { read } from '../db/driver.js';
import type { Props } from '../db/props.js';
import {
  type Entity,
  type EntityType,
  type Relationship,
  RELATIONSHIP_TYPES,
  type RelationshipType,
} from '../schema/index.js';
import { type ClaimProps, claimFromProps, type Identities } from '../store/export.js';
import { propsToEntity } from '../store/mapping.js';
import { storedStatements } from '../store/statements-read.js';
import { ENTITY } from '../vocabulary/entity-types.js';

/**
 * One stored record in the file form (graph/schema: what a dataset file, a request body and a
 * revision's before and after hold), with the stored properties the read layer decides from.
 * Unredacted: a caller shows it only through the read scope.
 */
export interface StoredEntity {
  record: Entity;
  props: Props;
}

export interface StoredRelationship {
  record: Relationship;
  type: RelationshipType;
  props: Props;
  from: Props;
  to: Props;
}

const noIdentities = (): Identities => ({ publicIds: new Map(), pseudonyms: new Map(), guards: new Map() });

async function claimsOf(ids: string[]): Promise<Map<string, ReturnType<typeof claimFromProps>[]>> {
  const rows = await read<{ c: ClaimProps }>(
    'UNWIND $ids AS id MATCH (c:Claim {about: id}) RETURN properties(c) AS c ORDER BY c.about, c.seq',
    { ids },
  );
  const out = new Map<string, ReturnType<typeof claimFromProps>[]>();
  for (const row of rows.records) {
    const c = row.get('c');
    out.set(c.about, [...(out.get(c.about) ?? []), claimFromProps(c)]);
  }
  return out;
}

/** The entity with this real id, as loaded: its fields, an event's claims, its statements. */
export async function storedEntity(id: string): Promise<StoredEntity | null> {
  const result = await read<{ n: Props }>('MATCH (n:Entity {id: $id}) RETURN properties(n) AS n', { id });
  const props = result.records[0]?.get('n');
  if (!props) return null;
  const record = propsToEntity(props.type as EntityType, props);
  if (record.type === ENTITY.Event) record.claims = (await claimsOf([id])).get(id) ?? [];
  const statements = (await storedStatements(noIdentities(), [id])).get(id);
  if (statements) record.statements = statements;
  return { record, props };
}

// One index seek per relationship type: a typeless pattern would scan every relationship.
const RELATIONSHIP_BY_ID = `CALL () {
  ${RELATIONSHIP_TYPES.map((type) => `MATCH (a:Entity)-[r:${type} {id: $id}]->(b:Entity) RETURN a, r, b`).join('\n  UNION ')}
}
RETURN properties(r) AS r, type(r) AS type, properties(a) AS a, properties(b) AS b`;

function relationshipRecord(
  type: RelationshipType,
  r: Props,
  from: string,
  to: string,
  claims: Relationship['claims'],
) {
  const record: Relationship = { id: String(r.id), type, from, to, claims };
  for (const key of ['role', 'relation', 'date'] as const) if (typeof r[key] === 'string') record[key] = r[key];
  if (r.synthetic === true) record.synthetic = true;
  return record;
}

/** The relationship with this real id, with its claims and both ends' stored properties. */
export async function storedRelationship(id: string): Promise<StoredRelationship | null> {
  const row = (await read<{ r: Props; type: RelationshipType; a: Props; b: Props }>(RELATIONSHIP_BY_ID, { id }))
    .records[0];
  if (!row) return null;
  const [r, type, a, b] = [row.get('r'), row.get('type'), row.get('a'), row.get('b')];
  const claims = (await claimsOf([id])).get(id) ?? [];
  return { record: relationshipRecord(type, r, String(a.id), String(b.id), claims), type, props: r, from: a, to: b };
}

/** Every relationship of an entity, in the file form (what deleting it takes with it). */
export async function relationshipsAround(id: string): Promise<Relationship[]> {
  const rows = await read<{ r: Props; type: RelationshipType; from: string; to: string }>(
    `MATCH (n:Entity {id: $id})-[r]-(:Entity) WITH DISTINCT r
     RETURN properties(r) AS r, type(r) AS type, startNode(r).id AS from, endNode(r).id AS to ORDER BY r.id`,
    { id },
  );
  const claims = await claimsOf(rows.records.map((row) => String(row.get('r').id)));
  return rows.records.map((row) =>
    relationshipRecord(
      row.get('type'),
      row.get('r'),
      row.get('from'),
      row.get('to'),
      claims.get(String(row.get('r').id)) ?? [],
    ),
  );
}
