import type { QueryResult } from 'neo4j-driver';
import { read, write, writeTransaction } from '../db/driver.js';
import { nodeCount } from './admin.js';
import { generationStep, NEW_GENERATION } from '../db/generation.js';
import { ENTITY, RELATIONSHIP_TYPES, type Dataset } from '../schema/index.js';
import { loadPlan, type Existing, type Step } from './load-plan.js';
import { claimCount, claimedFacts } from './facts.js';
import { matcherFor, protectDataset, protectionContext, raisedByDataset } from './protection.js';
import {
  advanced,
  invalidateProtectionCache,
  PEOPLE_FIELDS,
  protectionCached,
  type StoredPerson,
  storedPerson,
} from './protection-cache.js';
import type { MentionMatcher } from '../safety/mentions.js';
import { publishedBy } from './published.js';
import { publicationLatest } from '../dates/close.js';
import { type CheckedDataset, labelsOf } from './validate.js';
import {
  BATCH_DONE,
  fingerprintOf,
  IncompleteImportError,
  incompleteImport,
  RUN_COMPLETE,
  START_RUN,
} from './import-run.js';

export interface LoadSummary {
  file: string;
  entities: number;
  relationships: number;
  claims: number;
  created: { nodes: number; relationships: number };
  propertiesSet: number;
  /** How it was written: `single` can fall back to `batched` above SINGLE_TRANSACTION_MAX_ROWS. */
  transaction: 'single' | 'batched';
}

export interface LoadOptions {
  file?: string;
  batchSize?: number;
  /**
   * `single` (default): the whole file in one transaction, all or nothing - up to
   * SINGLE_TRANSACTION_MAX_ROWS rows; larger files are written `batched` (see there).
   * `batched`: one transaction per batch, for very large files; re-running resumes, since
   * every write is keyed on a stable id (CREATE for what is new, MERGE for what exists).
   */
  transaction?: 'single' | 'batched';
  /** Called after each batch with the rows written so far (for progress bars). */
  onProgress?: (rowsDone: number, rowsTotal: number) => void;
  /**
   * A caller's own statements in the load's transaction (graph/write: the version check before,
   * the revision after), so a write and its revision land together or not at all. `single` only.
   */
  around?: AroundLoad;
}

export interface AroundLoad {
  before?: (run: Run) => Promise<void>;
  /** `mentions`: the clearance a text needs for the protected people it names (the load's matcher, made when asked). */
  after?: (run: Run, mentions: () => MentionMatcher) => Promise<void>;
}

export type Run = (cypher: string, params?: Record<string, unknown>) => Promise<QueryResult>;

const LOOKUP_BATCH = 50_000;

/**
 * Neo4j keeps a transaction's changes on its heap until commit. 10,000 generated people
 * (~190,000 rows: entities, relationships, claims) fit in one transaction in a 2 GiB heap;
 * 100,000 people do not, and the embedded server exits on OutOfMemoryError. Above this many
 * rows, 'single' is written batched: validation has already passed, so a batch can only fail
 * for the database's own reasons, and re-running the load completes it (graph/README.md).
 */
export const SINGLE_TRANSACTION_MAX_ROWS = 250_000;

/** id → public id of the given ids that `cypher` finds. */
async function idsFound(cypher: string, ids: string[]): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  for (let i = 0; i < ids.length; i += LOOKUP_BATCH) {
    const result = await read<{ id: string; publicId: string }>(cypher, { ids: ids.slice(i, i + LOOKUP_BATCH) });
    for (const record of result.records) found.set(record.get('id'), record.get('publicId'));
  }
  return found;
}

/** Publication days of the stored sources the dataset cites but does not hold (published.ts). */
async function storedPublication(data: Dataset): Promise<Map<string, string>> {
  const held = new Set(data.entities.filter((e) => e.type === ENTITY.Source).map((e) => e.id));
  const cited = new Set(claimedFacts(data).flatMap((f) => f.claims.map((c) => c.source)));
  const ids = [...cited].filter((id) => !held.has(id));
  const days = new Map<string, string>();
  for (const [id, date] of await idsFound(
    `UNWIND $ids AS id MATCH (s:${ENTITY.Source} {id: id}) WHERE s.date IS NOT NULL RETURN id, s.date AS publicId`,
    ids,
  )) {
    const latest = publicationLatest(date);
    if (latest) days.set(id, latest);
  }
  return days;
}

/** Which of the dataset's records the graph already holds; an empty graph answers at once (count store). */
async function existingRecords(data: Dataset, empty: boolean): Promise<Existing> {
  if (empty)
    return { entities: new Map(), relationships: new Map(), claimsAbout: new Set(), published: publishedBy(data) };
  const relationships = new Map<string, string>();
  for (const type of RELATIONSHIP_TYPES) {
    const ids = data.relationships.filter((r) => r.type === type).map((r) => r.id);
    if (ids.length > 0)
      for (const [id, publicId] of await idsFound(
        `UNWIND $ids AS id MATCH ()-[r:${type} {id: id}]->() RETURN id, r.publicId AS publicId`,
        ids,
      ))
        relationships.set(id, publicId);
  }
  const abouts = [
    ...data.entities.filter((e) => e.type === ENTITY.Event).map((e) => e.id),
    ...data.relationships.map((r) => r.id),
  ];
  return {
    entities: await idsFound(
      'UNWIND $ids AS id MATCH (n:Entity {id: id}) RETURN id, n.publicId AS publicId',
      data.entities.map((e) => e.id),
    ),
    relationships,
    claimsAbout: new Set(
      (
        await idsFound(
          'UNWIND $ids AS id MATCH (c:Claim {about: id}) WITH DISTINCT id RETURN id, null AS publicId',
          abouts,
        )
      ).keys(),
    ),
    published: publishedBy(data, await storedPublication(data)),
  };
}

/**
 * Writes a validated dataset with batched UNWINDs (see load-plan.ts). Idempotent. It takes the
 * validator's CheckedDataset and does not validate again (graph/store/check.ts checks raw input).
 */
export async function loadDataset(data: CheckedDataset, options: LoadOptions = {}): Promise<LoadSummary> {
  const file = options.file ?? '<input>';
  const fingerprint = fingerprintOf(file, data);
  const incomplete = await incompleteImport();
  if (incomplete && incomplete.fingerprint !== fingerprint) throw new IncompleteImportError(incomplete);
  const empty = (await nodeCount()) === 0;
  const existing = await existingRecords(data, empty);
  const context = await protectionContext(data, new Map([...existing.entities, ...existing.relationships]), empty);
  const protection = { guard: protectDataset(data, context), raised: await raisedByDataset(data, context) };
  const plan = loadPlan(data, labelsOf(data), existing, protection, options.batchSize ?? 10_000);
  const totals = { nodesCreated: 0, relationshipsCreated: 0, propertiesSet: 0 };
  const rowsTotal = plan.rows;
  let rowsDone = 0;
  const record = (rows: number, updates: Record<string, number>) => {
    rowsDone = Math.min(rowsTotal, rowsDone + rows);
    options.onProgress?.(rowsDone, rowsTotal);
    totals.nodesCreated += updates.nodesCreated ?? 0;
    totals.relationshipsCreated += updates.relationshipsCreated ?? 0;
    totals.propertiesSet += updates.propertiesSet ?? 0;
  };
  const run = { file, fingerprint, finishedAt: '' };
  // Each step is sent before the next one is mapped, so Node prepares batch n+1 while Neo4j
  // writes batch n (two cores: one each). `step` runs one step (batched: in its own transaction).
  const apply = async (step: (cypher: string, params: Step['params'], n: number) => ReturnType<Run>) => {
    const steps = plan.steps()[Symbol.iterator]();
    for (let current = steps.next(), n = 1; !current.done; n++) {
      const { cypher, params } = current.value;
      const pending = step(cypher, params, n);
      current = steps.next();
      record(params.rows.length, (await pending).summary.counters.updates());
    }
  };
  let step: ReturnType<typeof generationStep> | undefined;
  let written: StoredPerson[] = [];
  const transaction =
    options.transaction === 'batched' || rowsTotal > SINGLE_TRANSACTION_MAX_ROWS ? 'batched' : 'single';
  if (transaction === 'batched' && options.around) throw new Error('graph/store: `around` needs a single transaction');
  if (transaction === 'batched') {
    // Between batches the graph is neither before nor after: nothing cached may stand for it.
    invalidateProtectionCache();
    try {
      await write(START_RUN, { ...run, startedAt: new Date().toISOString(), rows: rowsTotal });
      await apply((cypher, params, n) =>
        writeTransaction(async (tx) => {
          const written = await tx(cypher, params);
          await tx(BATCH_DONE, { batch: n, rowsDone: Math.min(rowsTotal, rowsDone + params.rows.length) });
          return written;
        }),
      );
      await writeTransaction(async (tx) => {
        await tx(NEW_GENERATION);
        await tx(RUN_COMPLETE, { ...run, finishedAt: new Date().toISOString() });
      });
    } finally {
      invalidateProtectionCache();
    }
  } else {
    await writeTransaction(async (tx) => {
      Object.assign(totals, { nodesCreated: 0, relationshipsCreated: 0, propertiesSet: 0 });
      rowsDone = 0;
      await options.around?.before?.(tx);
      await apply((cypher, params) => tx(cypher, params));
      step = generationStep(await tx(NEW_GENERATION));
      // The dataset's people as stored now, read in the load's transaction for the protection cache.
      const ids = data.entities.filter((e) => e.type === ENTITY.Person).map((e) => e.id);
      written =
        ids.length && protectionCached()
          ? (
              await tx(`UNWIND $ids AS id MATCH (p:${ENTITY.Person} {id: id}) RETURN ${PEOPLE_FIELDS}`, { ids })
            ).records.map(storedPerson)
          : [];
      await options.around?.after?.(tx, () => matcherFor(data, context));
      // A single transaction that completes an interrupted batched run of the same data says so.
      if (incomplete) await tx(RUN_COMPLETE, { ...run, finishedAt: new Date().toISOString() });
    });
    // Guards raised on stored records: rare, and the cache is rebuilt rather than reasoned about.
    const raisedAny = Object.values(protection.raised).some((list) => list.length > 0);
    if (step && !raisedAny) advanced(step.before, step.after, written);
    else invalidateProtectionCache();
  }
  return {
    file,
    entities: data.entities.length,
    relationships: data.relationships.length,
    claims: claimCount(claimedFacts(data)),
    created: { nodes: totals.nodesCreated, relationships: totals.relationshipsCreated },
    propertiesSet: totals.propertiesSet,
    transaction,
  };
}
