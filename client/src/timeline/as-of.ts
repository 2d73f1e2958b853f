import { MAX_PATTERN_PAGE } from '../../../graph/views/page.js';
import { api } from '../api/client.js';
import type { GraphNode, OrphanedChild, PersonStatus, StatusAsOf } from '../api/types.js';
import { setStatusRule } from '../graph/style.js';
import type { RowBadge } from './labels.js';

export interface AsOfView {
  date: string;
  status: StatusAsOf;
  /** Everyone asked about: those not in `status.people` were free on the date. */
  asked: Set<string>;
  orphans: OrphanedChild[];
  badges: Map<string, RowBadge>;
}

/**
 * The as-of view (issue #5): who of the people on screen was detained, missing or blocked on a
 * date (certainly or possibly), who was free, and which children had every known parent held.
 */
export async function loadAsOf(date: string, personIds: readonly string[]): Promise<AsOfView> {
  const ids = [...new Set(personIds)].slice(0, 500);
  const [status, orphans] = await Promise.all([
    ids.length
      ? api.statusAsOf({ query: { date, ids } })
      : Promise.resolve<StatusAsOf>({ date, people: [], unknown: [] }),
    api.orphanedChildren({ query: { date, limit: MAX_PATTERN_PAGE } }).then((page) => page.items),
  ]);
  const badges = new Map<string, RowBadge>();
  for (const id of ids) if (!status.unknown.includes(id)) badges.set(id, { status: 'free' });
  for (const p of status.people) badges.set(p.id, { status: p.status, certainty: p.certainty });
  for (const o of orphans) {
    const badge = badges.get(o.child.id);
    if (badge) badge.orphaned = o.certainty;
  }
  return { date, status, asked: new Set(ids.filter((id) => !status.unknown.includes(id))), orphans, badges };
}

/** Colours graph nodes by their status on the as-of date; without a date, the API's own status. */
export function applyStatusRule(view: AsOfView | undefined): void {
  if (!view) {
    setStatusRule((node) => node.status);
    return;
  }
  setStatusRule((node: GraphNode): PersonStatus | undefined => {
    const badge = view.badges.get(node.id);
    return badge ? badge.status : node.status;
  });
}
