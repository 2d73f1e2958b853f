import { MAX_PATTERN_PAGE } from '../../../graph/views/page.js';
import { api } from '../api/client.js';
import type { GraphNode, OrphanedChild, PersonStatus, StatusAsOf } from '../api/types.js';
import { setStatusRule } from '../graph/style.js';
import type { RowBadge } from './labels.js';

export interface AsOfView {
  date: string;
  status: StatusAsOf;
  /** Everyone asked about who names a person (each is in `status.people`, in one of four states). */
  asked: Set<string>;
  orphans: OrphanedChild[];
  badges: Map<string, RowBadge>;
}

/**
 * The as-of view (issue #5): who of the people on screen was detained, missing or blocked on a
 * date (certainly or possibly), who a source says was free, whose state is unknown, and which children had every known parent held.
 */
export async function loadAsOf(date: string, personIds: readonly string[]): Promise<AsOfView> {
  const ids = [...new Set(personIds)].slice(0, 500);
  const [status, orphans] = await Promise.all([
    ids.length
      ? api.statusAsOf({ query: { date, ids } })
      : Promise.resolve<StatusAsOf>({ date, people: [], notFound: [] }),
    api.orphanedChildren({ query: { date, limit: MAX_PATTERN_PAGE } }).then((page) => page.items),
  ]);
  const badges = new Map<string, RowBadge>();
  // Only the API's state: a person it says nothing "free" about is never drawn free.
  for (const p of status.people) badges.set(p.id, { state: p.state, ...(p.status ? { status: p.status } : {}) });
  for (const o of orphans) {
    const badge = badges.get(o.child.id);
    if (badge) badge.orphaned = o.certainty;
  }
  return { date, status, asked: new Set(status.people.map((p) => p.id)), orphans, badges };
}

/** Colours graph nodes by their status on the as-of date; without a date, the API's own status. */
export function applyStatusRule(view: AsOfView | undefined): void {
  if (!view) {
    setStatusRule((node) => node.status);
    return;
  }
  setStatusRule((node: GraphNode): PersonStatus | undefined => {
    const badge = view.badges.get(node.id);
    if (!badge) return node.status;
    // Unknown on the date: no ring at all, rather than the colour of freedom.
    return badge.state === 'free' ? 'free' : badge.status;
  });
}
