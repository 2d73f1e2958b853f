import type { Clearance } from '../access/roles.js';
import { read } from '../db/driver.js';
import type { ReadScope } from '../read/scope.js';
import { storedEntity, storedRelationship } from '../revisions/snapshot.js';
import { guardsOf, latestRevision, revisionsOf, type StoredRevision, type Target } from '../revisions/store.js';
import type { History, RevisionView, TargetKind } from '../views/revisions.js';
import { notFound } from './refused.js';
import { readableRevision } from './revision-access.js';

const run = (cypher: string, params?: Record<string, unknown>) => read(cypher, params);

interface Current {
  version: number;
  deleted: boolean;
  /** The guards of the record as stored now (undefined: deleted, or nothing protected). */
  liveNeeds?: Clearance;
}

/**
 * Where a record stands for this reader: live and readable by real id, or deleted with a history
 * they may know of. Anything else is "not found", as for the read routes.
 */
async function current(scope: ReadScope, kind: TargetKind, id: string): Promise<Current> {
  if (kind === 'entity') {
    const stored = await storedEntity(id);
    if (stored) {
      if (!scope.mayRead(stored.props) || !scope.mayKnow(stored.props)) throw notFound(kind);
      // The answer names the record by its real id: for a protected one, a read by name (audited).
      scope.visibleId(stored.props);
      const target: Target = { kind, id };
      return {
        version: Number(stored.props.version ?? 0),
        deleted: false,
        liveNeeds: (await guardsOf(run, target)).needs,
      };
    }
  } else {
    const stored = await storedRelationship(id);
    if (stored) {
      const readable =
        scope.relationshipReadable(stored.props, stored.from, stored.to) &&
        scope.mayKnow(stored.from) &&
        scope.mayKnow(stored.to);
      if (!readable) throw notFound(kind);
      scope.relationshipId(stored.props, stored.from, stored.to);
      const target: Target = { kind, id, type: stored.type };
      return {
        version: Number(stored.props.version ?? 0),
        deleted: false,
        liveNeeds: (await guardsOf(run, target)).needs,
      };
    }
  }
  const last = await latestRevision(id);
  if (!last || last.targetKind !== kind || last.action !== 'delete' || !readableRevision(scope, last).target)
    throw notFound(kind);
  if (last.targetNeeds) scope.namedProtected.add(id);
  return { version: last.version, deleted: true };
}

function viewOf(scope: ReadScope, revision: StoredRevision, liveNeeds: Clearance | undefined): RevisionView {
  const view: RevisionView = {
    version: revision.version,
    action: revision.action,
    author: revision.author,
    at: revision.at,
    ...(revision.revertedTo === null || revision.revertedTo === undefined ? {} : { revertedTo: revision.revertedTo }),
  };
  if (!readableRevision(scope, revision, liveNeeds).content) return { ...view, withheld: true };
  // A cleared reader shown a protected record's states reads it by name: audited as such.
  if (revision.needs || liveNeeds) scope.namedProtected.add(revision.target);
  return {
    ...view,
    ...(revision.reason ? { reason: revision.reason } : {}),
    before: revision.beforeJson ? JSON.parse(revision.beforeJson) : null,
    after: revision.afterJson ? JSON.parse(revision.afterJson) : null,
  };
}

/** GET /api/{entities,relationships}/:id/history: every revision, newest first, as this reader may see it. */
export async function historyOf(
  scope: ReadScope,
  kind: TargetKind,
  id: string,
  page: { limit: number; before?: number },
): Promise<History> {
  const now = await current(scope, kind, id);
  const rows = await revisionsOf(id, page.limit + 1, page.before);
  const shown = rows.slice(0, page.limit);
  return {
    id,
    kind,
    version: now.version,
    deleted: now.deleted,
    revisions: shown.map((r) => viewOf(scope, r, now.liveNeeds)),
    nextBefore: rows.length > page.limit ? (shown.at(-1)?.version ?? null) : null,
  };
}

/** The version (ETag) of a live record this reader may read by real id; null otherwise. */
export async function versionFor(scope: ReadScope, kind: TargetKind, id: string): Promise<number | null> {
  if (kind === 'entity') {
    const stored = await read<{ n: Record<string, unknown> }>('MATCH (n:Entity {id: $id}) RETURN properties(n) AS n', {
      id,
    });
    const props = stored.records[0]?.get('n');
    return props && scope.mayRead(props) && scope.mayKnow(props) ? Number(props.version ?? 0) : null;
  }
  const stored = await storedRelationship(id);
  return stored && scope.relationshipReadable(stored.props, stored.from, stored.to)
    ? Number(stored.props.version ?? 0)
    : null;
}
