import { api } from '../api/client.js';
import type { GraphCache } from '../data/graph-cache.js';
import type { TimelineScope } from '../state/view-state.js';
import { ENTITY } from '../../../graph/vocabulary/entity-types.js';

export interface ScopedEntity {
  scope: TimelineScope;
  name: string;
}

/** The timeline a node opens (issue #5): a person's, a family's, a facility's or a border crossing's. */
export async function scopeOfNode(id: string, cache: GraphCache): Promise<ScopedEntity | null> {
  const node =
    cache.nodes.get(id) ??
    (await api
      .entity({ params: { id } })
      .then((d) => d.entity)
      .catch(() => undefined));
  if (!node) return null;
  if (node.type === ENTITY.Person) return { scope: { kind: 'people', ids: [id] }, name: node.name };
  if (node.type === ENTITY.Family) return { scope: { kind: 'family', ids: [id] }, name: node.name };
  if (node.type === ENTITY.Facility) return { scope: { kind: 'facility', ids: [id] }, name: node.name };
  if (node.type === ENTITY.Place && node.kind === 'border-crossing')
    return { scope: { kind: 'crossing', ids: [id] }, name: node.name };
  return null;
}

export const scopeKey = (scope: TimelineScope | undefined) => (scope ? `${scope.kind}:${scope.ids.join(',')}` : '');

export function sameScope(a: TimelineScope | undefined, b: TimelineScope | undefined): boolean {
  return scopeKey(a) === scopeKey(b);
}
