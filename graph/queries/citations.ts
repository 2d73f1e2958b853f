import { read } from '../db/driver.js';
import { RELATIONSHIP_TYPES, type Dataset, type Entity, type Relationship } from '../schema/index.js';
import type { ReadScope } from '../read/scope.js';
import type { FactCitations, SourceDetail } from '../views/evidence.js';
import { propsToEntity } from '../store/mapping.js';
import { claimsAbout } from './claims.js';
import { eventFact, relationshipFact } from './evidence.js';
import { findNode } from './entity.js';
import type { Props } from '../db/props.js';
import { ENTITY } from '../vocabulary/entity-types.js';

// One index seek per id and relationship type (a typeless pattern would scan every relationship).
const relationshipsBy = (key: 'id' | 'publicId') => `CALL () {
  ${RELATIONSHIP_TYPES.map((type) => `UNWIND $ids AS id MATCH (a:Entity)-[r:${type} {${key}: id}]->(b:Entity) RETURN a, r, b`).join('\n  UNION ')}
}
RETURN properties(r) AS r, type(r) AS type, properties(a) AS a, properties(b) AS b`;
const RELATIONSHIPS_BY = { id: relationshipsBy('id'), publicId: relationshipsBy('publicId') };

/**
 * Relationships and events by id (or public id), each with its claims, keyed by real id. Ids
 * come out as this reader sees them; birth and death records they may not read are left out, with
 * the relationships that join them (to their place, their subject), and a fact about someone they
 * may not read keeps its claims' texts withheld (claims.ts).
 */
async function factsBy(scope: ReadScope, key: 'id' | 'publicId', ids: string[]): Promise<Map<string, FactCitations>> {
  const [found, events] = await Promise.all([
    read<{ r: Props; type: string; a: Props; b: Props }>(RELATIONSHIPS_BY[key], { ids }),
    read<{ e: Props }>(
      `UNWIND $ids AS id MATCH (e:${ENTITY.Event} {${key}: id})
       WHERE ${scope.knowable('e')} RETURN properties(e) AS e`,
      { ids, ...scope.cypherParams },
    ),
  ]);
  const rels = found.records.filter((row) => scope.mayKnow(row.get('a')) && scope.mayKnow(row.get('b')));
  const claims = await claimsAbout(scope, [
    ...rels.map((row) => relationshipFact(scope, row.get('type'), row.get('r'), row.get('a'), row.get('b'))),
    ...events.records.map((row) => eventFact(scope, row.get('e'))),
  ]);
  const out = new Map<string, FactCitations>();
  for (const row of rels) {
    const [r, a, b, type] = [row.get('r'), row.get('a'), row.get('b'), row.get('type')];
    const [from, to] = [scope.present(a), scope.present(b)];
    const date = scope.relationshipDate(type, r, a, b);
    out.set(String(r.id), {
      fact: {
        id: scope.relationshipId(r, a, b),
        kind: 'relationship',
        type,
        label: `${from.name} ${type} ${to.name}`,
        from,
        to,
        ...(date ? { date } : {}),
      },
      claims: claims.get(String(r.id)) ?? [],
    });
  }
  for (const row of events.records) {
    const e = row.get('e');
    const view = scope.present(e);
    out.set(String(e.id), {
      fact: {
        id: view.id,
        kind: 'event',
        type: String(e.kind),
        label: view.name,
        ...(typeof e.date === 'string' ? { date: e.date } : {}),
      },
      claims: claims.get(String(e.id)) ?? [],
    });
  }
  return out;
}

/**
 * The claims behind one relationship or event, by the id a reader sees (real or public).
 * Null when there is no such fact, or when a real id is asked for a fact shown by its public id.
 */
export async function citationsOf(scope: ReadScope, id: string): Promise<FactCitations | null> {
  const [byId, byPublicId] = await Promise.all([factsBy(scope, 'id', [id]), factsBy(scope, 'publicId', [id])]);
  const fact = [...byPublicId.values(), ...byId.values()][0];
  if (!fact) return null;
  return fact.fact.id === id || byPublicId.size > 0 ? fact : null;
}

/** A source with every claim it supports (capped), each with the fact it supports. */
export async function sourceDetail(scope: ReadScope, id: string, limit: number): Promise<SourceDetail | null> {
  const node = await findNode(scope, id);
  if (node?.type !== ENTITY.Source) return null;
  const rows = await read<{ abouts: string[]; total: number }>(
    `MATCH (c:Claim {sourceId: $id}) WITH c ORDER BY c.about, c.seq
     WITH collect(c.about) AS abouts
     RETURN abouts[0..toInteger($limit)] AS abouts, size(abouts) AS total`,
    { id: node.id, limit },
  );
  const abouts = [...new Set(rows.records[0]?.get('abouts') ?? [])];
  const facts = await factsBy(scope, 'id', abouts);
  const claims = abouts.flatMap((about) => {
    const fact = facts.get(about);
    if (!fact) return [];
    const { id: factId, kind, label } = fact.fact;
    return fact.claims.filter((c) => c.source.id === node.id).map((c) => ({ ...c, fact: { id: factId, kind, label } }));
  });
  return { source: scope.present(node, { detail: true }), claims, claimCount: rows.records[0]?.get('total') ?? 0 };
}

/**
 * The part of the graph around `ids` as a Dataset (the file form), for exports of a view:
 * the entities, the relationships among them, and every source their claims cite.
 */
export async function subgraphDataset(scope: ReadScope, ids: string[]): Promise<Dataset> {
  const nodes = (await Promise.all(ids.map((id) => findNode(scope, id)))).filter((n): n is Props => n !== null);
  const realIds = nodes.map((n) => String(n.id));
  const rels = await read<{ r: Props; type: string; from: string; to: string }>(
    `MATCH (a:Entity)-[r]->(b:Entity) WHERE a.id IN $ids AND b.id IN $ids
     RETURN properties(r) AS r, type(r) AS type, a.id AS from, b.id AS to ORDER BY r.id`,
    { ids: realIds },
  );
  const eventIds = nodes.filter((n) => n.type === ENTITY.Event).map((n) => String(n.id));
  const claims = await read<{ about: string; c: Props }>(
    'UNWIND $abouts AS about MATCH (c:Claim {about: about}) RETURN about, properties(c) AS c ORDER BY about, c.seq',
    { abouts: [...eventIds, ...rels.records.map((r) => String(r.get('r').id))] },
  );
  const byFact = new Map<string, Relationship['claims']>();
  for (const record of claims.records) {
    const c = record.get('c');
    const list = byFact.get(record.get('about')) ?? [];
    list.push({
      source: String(c.sourceId),
      locator: String(c.locator),
      excerpt: String(c.excerpt),
      confidence: c.confidence as Relationship['claims'][number]['confidence'],
      ...(typeof c.translation === 'string' ? { translation: c.translation } : {}),
      ...(typeof c.date === 'string' ? { date: c.date } : {}),
      ...(typeof c.note === 'string' ? { note: c.note } : {}),
    });
    byFact.set(record.get('about'), list);
  }
  const cited = new Set([...byFact.values()].flat().map((c) => c.source));
  const missingSources = [...cited].filter((id) => !realIds.includes(id));
  const sources = await read<{ s: Props }>(
    `UNWIND $ids AS id MATCH (s:${ENTITY.Source} {id: id}) RETURN properties(s) AS s`,
    {
      ids: missingSources,
    },
  );
  const entities: Entity[] = [...nodes, ...sources.records.map((r) => r.get('s'))].map((props) => {
    const entity = propsToEntity(props.type as Entity['type'], props);
    if (entity.type === ENTITY.Event) entity.claims = byFact.get(entity.id) ?? [];
    return entity;
  });
  const relationships: Relationship[] = rels.records.map((record) => {
    const r = record.get('r');
    return {
      id: String(r.id),
      type: record.get('type') as Relationship['type'],
      from: record.get('from'),
      to: record.get('to'),
      claims: byFact.get(String(r.id)) ?? [],
      ...(typeof r.role === 'string' ? { role: r.role } : {}),
      ...(typeof r.relation === 'string' ? { relation: r.relation } : {}),
      ...(typeof r.date === 'string' ? { date: r.date } : {}),
    };
  });
  return { kinline: 1, entities, relationships };
}
