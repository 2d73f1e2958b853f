import type { Clearance } from '../access/roles.js';
import { read, writeTransaction } from '../db/driver.js';
import type { ReadScope } from '../read/scope.js';
import { commitRevision, guardsOf, type Locked, lockTarget, type Snapshot, type Target } from '../revisions/store.js';
import { higher, type MentionMatcher } from '../safety/mentions.js';
import type { DatasetInput, EntityType, Relationship } from '../schema/index.js';
import { loadDataset, type Run } from '../store/load.js';
import { generationStep, NEW_GENERATION } from '../db/generation.js';
import { matcherFor, protectionContext } from '../store/protection.js';
import { advanced, invalidateProtectionCache } from '../store/protection-cache.js';
import { ValidationError, validateDataset } from '../store/validate.js';
import type { RevisionAction } from '../views/revisions.js';
import { stale, WriteRefused } from './refused.js';

/** One change to one record, as its revision will tell it. */
export interface Change {
  target: Target;
  action: RevisionAction;
  author: string;
  reason?: string;
  before: Snapshot;
  after: Snapshot;
  /** The version the writer read (If-Match); absent for a create or a restore. */
  expected?: number;
  /** The version this change becomes: the next after `expected`, or after the last revision. */
  version: number;
  revertedTo?: number;
  cascade?: Relationship[];
}

/**
 * Entities a writer may reference (endpoints, sources): those they may read by real id. Any other
 * id is "unknown", exactly as one that exists nowhere, so a write tells nothing about a withheld record.
 */
export const referencesFor =
  (scope: ReadScope | null) =>
  async (ids: string[]): Promise<Map<string, EntityType>> => {
    const rows = await read<{ n: Record<string, unknown> }>(
      'UNWIND $ids AS id MATCH (n:Entity {id: id}) RETURN properties(n) AS n',
      { ids },
    );
    return new Map(
      rows.records
        .map((row) => row.get('n'))
        .filter((n) => !scope || (scope.mayRead(n) && scope.mayKnow(n)))
        .map((n) => [String(n.id), n.type as EntityType]),
    );
  };

/** A problem of the one-record fragment, named as the request body's field (`body.claims`). */
const asBodyPath = (path: string) => path.replace(/^(entities|relationships)\[\d+\]\.?/, 'body.').replace(/\.$/, '');

async function checked(fragment: DatasetInput, scope: ReadScope | null) {
  try {
    return await validateDataset(fragment, '<request>', referencesFor(scope));
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    const details = error.problems.map((p) => ({ path: asBodyPath(p.path), message: p.message }));
    throw new WriteRefused(400, 'invalid_request', `Invalid ${details.map((d) => d.path).join(', ')}`, details);
  }
}

/** Refuses a change whose record moved on since the writer read it; the lock is held until commit. */
async function expectVersion(run: Run, change: Change): Promise<Locked | null> {
  if (change.expected === undefined) return null;
  const locked = await lockTarget(run, change.target);
  if (!locked) throw stale(0);
  if (locked.version !== change.expected) throw stale(locked.version);
  return locked;
}

/** Writes the change's revision and the record's new version, in the write's transaction. */
async function recordRevision(run: Run, change: Change, locked: Locked | null, mentions: () => MentionMatcher) {
  const after = change.after ? await guardsOf(run, change.target) : undefined;
  const targetNeeds = change.after ? after?.targetNeeds : locked?.targetNeeds;
  const reason = change.reason ? mentions().needs(change.reason) : undefined;
  const needs: Clearance | undefined = higher(higher(locked?.needs, after?.needs), reason);
  await commitRevision(run, { ...change, needs, targetNeeds });
}

const CONSTRAINT = 'Neo.ClientError.Schema.ConstraintValidationFailed';

/** A unique constraint hit by a concurrent write: the record (or its revision) was taken meanwhile. */
function raced(error: unknown, change: Change): never {
  if ((error as { code?: string } | null)?.code !== CONSTRAINT) throw error;
  if (change.expected !== undefined) throw stale(change.expected + 1);
  throw new WriteRefused(409, 'id_taken', 'That id is taken; choose another.', [{ path: 'body.id', message: 'taken' }]);
}

/**
 * Loads the change's record (the file form, validated as a dataset of one) and its revision in one
 * transaction: all of it lands, or none of it (a refused or failed write leaves graph and history
 * as they were). `scope` limits the references to what the writer may read; null for a restore.
 */
export async function commitLoad(
  change: Change,
  fragment: DatasetInput,
  scope: ReadScope | null,
  extra: Change[] = [],
): Promise<void> {
  const data = await checked(fragment, scope);
  let locked: Locked | null = null;
  try {
    await loadDataset(data, {
      around: {
        before: async (run) => {
          locked = await expectVersion(run, change);
        },
        after: async (run, mentions) => {
          await recordRevision(run, change, locked, mentions);
          for (const more of extra) await recordRevision(run, more, null, mentions);
        },
      },
    });
  } catch (error) {
    raced(error, change);
  }
}

/** The reason's mentions, for a change that loads nothing (a delete). */
async function matcher(): Promise<MentionMatcher> {
  const none = { kinline: 1 as const, entities: [], relationships: [] };
  return matcherFor(none, await protectionContext(none, new Map(), false));
}

/**
 * Runs a change that loads nothing (a soft delete): `work` removes the record under its lock,
 * then the revisions of the change and of what it took with it are written, all in one transaction.
 */
export async function commitRemoval(
  change: Change,
  work: (run: Run, locked: Locked) => Promise<{ change: Change; locked: Locked }[]>,
): Promise<void> {
  const mentions = change.reason ? await matcher() : null;
  let step: ReturnType<typeof generationStep> | undefined;
  try {
    await writeTransaction(async (run) => {
      const locked = await expectVersion(run, change);
      if (!locked) throw new Error('graph/write: a removal needs the version the writer read');
      const cascade = await work(run, locked);
      const matcherOf = () => mentions!;
      for (const more of cascade) await recordRevision(run, more.change, more.locked, matcherOf);
      await recordRevision(run, change, locked, matcherOf);
      // A removed person no longer protects (or, public, overrules) a name: caches keyed by the
      // generation must see the change.
      step = generationStep(await run(NEW_GENERATION));
    });
  } catch (error) {
    raced(error, change);
  }
  if (step && change.target.kind === 'relationship') advanced(step.before, step.after, []);
  else invalidateProtectionCache();
}
