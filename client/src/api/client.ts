import type { EntityDetail, EntityType, FamilyTree, Health, Neighbourhood, Paths, SearchPage } from './types.js';

/** An API failure in the one error shape the server uses: {error: {code, message}}. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
  /** True when the database (not the request) is the problem: the banner says so. */
  get databaseDown(): boolean {
    return this.status === 503 || this.code === 'database_unavailable' || this.code === 'network';
  }
}

type Listener = (error: ApiError) => void;
const failureListeners = new Set<Listener>();
const successListeners = new Set<() => void>();

/** The banner listens here: any call failing because the database is down raises it. */
export function onApiFailure(listener: Listener): void {
  failureListeners.add(listener);
}
export function onApiSuccess(listener: () => void): void {
  successListeners.add(listener);
}

async function getJson<T>(
  path: string,
  params: Record<string, string | number | boolean | undefined> = {},
): Promise<T> {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    if (value !== undefined && value !== '') query.set(key, String(value));
  const url = `/api${path}${query.size ? `?${query}` : ''}`;
  let response: Response;
  try {
    response = await fetch(url, { headers: { accept: 'application/json' } });
  } catch {
    const error = new ApiError(0, 'network', 'The Kinline server cannot be reached.');
    failureListeners.forEach((l) => {
      l(error);
    });
    throw error;
  }
  const body = (await response.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
  if (!response.ok) {
    const error = new ApiError(
      response.status,
      body?.error?.code ?? `http_${response.status}`,
      body?.error?.message ?? response.statusText,
    );
    if (error.databaseDown)
      failureListeners.forEach((l) => {
        l(error);
      });
    throw error;
  }
  successListeners.forEach((l) => {
    l();
  });
  return body as T;
}

const list = (values?: readonly string[]) => (values?.length ? values.join(',') : undefined);

export interface NeighbourhoodQuery {
  ids: readonly string[];
  depth?: number;
  types?: readonly EntityType[];
  relTypes?: readonly string[];
  minConfidence?: string;
  from?: string;
  to?: string;
  limit?: number;
}

export const api = {
  health: () => getJson<Health>('/health'),
  search: (q: string, options: { types?: readonly EntityType[]; limit?: number; offset?: number } = {}) =>
    getJson<SearchPage>('/search', { q, types: list(options.types), limit: options.limit, offset: options.offset }),
  entity: (id: string) => getJson<EntityDetail>(`/entities/${encodeURIComponent(id)}`),
  neighbourhood: (q: NeighbourhoodQuery) =>
    getJson<Neighbourhood>('/neighbourhood', {
      ids: q.ids.join(','),
      depth: q.depth,
      types: list(q.types),
      relTypes: list(q.relTypes),
      minConfidence: q.minConfidence,
      from: q.from,
      to: q.to,
      limit: q.limit,
    }),
  paths: (from: string, to: string, options: { maxHops?: number; kinshipOnly?: boolean } = {}) =>
    getJson<Paths>('/paths', { from, to, maxHops: options.maxHops, kinshipOnly: options.kinshipOnly }),
  family: (id: string, generations = 2) => getJson<FamilyTree>(`/family/${encodeURIComponent(id)}`, { generations }),
  /** Raw text of an export route (citations, GraphML): null when the route does not exist yet. */
  async text(path: string): Promise<string | null> {
    const response = await fetch(`/api${path}`).catch(() => null);
    return response?.ok ? response.text() : null;
  },
};
