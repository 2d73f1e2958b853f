import { afterAll, beforeAll, expect, it } from 'vitest';
import { counts } from '../graph/store/admin.js';
import { exportDataset } from '../graph/store/export.js';
import { api as contract } from '../server/contract/index.js';
import { seededApi, type Api } from './support/api.js';
import { HOSTILE } from './support/hostile-values.js';

let api: Api;
beforeAll(async () => {
  api = await seededApi();
});
afterAll(() => api?.close());

function fuzzPaths(): string[] {
  const paths: string[] = [];
  for (const spec of Object.values(contract)) {
    const shape = 'query' in spec ? spec.query.shape : {};
    const keys = [...Object.keys(shape), 'unknownField'];
    const base = spec.path.replace(/:(\w+)/g, 'person-aiman-umarova');
    for (const [i, value] of HOSTILE.entries()) {
      const key = keys[i % keys.length]!;
      const pathValue = encodeURIComponent(value) || 'x';
      const withHostileId = spec.path.includes(':') ? spec.path.replace(/:(\w+)/g, pathValue) : base;
      paths.push(
        `/api${i % 2 === 0 ? base : withHostileId}?${key}=${encodeURIComponent(value)}&${key}=${encodeURIComponent(value)}`,
      );
      paths.push(`/api${withHostileId}?${keys.map((k) => `${k}=${encodeURIComponent(value)}`).join('&')}`);
    }
  }
  return paths;
}

it('answers every hostile request with 2xx or 4xx, never 5xx, and leaves the graph unchanged', async () => {
  const before = { counts: await counts(), data: JSON.stringify(await exportDataset()) };
  const paths = fuzzPaths();
  expect(paths.length).toBeGreaterThanOrEqual(200 * 1);
  const failures: string[] = [];
  for (const path of paths) {
    const reply = await api.get(path);
    if (reply.status >= 500) failures.push(`${reply.status} ${path.slice(0, 200)}`);
    // 431: Node's HTTP parser refuses oversized request lines before the app sees them.
    if (reply.status >= 400 && reply.status !== 431) {
      expect(reply.body.error?.code, path.slice(0, 200)).toBeTypeOf('string');
      expect(reply.text).not.toMatch(/MATCH \(|Neo4jError|\.ts:\d+/);
    }
  }
  // JSON bodies: malformed, wrong content, too large.
  for (const body of ['{', '{"a":', 'x'.repeat(300_000), JSON.stringify({ q: { $ne: 1 } })]) {
    const reply = await api.post('/api/search', body);
    if (reply.status >= 500) failures.push(`${reply.status} POST body ${body.slice(0, 20)}`);
  }
  expect(failures).toEqual([]);
  expect(await counts()).toEqual(before.counts);
  expect(JSON.stringify(await exportDataset())).toBe(before.data);
}, 600_000);

it('rejects bad input with 400 naming the field and the reason', async () => {
  const reply = await api.get('/api/neighbourhood?ids=person-aiman-umarova&depth=9');
  expect(reply.status).toBe(400);
  expect(reply.body.error.details).toContainEqual(expect.objectContaining({ path: 'query.depth' }));
  const unknown = await api.get('/api/search?q=x&evil=1');
  expect(unknown.status).toBe(400);
  expect(unknown.body.error.details[0].message).toMatch(/evil/);
});
