import type { Clearance } from '../access/roles.js';
import { read } from '../db/driver.js';
import type { Run } from '../store/load.js';
import { higher } from '../safety/mentions.js';
import { ATTRIBUTE_CLAIM, type Entity, REVISION, type Relationship, type RelationshipType } from '../schema/index.js';
import type { RevisionAction, TargetKind } from '../views/revisions.js';

/**
 * The revision model (graph/README.md, "Revisions"): every write through the API appends one
 * `:Revision` node per record it changes, in the write's own transaction, holding who, when, why,
 * and the record in the file form before and after. A record's `version` is the version of its
 * last revision (its ETag); `(target, version)` is unique, so two writes can never both become
 * version n.
 */

/** A record a write is about: an entity by id, or a relationship by id and type (its index). */
export type Target = { kind: 'entity'; id: string } | { kind: 'relationship'; id: string; type: RelationshipType };

export type Snapshot = Entity | Relationship | null;

export interface RevisionInput {
  target: Target;
  version: number;
  action: RevisionAction;
  author: string;
  reason?: string;
  before: Snapshot;
  after: Snapshot;
  /** The clearance the reason and both states need of a reader (stored guards, mentions). */
  needs: Clearance | undefined;
  /** The clearance the record itself needs to be known: who may see this history at all. */
  targetNeeds: Clearance | undefined;
  revertedTo?: number;
  /** A deleted entity's relationships, deleted with it and restored with it. */
  cascade?: Relationship[];
}

export interface StoredRevision {
  target: string;
  targetKind: TargetKind;
  version: number;
  action: RevisionAction;
  author: string;
  at: string;
  reason: string | null;
  beforeJson: string | null;
  afterJson: string | null;
  needs: Clearance | null;
  targetNeeds: Clearance | null;
  revertedTo: number | null;
  cascadeJson: string | null;
  /** The relationship type, for a relationship's revisions. */
  relationshipType: string | null;
}

const json = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));

async function appendRevision(run: Run, input: RevisionInput, now = new Date()): Promise<void> {
  await run(
    `CREATE (:${REVISION} {id: $id, target: $target, targetKind: $kind, version: toInteger($version), action: $action,
       author: $author, at: $at, reason: $reason, beforeJson: $before, afterJson: $after, needs: $needs,
       targetNeeds: $targetNeeds, revertedTo: $revertedTo, cascadeJson: $cascade, relationshipType: $type})`,
    {
      id: `${input.target.id}@v${input.version}`,
      target: input.target.id,
      kind: input.target.kind,
      version: input.version,
      action: input.action,
      author: input.author,
      at: now.toISOString(),
      reason: input.reason ?? null,
      before: json(input.before),
      after: json(input.after),
      needs: input.needs ?? null,
      targetNeeds: input.targetNeeds ?? null,
      revertedTo: input.revertedTo ?? null,
      cascade: json(input.cascade),
      type: input.target.kind === 'relationship' ? input.target.type : null,
    },
  );
}

/** Cypher for the record a target names, bound to `x` (labels and types from the vocabulary only). */
export const matchTarget = (target: Target, x = 'x') =>
  target.kind === 'entity' ? `MATCH (${x}:Entity {id: $id})` : `MATCH ()-[${x}:${target.type} {id: $id}]->()`;

/** A record under its write lock: its version and its guards before the write. */
export interface Locked extends Guards {
  version: number;
}

/**
 * Takes the record's write lock, then reads its version: a concurrent write holding the lock has
 * committed by then, so the version read is the latest (Neo4j reads committed data; the lock is
 * what makes check-then-write safe). Null when the record is gone.
 */
export async function lockTarget(run: Run, target: Target): Promise<Locked | null> {
  await run(`${matchTarget(target)} SET x.writeLock = true`, { id: target.id });
  const result = await run(`${matchTarget(target)} REMOVE x.writeLock RETURN coalesce(x.version, 0) AS version`, {
    id: target.id,
  });
  const row = result.records[0];
  if (!row) return null;
  return { version: Number(row.get('version')), ...(await guardsOf(run, target)) };
}

/** What a record's parts need of a reader (stored guards, graph/store/protection.ts). */
export interface Guards {
  /** The highest clearance any part needs: the record, its detail fields, its claims, a relationship's ends. */
  needs: Clearance | undefined;
  /** What the record itself needs to be seen (a relationship: with both its ends). */
  targetNeeds: Clearance | undefined;
}

const highest = (levels: unknown) =>
  ((levels ?? []) as (Clearance | null)[]).reduce<Clearance | undefined>(
    (top, level) => higher(top, level ?? undefined),
    undefined,
  );

/** The guards of a stored record, in one statement (a write's transaction runs several). */
export async function guardsOf(run: Run, target: Target): Promise<Guards> {
  const own =
    target.kind === 'relationship'
      ? `MATCH (a)-[x:${target.type} {id: $id}]->(b) WITH x, [x.needs, a.needs, b.needs] AS own`
      : 'MATCH (x:Entity {id: $id}) WITH x, [x.needs] AS own';
  const result = await run(
    `${own}
     OPTIONAL MATCH (c:Claim {about: $id}) WITH x, own, collect(c.needs) AS claims
     OPTIONAL MATCH (s:${ATTRIBUTE_CLAIM} {entity: $id}) WITH x, own, claims, collect(s.needs) + collect(s.valueNeeds) AS stated
     RETURN own, own + [x.detailNeeds] + claims + stated AS levels`,
    { id: target.id },
  );
  const row = result.records[0];
  return { needs: highest(row?.get('levels')), targetNeeds: highest(row?.get('own')) };
}

/** Sets the record's version and appends its revision, in one statement. */
export async function commitRevision(run: Run, input: RevisionInput, now = new Date()): Promise<void> {
  if (input.after) await setVersion(run, input.target, input.version);
  await appendRevision(run, input, now);
}

/** Sets the record's version to that of the revision just written (a load may have changed it). */
async function setVersion(run: Run, target: Target, version: number): Promise<void> {
  await run(`${matchTarget(target)} SET x.version = toInteger($version)`, { id: target.id, version });
}

const REVISION_FIELDS = `r {.target, .targetKind, .version, .action, .author, .at, .reason, .beforeJson, .afterJson,
  .needs, .targetNeeds, .revertedTo, .cascadeJson, .relationshipType}`;

/** The newest revision of a record (a deleted record has one: its delete). */
export async function latestRevision(id: string): Promise<StoredRevision | null> {
  const result = await read<{ r: StoredRevision }>(
    `MATCH (r:${REVISION} {target: $id}) RETURN ${REVISION_FIELDS} AS r ORDER BY r.version DESC LIMIT 1`,
    { id },
  );
  return result.records[0]?.get('r') ?? null;
}

export async function revisionAt(id: string, version: number): Promise<StoredRevision | null> {
  const result = await read<{ r: StoredRevision }>(
    `MATCH (r:${REVISION} {target: $id, version: toInteger($version)}) RETURN ${REVISION_FIELDS} AS r`,
    { id, version },
  );
  return result.records[0]?.get('r') ?? null;
}

/** One page of a record's revisions, newest first: `limit` of those below version `before`. */
export async function revisionsOf(id: string, limit: number, before?: number): Promise<StoredRevision[]> {
  const result = await read<{ r: StoredRevision }>(
    `MATCH (r:${REVISION} {target: $id}) WHERE $before IS NULL OR r.version < toInteger($before)
     RETURN ${REVISION_FIELDS} AS r ORDER BY r.version DESC LIMIT toInteger($limit)`,
    { id, limit, before: before ?? null },
  );
  return result.records.map((row) => row.get('r'));
}
