import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateAndLoad } from '../graph/store/check.js';
import { loadSeedCase } from '../seeds/index.js';
import { type Api, startApi } from './support/api.js';
import { freshGraph } from './support/graph.js';
import { FORBIDDEN, protectedFixture, SECRETS } from './support/protected-fixture.js';

const lines: string[] = [];
const collect = new Writable({
  write(chunk: Buffer, _encoding, done) {
    lines.push(...chunk.toString().split('\n').filter(Boolean));
    done();
  },
});
let api: Api;

beforeAll(async () => {
  await freshGraph();
  await loadSeedCase();
  await validateAndLoad(protectedFixture);
  api = await startApi({
    budgets: { search: 5, export: 2 },
    requestLog: { destination: collect, level: 'info' },
  });
});
afterAll(async () => {
  await api?.close();
});

describe('budgets', () => {
  it('answers 429 past the search budget, with the RateLimit headers, and other routes still answer', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 7; i += 1) statuses.push((await api.get(`/api/search?q=Umarova${i}`)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
    const refused = await api.get('/api/search?q=Umarova');
    expect(refused.body.error.code).toBe('too_many_requests');
    expect(refused.headers.get('ratelimit')).toMatch(/r=0/);
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
    expect((await api.get('/api/health')).status).toBe(200);
  });

  it('counts exports apart from searches', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 3; i += 1) statuses.push((await api.get('/api/export?format=json')).status);
    expect(statuses).toEqual([200, 200, 429]);
  });
});

describe('request log', () => {
  it('writes one JSON line per request with the route pattern, status, time and user, and no protected value', async () => {
    const before = lines.length;
    const replies = [
      await api.get(`/api/entities/${encodeURIComponent(SECRETS.childId)}`),
      await api.get(`/api/entities/${encodeURIComponent(SECRETS.childNames[0]!)}?relationshipLimit=0`),
    ];
    await new Promise((resolve) => setTimeout(resolve, 100)); // the logger writes asynchronously
    const written = lines.slice(before).map((line) => JSON.parse(line));
    expect(written).toHaveLength(2);
    for (const entry of written) {
      expect(entry).toMatchObject({ msg: 'request', method: 'GET', route: '/entities/:id', user: null });
      expect(typeof entry.ms).toBe('number');
      expect(entry.time).toMatch(/^\d{4}-\d\d-\d\dT/);
    }
    expect(written.map((entry) => entry.status)).toEqual(replies.map((reply) => reply.status));
    const all = lines.join('\n');
    for (const secret of [...FORBIDDEN, ...SECRETS.childNames.map(encodeURIComponent)])
      expect(all).not.toContain(secret);
    expect(all).not.toContain('Umarova');
  });
});
