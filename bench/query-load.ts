/**
 * Query API under load (issue 7 §2): each route through HTTP with autocannon, and side by side
 * the same route's query function (its handler: same Cypher, same driver, no HTTP, Express or
 * JSON) called directly with the same concurrency. Latencies in ms.
 */
import { ANONYMOUS, type Reader } from '../graph/access/roles.js';
import { type ReadScope, scopeFor } from '../graph/read/scope.js';
import { spawn, type ChildProcess } from 'node:child_process';
import autocannon from 'autocannon';
import type { z } from 'zod';
import { type Connection, read } from '../graph/db/driver.js';
import { api as contract } from '../server/contract/index.js';
import { matchRoute } from '../server/contract/url.js';
import { handlers } from '../server/routes/index.js';
import { percentile } from './measure.js';
import { ENTITY } from '../graph/vocabulary/entity-types.js';

export interface LoadFigures {
  requests: number;
  errors: number;
  p50: number;
  p95: number;
  p99: number;
  perSecond: number;
}

/** One benchmarked route: a name, and the request paths cycled through under load. */
export interface RouteSample {
  name: string;
  paths: string[];
}

const ids = async (cypher: string, limit: number): Promise<string[]> =>
  (await read<{ id: string }>(cypher, { limit })).records.map((r) => r.get('id'));

/** Requests for every measured route, on public (unprotected) records spread over the graph. */
export async function routeSamples(): Promise<RouteSample[]> {
  const people = await ids(
    `MATCH (p:${ENTITY.Person}) WHERE NOT p.protected AND EXISTS { (p)-[:PARENT_OF|PARTNER_OF|SIBLING_OF]-() }
    WITH p ORDER BY p.id WITH collect(p.id) AS everyone UNWIND range(0, size(everyone) - 1, size(everyone) / toInteger($limit) + 1) AS i RETURN everyone[i] AS id`,
    100,
  );
  const pairs = (
    await read<{
      a: string;
      c: string;
    }>(`MATCH (a:${ENTITY.Person})-[:PARENT_OF]->(:${ENTITY.Person})-[:PARENT_OF]->(c:${ENTITY.Person})
    WHERE NOT a.protected AND NOT c.protected RETURN a.id AS a, c.id AS c ORDER BY a, c LIMIT 100`)
  ).records.map((r) => [r.get('a'), r.get('c')]);
  const names = (
    await read<{ name: string }>(
      `UNWIND $ids AS id MATCH (p:${ENTITY.Person} {id: id}) RETURN split(p.name, " ")[1] AS name`,
      {
        ids: people,
      },
    )
  ).records.map((r) => r.get('name'));
  const facilities = await ids(
    `MATCH (f:${ENTITY.Facility}) WHERE EXISTS { (f)<-[:OCCURRED_AT]-() } RETURN f.id AS id ORDER BY id LIMIT toInteger($limit)`,
    20,
  );
  const crossings = await ids(
    `MATCH (p:${ENTITY.Place} {kind: 'border-crossing'}) RETURN p.id AS id ORDER BY id LIMIT toInteger($limit)`,
    10,
  );
  const q = encodeURIComponent;
  return [
    { name: 'search', paths: names.map((n) => `/api/search?q=${q(n)}`) },
    { name: 'entity', paths: people.map((id) => `/api/entities/${q(id)}`) },
    { name: 'neighbourhood (depth 2)', paths: people.map((id) => `/api/neighbourhood?ids=${q(id)}&depth=2`) },
    { name: 'paths', paths: pairs.map(([a, c]) => `/api/paths?from=${q(a!)}&to=${q(c!)}&maxHops=4`) },
    { name: 'timeline', paths: people.map((id) => `/api/timeline?people=${q(id)}`) },
    {
      name: 'pattern: orphaned-children',
      paths: ['2017-06-01', '2018-03-01', '2019-04-13', '2020-01-01'].map(
        (d) => `/api/patterns/orphaned-children?date=${d}`,
      ),
    },
    {
      name: 'pattern: crossing-detentions',
      paths: crossings.map(
        (id) => `/api/patterns/crossing-detentions?crossing=${q(id)}&from=2014-01-01&to=2022-12-31&days=90`,
      ),
    },
    {
      name: 'pattern: detention-cascades',
      paths: [30, 60, 90].map((d) => `/api/patterns/detention-cascades?days=${d}`),
    },
    { name: 'pattern: co-detention', paths: facilities.map((id) => `/api/patterns/co-detention?facility=${q(id)}`) },
    {
      name: 'pattern: stale-status',
      paths: [6, 12, 24].map((m) => `/api/patterns/stale-status?months=${m}&asOf=2025-01-01`),
    },
    {
      name: 'pattern: aggregates',
      paths: ['facility-year', 'crossing'].map((by) => `/api/patterns/aggregates?by=${by}`),
    },
  ];
}

export interface ApiProcess {
  url: string;
  pid: number;
  stop(): void;
}

/** The environment of a kinline process (app or CLI) on this Neo4j. */
export const neo4jEnv = (neo4j: Connection): NodeJS.ProcessEnv => ({
  ...process.env,
  NEO4J_URI: neo4j.uri,
  NEO4J_USER: neo4j.user ?? '',
  NEO4J_PASSWORD: neo4j.password ?? '',
});

export function startApi(neo4j: Connection): Promise<ApiProcess> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'bench/api-server.ts'], {
    env: {
      ...neo4jEnv(neo4j),
      // The load comes from one address: the budgets would measure 429s, not the routes.
      KINLINE_RATE_SEARCH: '100000000',
      KINLINE_RATE_EXPORT: '100000000',
      KINLINE_LOG_LEVEL: 'silent',
    },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`API server exited (${code})`)));
    child.stdout!.on('data', (chunk: Buffer) => {
      const port = /KINLINE_API (\d+)/.exec(chunk.toString())?.[1];
      if (port) resolve({ url: `http://127.0.0.1:${port}`, pid: child.pid!, stop: () => child.stdin!.end() });
    });
  });
}

function figures(latencies: number[], errors: number, seconds: number): LoadFigures {
  const r = (x: number) => Math.round(x * 10) / 10;
  return {
    requests: latencies.length,
    errors,
    p50: r(percentile(latencies, 50)),
    p95: r(percentile(latencies, 95)),
    p99: r(percentile(latencies, 99)),
    perSecond: r(latencies.length / seconds),
  };
}

/** How long one measurement lasts: a time window, or (for slow routes) a number of requests. */
export type Window = { seconds: number } | { requests: number };

/** HTTP: autocannon with `connections` clients, cycling through the sample's paths. */
export async function apiLoad(
  url: string,
  sample: RouteSample,
  connections: number,
  window: Window,
): Promise<LoadFigures> {
  let next = 0;
  const latencies: number[] = [];
  let errors = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections,
        timeout: 120,
        ...('seconds' in window ? { duration: window.seconds } : { amount: window.requests }),
        requests: [
          { method: 'GET', setupRequest: (req) => ({ ...req, path: sample.paths[next++ % sample.paths.length]! }) },
        ],
      },
      (error, done) => (error ? reject(error) : resolve(done)),
    );
    instance.on('response', (_client, status, _bytes, ms) => {
      if (status >= 400) errors += 1;
      latencies.push(ms);
    });
  });
  return figures(latencies, errors + result.errors + result.timeouts, result.duration);
}

function routeFor(path: string) {
  const matched = matchRoute(contract, 'get', path);
  if (!matched) throw new Error(`no route for ${path}`);
  const query = Object.fromEntries(new URL(path, 'http://x').searchParams);
  const handler = handlers[matched.name] as unknown as (
    input: unknown,
    scope: ReadScope,
    res: never,
  ) => Promise<unknown>;
  const route = matched.route as { params?: z.ZodType; query?: z.ZodType };
  return { handler, route, params: matched.params, query };
}

/** The same requests straight to the route handlers (zod-parsed inputs, query function, driver). */
export async function directLoad(
  sample: RouteSample,
  concurrency: number,
  window: Window,
  reader: Reader = ANONYMOUS,
): Promise<LoadFigures> {
  const calls = sample.paths.map(routeFor).map(
    ({ handler, route, params, query }) =>
      () =>
        handler(
          {
            params: route.params ? route.params.parse(params) : {},
            query: route.query ? route.query.parse(query) : {},
            body: undefined,
          },
          scopeFor(reader),
          undefined as never,
        ),
  );
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const started = performance.now();
  const deadline = 'seconds' in window ? started + window.seconds * 1000 : Infinity;
  const budget = 'requests' in window ? window.requests : Infinity;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline && next < budget) {
        const t = performance.now();
        try {
          await calls[next++ % calls.length]!();
        } catch {
          errors += 1;
        }
        latencies.push(performance.now() - t);
      }
    }),
  );
  return figures(latencies, errors, (performance.now() - started) / 1000);
}
