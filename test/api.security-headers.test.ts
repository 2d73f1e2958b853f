import { request } from 'node:http';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Api, startApi } from './support/api.js';
import { freshGraph } from './support/graph.js';

let api: Api;

beforeAll(async () => {
  await freshGraph();
  api = await startApi();
});
afterAll(() => api?.close());

/** A request whose Host header names another site, as a DNS-rebinding page's would. */
function getWithHost(path: string, host: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${api.url}${path}`, { headers: { host } }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

it('sends a CSP without inline script and without framing, nosniff and no referrer', async () => {
  const reply = await api.get('/api/health');
  const csp = reply.headers.get('content-security-policy') ?? '';
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toMatch(/script-src 'self'(;|$)/);
  expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
  expect(reply.headers.get('x-content-type-options')).toBe('nosniff');
  expect(reply.headers.get('referrer-policy')).toBe('no-referrer');
  expect(reply.headers.get('x-powered-by')).toBeNull();
});

it('answers only to its own host names when it listens on loopback', async () => {
  const rebound = await getWithHost('/api/search?q=Umarova', 'attacker.example');
  expect(rebound.status).toBe(421);
  expect(JSON.parse(rebound.body).error.code).toBe('unknown_host');
  expect((await getWithHost('/api/health', 'localhost')).status).toBe(200);
  expect((await getWithHost('/api/health', '127.0.0.1')).status).toBe(200);
});
