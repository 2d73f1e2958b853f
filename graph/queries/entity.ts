import { read } from '../db/driver.js';
import { isProtectedProps, presentEntity } from '../safety/present.js';
import { claimsAbout } from './claims.js';
import type { Props } from '../db/props.js';
import type { EntityDetail, RelationshipView } from '../views/entity.js';

/** The visible id of a relationship: its public id when a protected person stands at either end. */
export function visibleRelId(rel: Props, a: Props, b: Props): string {
  return isProtectedProps(a) || isProtectedProps(b) ? String(rel.publicId) : String(rel.id);
}

/**
 * Finds a node by the id a reader may use: its public id, or its real id unless it is a protected
 * person, whose real id finds nothing.
 */
export async function findNode(id: string): Promise<Props | null> {
  const result = await read<{ n: Props }>(
    `CALL () { MATCH (n:Entity {id: $id}) RETURN n UNION MATCH (n:Entity {publicId: $id}) RETURN n }
     RETURN properties(n) AS n LIMIT 2`,
    { id },
  );
  // Anything may be reached by its public id (responses may carry it); a protected person only so.
  const props = result.records
    .map((r) => r.get('n'))
    .find((n) => n.publicId === id || (!isProtectedProps(n) && n.id === id));
  return props ?? null;
}

/** An entity with its properties, names and every relationship around it, each with citations. */
export async function entityDetail(id: string, relationshipLimit = 200): Promise<EntityDetail | null> {
  const props = await findNode(id);
  if (!props) return null;
  const rels = await read<{ r: Props; type: string; out: boolean; other: Props; total: number }>(
    `MATCH (n:Entity {id: $id})-[r]-(other:Entity)
     WITH r, other, startNode(r) = n AS out ORDER BY type(r), other.name, r.id
     WITH collect({r: properties(r), type: type(r), out: out, other: properties(other)}) AS rows
     UNWIND rows[0..toInteger($limit)] AS row
     RETURN row.r AS r, row.type AS type, row.out AS out, row.other AS other, size(rows) AS total`,
    { id: props.id, limit: relationshipLimit },
  );
  const aboutIds = [String(props.id), ...rels.records.map((r) => String(r.get('r').id))];
  const claims = await claimsAbout(aboutIds);
  const relationships = rels.records.map((record): RelationshipView => {
    const r = record.get('r');
    const other = record.get('other');
    return {
      id: visibleRelId(r, props, other),
      type: record.get('type'),
      direction: record.get('out') ? 'out' : 'in',
      other: presentEntity(other),
      ...(typeof r.role === 'string' ? { role: r.role } : {}),
      ...(typeof r.relation === 'string' ? { relation: r.relation } : {}),
      ...(typeof r.date === 'string' ? { date: r.date } : {}),
      confidence: String(r.confidence),
      claims: claims.get(String(r.id)) ?? [],
    };
  });
  return {
    entity: presentEntity(props, { detail: true }),
    claims: isProtectedProps(props) ? [] : (claims.get(String(props.id)) ?? []),
    relationships,
    relationshipCount: rels.records[0]?.get('total') ?? 0,
  };
}
