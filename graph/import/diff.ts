import { read } from '../db/driver.js';
import { propsToEntity, relationshipToProps, UNGUARDED } from '../store/mapping.js';
import { ENTITY_TYPES, RELATIONSHIP_TYPES, type Claim, type Dataset, type Statement } from '../schema/index.js';
import { storedStatements } from '../store/statements-read.js';
import { ENTITY } from '../vocabulary/entity-types.js';
import { DEFAULT_CONFIDENCE } from '../vocabulary/confidence.js';

export type Outcome = 'created' | 'updated' | 'unchanged';
export interface TypeSummary {
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
}
export type ImportSummary = Record<string, TypeSummary>;

const chunk = <T>(rows: T[], size = 5_000) =>
  Array.from({ length: Math.ceil(rows.length / size) }, (_, i) => rows.slice(i * size, (i + 1) * size));

/** A canonical string of a property map: key order and absent-vs-null do not matter. */
function canonical(props: Record<string, unknown>, only?: Set<string>): string {
  const keys = Object.keys(props)
    .filter((k) => props[k] !== null && props[k] !== undefined && (!only || only.has(k)))
    .sort();
  return JSON.stringify(keys.map((k) => [k, props[k]]));
}

const RELATIONSHIP_FIELDS = new Set(['role', 'relation', 'date', 'synthetic']);

/**
 * Compares the fields a file gives (`fields`) as stored with what the loader would store. Keys the
 * store derives (public ids, guards, search text, pseudonyms) are not compared: they are not the
 * record's, and some are random.
 */
function sameFields(stored: Record<string, unknown>, next: Record<string, unknown>, fields: Set<string>): boolean {
  return canonical(stored, fields) === canonical(next, fields);
}

/** The record as the file gives it (claims are compared on their own). */
const fileRecord = (entity: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(entity).filter(([k]) => k !== 'claims' && k !== 'statements'));

/** Statements compared as the loader stores them: rank normal when left out, claims by claimKey. */
const statementsKey = (statements: readonly Statement[] | undefined) =>
  (statements ?? [])
    .map((s) =>
      canonical({
        field: s.field,
        value: JSON.stringify(s.value),
        rank: s.rank ?? 'normal',
        claims: claimsKey(s.claims),
      }),
    )
    .join('\n');

const claimKey = (c: {
  source?: string;
  sourceId?: string;
  locator: string;
  excerpt: string;
  translation?: string | null;
  confidence?: string;
  note?: string | null;
  date?: string | null;
}) =>
  canonical({
    source: c.source ?? c.sourceId,
    locator: c.locator,
    excerpt: c.excerpt,
    translation: c.translation,
    confidence: c.confidence ?? DEFAULT_CONFIDENCE,
    note: c.note,
    date: c.date,
  });

async function storedClaims(ids: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const batch of chunk(ids)) {
    const rows = await read<{ about: string; claims: Record<string, string>[] }>(
      'UNWIND $ids AS id MATCH (c:Claim {about: id}) WITH id, c ORDER BY c.seq RETURN id AS about, collect(properties(c)) AS claims',
      { ids: batch },
    );
    for (const r of rows.records)
      out.set(
        r.get('about'),
        r
          .get('claims')
          .map((c) => claimKey(c as never))
          .join('\n'),
      );
  }
  return out;
}

const claimsKey = (claims: Claim[]) => claims.map(claimKey).join('\n');

/**
 * What loading `data` would do to each record: create it, change it, or leave it as it is.
 * Compares the node and relationship properties the loader would SET, and the claims.
 */
export async function compareWithGraph(data: Dataset): Promise<ImportSummary> {
  const summary: ImportSummary = {};
  const bump = (type: string, outcome: Outcome) => {
    summary[type] ??= { created: 0, updated: 0, unchanged: 0, rejected: 0 };
    summary[type][outcome]++;
  };
  const aboutIds = [
    ...data.entities.filter((e) => e.type === ENTITY.Event).map((e) => e.id),
    ...data.relationships.map((r) => r.id),
  ];
  const claims = aboutIds.length ? await storedClaims(aboutIds) : new Map<string, string>();
  const stated = await storedStatements(
    { publicIds: new Map(), pseudonyms: new Map(), guards: new Map() },
    data.entities.map((e) => e.id),
  );
  for (const label of ENTITY_TYPES) {
    const entities = data.entities.filter((e) => e.type === label);
    const stored = new Map<string, Record<string, unknown>>();
    for (const batch of chunk(entities.map((e) => e.id))) {
      const rows = await read<{ id: string; p: Record<string, unknown> }>(
        `UNWIND $ids AS id MATCH (n:${label} {id: id}) RETURN n.id AS id, properties(n) AS p`,
        { ids: batch },
      );
      for (const r of rows.records) stored.set(r.get('id'), r.get('p'));
    }
    for (const entity of entities) {
      const before = stored.get(entity.id);
      const sameClaims =
        (entity.type !== ENTITY.Event || claims.get(entity.id) === claimsKey(entity.claims)) &&
        statementsKey(stated.get(entity.id)) === statementsKey(entity.statements);
      bump(
        label,
        before === undefined
          ? 'created'
          : canonical(fileRecord(propsToEntity(label, before))) === canonical(fileRecord(entity)) && sameClaims
            ? 'unchanged'
            : 'updated',
      );
    }
  }
  for (const type of RELATIONSHIP_TYPES) {
    const rels = data.relationships.filter((r) => r.type === type);
    const stored = new Map<string, Record<string, unknown>>();
    for (const batch of chunk(rels.map((r) => r.id))) {
      const rows = await read<{ id: string; p: Record<string, unknown>; from: string; to: string }>(
        `UNWIND $ids AS id MATCH (a)-[r:${type} {id: id}]->(b) RETURN r.id AS id, properties(r) AS p, a.id AS from, b.id AS to`,
        { ids: batch },
      );
      for (const r of rows.records) stored.set(r.get('id'), { ...r.get('p'), _from: r.get('from'), _to: r.get('to') });
    }
    for (const rel of rels) {
      const before = stored.get(rel.id);
      const now = { ...relationshipToProps(rel, UNGUARDED), _from: rel.from, _to: rel.to };
      bump(
        type,
        before === undefined
          ? 'created'
          : sameFields(before, now, RELATIONSHIP_FIELDS) && claims.get(rel.id) === claimsKey(rel.claims)
            ? 'unchanged'
            : 'updated',
      );
    }
  }
  return summary;
}
