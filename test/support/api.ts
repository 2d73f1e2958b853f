import type { Server } from 'node:http';
import { z } from 'zod';
import { ErrorBody } from '../../graph/views/system.js';
import { api as contract } from '../../server/contract/index.js';
import { matchRoute } from '../../server/contract/url.js';
import { validateAndLoad } from '../../graph/store/check.js';
import { type AppOptions, createApp } from '../../server/app.js';
import { loadSeedCase } from '../../seeds/index.js';
import { freshGraph } from './graph.js';

// biome-ignore lint/suspicious/noExplicitAny: a test reads any field of a JSON body; the contract's schemas check its shape
type Body = any;

export interface Api {
  url: string;
  get(path: string): Promise<{ status: number; headers: Headers; body: Body; text: string }>;
  post(path: string, body: unknown): Promise<{ status: number; headers: Headers; body: Body; text: string }>;
  /** Any method, with headers of the caller's own (a session cookie, a CSRF token). */
  send(
    method: string,
    path: string,
    init?: { body?: unknown; headers?: Record<string, string> },
  ): Promise<{ status: number; headers: Headers; body: Body; text: string }>;
  close(): Promise<void>;
}

/** The real Express app on a free port, talking to the run's Neo4j (call freshGraph() first). */
export async function startApi(options: AppOptions = {}): Promise<Api> {
  const server: Server = createApp(options).listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const address = server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return { ...apiAt(url), close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** Calls to a Kinline server at `url` (this process's or a child's), each answer checked against the contract. */
export function apiAt(url: string): Omit<Api, 'close'> {
  const call = async (path: string, init?: RequestInit) => {
    const response = await fetch(url + path, init);
    const text = await response.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      /* not JSON (exports) */
    }
    checkAgainstContract(init?.method ?? 'GET', path, response, body, text);
    return { status: response.status, headers: response.headers, body, text };
  };
  return {
    url,
    get: (path) => call(path),
    post: (path, body) =>
      call(path, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      }),
    send: (method, path, init = {}) =>
      call(path, {
        method,
        headers: { ...(init.body === undefined ? {} : { 'content-type': 'application/json' }), ...init.headers },
        ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
      }),
  };
}

/**
 * Every answer the tests see is checked against the contract (server/contract) of the route it
 * came from: a 2xx body against the 200 schema of its media type, an error against the one error
 * shape. A mismatch fails the test with zod's issues.
 */
export function checkAgainstContract(
  method: string,
  path: string,
  response: Response,
  body: unknown,
  text: string,
): void {
  if (!path.startsWith('/api')) return; // the built client's files
  const what = `${method} ${path.slice(0, 200)} (${response.status})`;
  const media = (response.headers.get('content-type') ?? '').split(';')[0]!.trim();
  const matched = matchRoute(contract, method, path);
  if (response.status >= 400) {
    // 431: Node's HTTP parser refuses oversized request lines before the app sees them.
    if (response.status === 431) return;
    if (media !== 'application/json')
      throw new Error(`${what}: an error answered ${media || 'no media type'}, not JSON`);
    const responses: Record<number, Record<string, z.ZodType>> | undefined = matched?.route.responses;
    failOnIssues(what, (responses?.[response.status]?.[media] ?? ErrorBody).safeParse(body));
    return;
  }
  if (!matched) throw new Error(`${what}: answered, but the contract has no route for it`);
  const responses: Record<number, Record<string, z.ZodType> | undefined> = matched.route.responses;
  if (response.status >= 300 && response.status < 400) {
    if (!responses[response.status]) throw new Error(`${what}: redirected, which the contract does not declare`);
    return;
  }
  const schema = responses[200]?.[media];
  if (!schema) throw new Error(`${what}: answered ${media}, which the contract does not declare`);
  failOnIssues(what, schema.safeParse(/[/+]json$/.test(media) ? body : text));
}

function failOnIssues(what: string, result: { success: boolean; error?: z.ZodError }): void {
  if (!result.success) throw new Error(`${what}: the body breaks the contract\n${z.prettifyError(result.error!)}`);
}

/** A fresh graph holding the seed case (plus any extra datasets), and the API over it. */
export async function seededApi(...extra: unknown[]): Promise<Api> {
  await freshGraph();
  await loadSeedCase();
  for (const dataset of extra) await validateAndLoad(dataset);
  return startApi();
}
