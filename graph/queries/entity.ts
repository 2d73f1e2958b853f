import { read } from '../db/driver.js';
import type { ReadScope } from '../read/scope.js';
import { claimsAbout, type Fact } from './claims.js';
import { relationshipFact } from './evidence.js';
import { statementsAbout } from './statements.js';
import type { Props } from '../db/props.js';
import type { EntityDetail, RelationshipView } from '../views/entity.js';
import { phraseOf } from '../dates/phrase.js';

/**
 * Finds a node by the id this reader may use: its public id, or its real id unless the record is
 * withheld from them, whose real id then finds nothing (the same null as an id that exists nowhere).
 * A record the reader may not know of (a withheld birth) is found by neither.
 */
export async function findNode(scope: ReadScope, id: string): Promise<Props | null> {
  const result = await read<{ n: Props }>(
    `CALL () { MATCH (n:Entity {id: $id}) RETURN n UNION MATCH (n:Entity {publicId: $id}) RETURN n }
     RETURN properties(n) AS n LIMIT 2`,
    { id },
  );
  return usableBy(
    scope,
    id,
    result.records.map((r) => r.get('n')),
  );
}

/** findNode for many ids in one round trip (status-as-of asks about 500): in the order of `ids`. */
export async function findNodes(scope: ReadScope, ids: readonly string[]): Promise<(Props | null)[]> {
  const result = await read<{ id: string; nodes: Props[] }>(
    `UNWIND $ids AS id
     CALL (id) { MATCH (n:Entity {id: id}) RETURN n UNION MATCH (n:Entity {publicId: id}) RETURN n }
     RETURN id, collect(properties(n))[0..2] AS nodes`,
    { ids: [...new Set(ids)] },
  );
  const found = new Map(result.records.map((r) => [r.get('id'), r.get('nodes')]));
  return ids.map((id) => usableBy(scope, id, found.get(id) ?? []));
}

// Anything may be reached by its public id (responses may carry it); a withheld record only so.
function usableBy(scope: ReadScope, id: string, nodes: Props[]): Props | null {
  return nodes.find((n) => scope.mayKnow(n) && (n.publicId === id || (scope.mayRead(n) && n.id === id))) ?? null;
}

/** An entity with its properties, names and every relationship around it, each with citations. */
export async function entityDetail(
  scope: ReadScope,
  id: string,
  relationshipLimit = 200,
): Promise<EntityDetail | null> {
  const props = await findNode(scope, id);
  if (!props) return null;
  const rels = await read<{ r: Props; type: string; out: boolean; other: Props; total: number }>(
    `MATCH (n:Entity {id: $id})-[r]-(other:Entity) WHERE ${scope.knowable('other')}
     // In the order the reader sees them: a withheld neighbour's real name and id would rank it.
     WITH n, r, other, startNode(r) = n AS out
     ORDER BY type(r),
       CASE WHEN ${scope.readable('other')} THEN other.name ELSE other.pseudonym END,
       CASE WHEN ${scope.readable('r')} AND ${scope.readable('n')} AND ${scope.readable('other')} THEN r.id ELSE r.publicId END
     WITH collect({r: properties(r), type: type(r), out: out, other: properties(other)}) AS rows
     UNWIND rows[0..toInteger($limit)] AS row
     RETURN row.r AS r, row.type AS type, row.out AS out, row.other AS other, size(rows) AS total`,
    { id: props.id, limit: relationshipLimit, ...scope.cypherParams },
  );
  const facts: Fact[] = [
    { id: String(props.id), visibleId: scope.visibleId(props), withheld: !scope.mayRead(props) },
    ...rels.records.map((record) =>
      relationshipFact(scope, record.get('type'), record.get('r'), props, record.get('other')),
    ),
  ];
  const claims = await claimsAbout(scope, facts);
  const relationships = rels.records.map((record): RelationshipView => {
    const r = record.get('r');
    const other = record.get('other');
    const type = record.get('type');
    const date = scope.relationshipDate(type, r, props, other);
    const relation = scope.relationshipRelation(r, record.get('out') ? props : other);
    return {
      id: scope.relationshipId(r, props, other),
      type,
      direction: record.get('out') ? 'out' : 'in',
      other: scope.present(other),
      ...(typeof r.role === 'string' ? { role: r.role } : {}),
      ...(relation ? { relation } : {}),
      ...(date ? { date, datePhrase: phraseOf(date) } : {}),
      confidence: String(r.confidence),
      claims: claims.get(String(r.id)) ?? [],
    };
  });
  return {
    entity: scope.present(props, { detail: true }),
    claims: scope.mayRead(props) ? (claims.get(String(props.id)) ?? []) : [],
    statements: await statementsAbout(scope, props),
    relationships,
    relationshipCount: rels.records[0]?.get('total') ?? 0,
  };
}
