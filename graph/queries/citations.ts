import { read } from '../db/driver.js';
import { RELATIONSHIP_TYPES, type Dataset, type Entity, type Relationship } from '../schema/index.js';
import { presentEntity, visibleId, type EntityView } from '../safety/present.js';
import { propsToEntity } from '../store/mapping.js';
import { claimsAbout, type ClaimView } from './claims.js';
import { findNode, visibleRelId } from './entity.js';

type Props = Record<string, unknown>;

// One index seek per relationship type (a typeless pattern would scan every relationship).
const RELATIONSHIP_BY_ID = `CALL () {
  ${RELATIONSHIP_TYPES.flatMap((type) => ['id', 'publicId'].map((key) => `MATCH (a:Entity)-[r:${type} {${key}: $id}]->(b:Entity) RETURN a, r, b`)).join('\n  UNION ')}
}
RETURN properties(r) AS r, type(r) AS type, properties(a) AS a, properties(b) AS b LIMIT 1`;

export interface FactCitations {
  fact: { id: string; kind: 'event' | 'relationship'; type: string; label: string; from?: EntityView; to?: EntityView; date?: string };
  claims: ClaimView[];
}

/**
 * The claims behind one relationship or event, by the id a reader sees (real or public).
 * Null when there is no such fact, or it is a withheld record of a protected person.
 */
export async function citationsOf(id: string): Promise<FactCitations | null> {
  const rel = await read<{ r: Props; type: string; a: Props; b: Props }>(RELATIONSHIP_BY_ID, { id });
  const row = rel.records[0];
  if (row) {
    const [r, a, b] = [row.get('r'), row.get('a'), row.get('b')];
    const visible = visibleRelId(r, a, b);
    if (visible !== id && r.publicId !== id) return null;
    const from = presentEntity(a);
    const to = presentEntity(b);
    const claims = (await claimsAbout([String(r.id)])).get(String(r.id)) ?? [];
    return {
      fact: { id: visible, kind: 'relationship', type: row.get('type'), label: `${from.name} ${row.get('type')} ${to.name}`, from, to, ...(typeof r.date === 'string' ? { date: r.date } : {}) },
      claims,
    };
  }
  const node = await findNode(id);
  if (!node || node.type !== 'Event' || node.protected === true) return null;
  const claims = (await claimsAbout([String(node.id)])).get(String(node.id)) ?? [];
  return {
    fact: { id: visibleId(node), kind: 'event', type: String(node.kind), label: String(node.name), ...(typeof node.date === 'string' ? { date: node.date } : {}) },
    claims,
  };
}

export interface SourceDetail {
  source: EntityView;
  claims: (ClaimView & { fact: { id: string; kind: 'event' | 'relationship'; label: string } })[];
  claimCount: number;
}

/** A source with every claim it supports (capped), each with the fact it supports. */
export async function sourceDetail(id: string, limit: number): Promise<SourceDetail | null> {
  const node = await findNode(id);
  if (!node || node.type !== 'Source') return null;
  const rows = await read<{ about: string; kind: string; total: number }>(
    `MATCH (c:Claim {sourceId: $id}) WITH c ORDER BY c.about, c.seq
     WITH collect(c) AS claims
     UNWIND claims[0..toInteger($limit)] AS c
     RETURN DISTINCT c.about AS about, c.aboutKind AS kind, size(claims) AS total`,
    { id: node.id, limit },
  );
  const facts = await Promise.all(rows.records.map((r) => citationsOf(r.get('about'))));
  // Facts are looked up by real id; withheld ones (protected records) drop out here.
  const claims = facts.flatMap((fact) => (fact ? fact.claims.filter((c) => c.source.id === node.id).map((c) => ({ ...c, fact: { id: fact.fact.id, kind: fact.fact.kind, label: fact.fact.label } })) : []));
  return { source: presentEntity(node, { detail: true }), claims, claimCount: rows.records[0]?.get('total') ?? 0 };
}

/**
 * The part of the graph around `ids` as a Dataset (the file form), for exports of a view:
 * the entities, the relationships among them, and every source their claims cite.
 */
export async function subgraphDataset(ids: string[]): Promise<Dataset> {
  const nodes = (await Promise.all(ids.map((id) => findNode(id)))).filter((n): n is Props => n !== null);
  const realIds = nodes.map((n) => String(n.id));
  const rels = await read<{ r: Props; type: string; from: string; to: string }>(
    `MATCH (a:Entity)-[r]->(b:Entity) WHERE a.id IN $ids AND b.id IN $ids
     RETURN properties(r) AS r, type(r) AS type, a.id AS from, b.id AS to ORDER BY r.id`,
    { ids: realIds },
  );
  const eventIds = nodes.filter((n) => n.type === 'Event').map((n) => String(n.id));
  const claims = await read<{ about: string; c: Props }>(
    'UNWIND $abouts AS about MATCH (c:Claim {about: about}) RETURN about, properties(c) AS c ORDER BY about, c.seq',
    { abouts: [...eventIds, ...rels.records.map((r) => String(r.get('r').id))] },
  );
  const byFact = new Map<string, Relationship['claims']>();
  for (const record of claims.records) {
    const c = record.get('c');
    const list = byFact.get(record.get('about')) ?? [];
    list.push({
      source: String(c.sourceId), locator: String(c.locator), excerpt: String(c.excerpt), confidence: c.confidence as Relationship['claims'][number]['confidence'],
      ...(typeof c.translation === 'string' ? { translation: c.translation } : {}),
      ...(typeof c.date === 'string' ? { date: c.date } : {}),
      ...(typeof c.note === 'string' ? { note: c.note } : {}),
    });
    byFact.set(record.get('about'), list);
  }
  const cited = new Set([...byFact.values()].flat().map((c) => c.source));
  const missingSources = [...cited].filter((id) => !realIds.includes(id));
  const sources = await read<{ s: Props }>('UNWIND $ids AS id MATCH (s:Source {id: id}) RETURN properties(s) AS s', { ids: missingSources });
  const entities: Entity[] = [...nodes, ...sources.records.map((r) => r.get('s'))].map((props) => {
    const entity = propsToEntity(props.type as Entity['type'], props);
    if (entity.type === 'Event') entity.claims = byFact.get(entity.id) ?? [];
    return entity;
  });
  const relationships: Relationship[] = rels.records.map((record) => {
    const r = record.get('r');
    return {
      id: String(r.id), type: record.get('type') as Relationship['type'], from: record.get('from'), to: record.get('to'),
      claims: byFact.get(String(r.id)) ?? [],
      ...(typeof r.role === 'string' ? { role: r.role } : {}),
      ...(typeof r.relation === 'string' ? { relation: r.relation } : {}),
      ...(typeof r.date === 'string' ? { date: r.date } : {}),
    };
  });
  return { kinline: 1, entities, relationships };
}
