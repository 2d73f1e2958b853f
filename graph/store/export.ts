import { keyedPages } from '../db/page.js';
import {
  ENTITY_TYPES,
  RELATIONSHIP_TYPES,
  type Claim,
  type Dataset,
  type Entity,
  type EntityType,
  type Relationship,
} from '../schema/index.js';
import { propsToEntity } from './mapping.js';
import { storedStatements } from './statements-read.js';
import type { StoredIdentities } from '../safety/redact-dataset.js';
import type { StoredGuard } from '../safety/stored-guards.js';
import { ENTITY } from '../vocabulary/entity-types.js';

export interface ClaimProps {
  about: string;
  seq: number;
  sourceId: string;
  locator: string;
  excerpt: string;
  translation: string | null;
  confidence: Claim['confidence'];
  note: string | null;
  date: string | null;
  dateAsWritten?: string | null;
}

export function claimFromProps(props: ClaimProps): Claim {
  const claim: Claim = {
    source: props.sourceId,
    locator: props.locator,
    excerpt: props.excerpt,
    confidence: props.confidence,
  };
  if (props.translation) claim.translation = props.translation;
  if (props.date) claim.date = props.date;
  if (props.dateAsWritten) claim.dateAsWritten = props.dateAsWritten;
  if (props.note) claim.note = props.note;
  return claim;
}

/** A dataset as read from the graph, with the public ids and pseudonyms stored beside its records. */
export interface GraphExport extends StoredIdentities {
  dataset: Dataset;
}

export type Identities = {
  publicIds: Map<string, string>;
  pseudonyms: Map<string, string>;
  guards: Map<string, StoredGuard>;
};

/** Notes the stored public id (and a person's pseudonym) of one record; a missing one stays missing. */
export function noteIdentity(into: Identities, props: Record<string, unknown>): void {
  if (typeof props.publicId === 'string' && props.publicId) into.publicIds.set(String(props.id), props.publicId);
  if (typeof props.pseudonym === 'string' && props.pseudonym) into.pseudonyms.set(String(props.id), props.pseudonym);
  if (typeof props.needs === 'string' || typeof props.detailNeeds === 'string')
    into.guards.set(String(props.id), {
      ...(typeof props.needs === 'string' ? { needs: props.needs } : {}),
      ...(typeof props.detailNeeds === 'string'
        ? { detailNeeds: props.detailNeeds, detailKeys: (props.detailKeys as string[] | null) ?? [] }
        : {}),
    });
}

/** The claims of every event and relationship, in their order (`seq`), read a page at a time. */
async function claimsByRecord(identities: Identities): Promise<Map<string, Claim[]>> {
  const numbered = new Map<string, [number, Claim][]>();
  for await (const page of keyedPages<{ c: ClaimProps }>(
    'MATCH (c:Claim) WHERE c.id > $after RETURN properties(c) AS c, c.id AS key ORDER BY c.id LIMIT $limit',
  ))
    for (const { c } of page) {
      noteIdentity(identities, c as unknown as Record<string, unknown>);
      const list = numbered.get(c.about) ?? [];
      list.push([Number(c.seq), claimFromProps(c)]);
      numbered.set(c.about, list);
    }
  // Ids order "e#10" before "e#2": the claims are put back in the order they were loaded.
  return new Map([...numbered].map(([about, list]) => [about, list.sort((a, b) => a[0] - b[0]).map(([, c]) => c)]));
}

/**
 * The whole graph in the file form, lossless: the entities, relationships and claims exactly as
 * loaded (derived properties are left out). Unredacted: callers outside the trusted CLI must pass
 * it through graph/safety before it leaves the process.
 */
export async function exportDataset(): Promise<Dataset> {
  return (await exportGraph()).dataset;
}

/**
 * The whole graph as exportDataset() gives it, plus every record's stored public id and every
 * person's stored pseudonym: what redaction shows instead of real ids and names (never recomputed
 * here: a record without a stored public id has none, and redaction refuses to show it).
 */
export async function exportGraph(): Promise<GraphExport> {
  const identities: Identities = { publicIds: new Map(), pseudonyms: new Map(), guards: new Map() };
  const claims = await claimsByRecord(identities);
  const statements = await storedStatements(identities);
  const entities: Entity[] = [];
  for (const label of ENTITY_TYPES) {
    for await (const page of keyedPages<{ p: Record<string, unknown> }>(
      `MATCH (n:${label}) WHERE n.id > $after RETURN properties(n) AS p, n.id AS key ORDER BY n.id LIMIT $limit`,
    ))
      for (const { p } of page) {
        const entity = propsToEntity(label as EntityType, p);
        noteIdentity(identities, p);
        if (entity.type === ENTITY.Event) entity.claims = claims.get(entity.id) ?? [];
        const stated = statements.get(entity.id);
        if (stated) entity.statements = stated;
        entities.push(entity);
      }
  }
  const relationships: Relationship[] = [];
  for (const type of RELATIONSHIP_TYPES) {
    for await (const page of keyedPages<{ r: Record<string, unknown>; from: string; to: string }>(
      `MATCH (a)-[r:${type}]->(b) WHERE r.id > $after
       RETURN properties(r) AS r, a.id AS from, b.id AS to, r.id AS key ORDER BY r.id LIMIT $limit`,
    ))
      for (const { r: props, from, to } of page) {
        noteIdentity(identities, props);
        const rel: Relationship = {
          id: props.id as string,
          type,
          from,
          to,
          claims: claims.get(props.id as string) ?? [],
        };
        for (const key of ['role', 'relation', 'date'] as const)
          if (typeof props[key] === 'string') rel[key] = props[key] as string;
        if (props.synthetic === true) rel.synthetic = true;
        relationships.push(rel);
      }
  }
  return { dataset: { kinline: 1, entities, relationships }, ...identities };
}
