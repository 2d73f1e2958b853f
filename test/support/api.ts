import type { Server } from 'node:http';
import { invalidateLexicon } from '../../graph/safety/lexicon.js';
import { validateAndLoad } from '../../graph/store/check.js';
import { createApp } from '../../server/app.js';
import { loadSeedCase } from '../../seeds/index.js';
import { freshGraph } from './graph.js';

// biome-ignore lint/suspicious/noExplicitAny: a test reads any field of a JSON body; the contract's schemas check its shape
type Body = any;

export interface Api {
  url: string;
  get(path: string): Promise<{ status: number; headers: Headers; body: Body; text: string }>;
  post(path: string, body: unknown): Promise<{ status: number; headers: Headers; body: Body; text: string }>;
  close(): Promise<void>;
}

/** The real Express app on a free port, talking to the run's Neo4j (call freshGraph() first). */
export async function startApi(): Promise<Api> {
  const server: Server = createApp().listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const address = server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const call = async (path: string, init?: RequestInit) => {
    const response = await fetch(url + path, init);
    const text = await response.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      /* not JSON (exports) */
    }
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
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** A fresh graph holding the seed case (plus any extra datasets), and the API over it. */
export async function seededApi(...extra: unknown[]): Promise<Api> {
  await freshGraph();
  await loadSeedCase();
  for (const dataset of extra) await validateAndLoad(dataset);
  invalidateLexicon(); // this worker may have read the protected terms before these loads
  return startApi();
}
