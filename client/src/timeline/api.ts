/**
 * The timeline, status and pattern routes as the client calls them. Shapes come from the server's
 * own modules (type-only imports, erased at build), so they are never retyped here.
 */
import type { Timeline, TimelineItem, TimelineGroup } from '../../../graph/queries/timeline.js';
import type { StatusAsOf, PersonStatusOn } from '../../../graph/queries/status-as-of.js';
import type { OrphanedChild } from '../../../graph/patterns/orphaned-children.js';
import type { CrossingDetentionPage } from '../../../graph/patterns/crossing-detentions.js';
import type { DetentionCascade } from '../../../graph/patterns/detention-cascades.js';
import type { CoDetentionPage } from '../../../graph/patterns/co-detention.js';
import type { StaleStatus, StaleStatusPage } from '../../../graph/patterns/stale-status.js';
import type { PatternPage } from '../../../graph/db/page.js';
import type { TimelineScope } from '../state/view-state.js';

export type {
  Timeline,
  TimelineItem,
  TimelineGroup,
  StatusAsOf,
  PersonStatusOn,
  OrphanedChild,
  CrossingDetentionPage,
  DetentionCascade,
  CoDetentionPage,
  StaleStatus,
  StaleStatusPage,
  PatternPage,
};

type Params = Record<string, string | number | undefined>;

async function getJson<T>(path: string, params: Params): Promise<T> {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    if (value !== undefined && value !== '') query.set(key, String(value));
  const response = await fetch(`/api${path}?${query}`, { headers: { accept: 'application/json' } });
  const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
  if (!response.ok) throw new Error(body?.error?.message ?? `${response.status} ${response.statusText}`);
  return body as T;
}

/** Items fetched per timeline request; the API allows up to 5,000 and says when it truncated. */
export const TIMELINE_LIMIT = 5000;

export const timelineApi = {
  timeline: (scope: TimelineScope, window: { from?: string; to?: string } = {}) =>
    getJson<Timeline>('/timeline', {
      [scope.kind]: scope.ids.join(','),
      from: window.from,
      to: window.to,
      limit: TIMELINE_LIMIT,
    }),
  statusAsOf: (date: string, ids: readonly string[]) =>
    getJson<StatusAsOf>('/status-as-of', { date, ids: ids.join(',') }),
  orphanedChildren: (date: string) =>
    getJson<PatternPage<OrphanedChild>>('/patterns/orphaned-children', { date, limit: 200 }),
  crossingDetentions: (p: { crossing: string; days: number; from?: string; to?: string }) =>
    getJson<CrossingDetentionPage>('/patterns/crossing-detentions', { ...p, limit: 200 }),
  detentionCascades: (p: { days: number; from?: string; to?: string }) =>
    getJson<PatternPage<DetentionCascade>>('/patterns/detention-cascades', { ...p, limit: 200 }),
  coDetention: (p: { facility?: string }) => getJson<CoDetentionPage>('/patterns/co-detention', { ...p, limit: 200 }),
  staleStatus: (p: { months: number; asOf?: string }) =>
    getJson<StaleStatusPage>('/patterns/stale-status', { ...p, limit: 200 }),
};
