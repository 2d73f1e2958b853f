import { afterAll, beforeAll, expect, it } from 'vitest';
import { read } from '../graph/db/driver.js';
import { counts } from '../graph/store/admin.js';
import { exportDataset } from '../graph/store/export.js';
import { api as contract } from '../server/contract/index.js';
import { type Api, seededApi } from './support/api.js';
import { HOSTILE } from './support/hostile-values.js';
import { addWriters, claim, signedIn, type Writer } from './support/writers.js';

/**
 * Every write route, fuzzed as test/api.fuzz.test.ts fuzzes the read routes: hostile ids, bodies
 * and If-Match headers, from a researcher and an admin. Never a 5xx, and never a partial write:
 * the graph and every history are as they were after each refused request.
 */
let api: Api;
let writers: Writer[];

beforeAll(async () => {
  api = await seededApi();
  await addWriters();
  writers = [await signedIn(api, 'rita'), await signedIn(api, 'adam')];
});
afterAll(() => api?.close());

const WRITES = Object.values(contract).filter((r) => r.tag === 'write');

/** Bodies no write may accept: wrong types, missing fields, a record whose claims are empty. */
function bodies(value: string): unknown[] {
  return [
    value,
    Number.parseFloat(value),
    [value],
    { type: value },
    { id: value, type: 'Person' },
    { type: 'Event', id: 'event-fuzz', kind: 'detention', names: [{ value }], claims: [] },
    { id: 'rel-fuzz', type: 'SIBLING_OF', from: 'person-aiman-umarova', to: 'person-aiman-umarova', claims: [] },
    { id: 'rel-fuzz', type: value, from: value, to: 'x', claims: [claim(value)] },
    { reason: value, names: value, claims: value, statements: [{ field: value, value }] },
    { reason: value, version: value, birthDate: value, disclosure: value },
    { reason: 7, __proto__: { admin: true }, constructor: { prototype: { x: 1 } } },
  ];
}

/** If-Match headers no change may pass: none, stale, malformed. */
const IF_MATCH = [undefined, '"999"', 'garbage', '*', 'W/"998"', '"-1"', '""'];

const revisionCount = async () =>
  Number((await read('MATCH (r:Revision) RETURN count(r) AS n')).records[0]?.get('n') ?? 0);

it('answers every hostile write with 4xx, never 5xx, and writes nothing', async () => {
  const before = {
    counts: await counts(),
    data: JSON.stringify(await exportDataset()),
    revisions: await revisionCount(),
  };
  const failures: string[] = [];
  let sent = 0;
  for (const route of WRITES) {
    for (const [i, value] of HOSTILE.entries()) {
      const id = i % 3 === 0 ? 'person-aiman-umarova' : i % 3 === 1 ? 'rel-umarova-authored-video-2019' : value;
      const path = `/api${route.path.replace(/:(\w+)/g, encodeURIComponent(id) || 'x')}`;
      const body = bodies(value)[i % 11];
      const ifMatch = IF_MATCH[i % IF_MATCH.length];
      const writer = writers[i % 2]!;
      const reply = await writer.call(
        route.method.toUpperCase(),
        route.method === 'get' ? `${path}?limit=${encodeURIComponent(value)}` : path,
        route.method === 'get' ? undefined : body,
        ifMatch === undefined ? {} : { 'if-match': ifMatch },
      );
      sent++;
      const what = `${route.method} ${path.slice(0, 80)} ${JSON.stringify(body).slice(0, 80)} ${ifMatch}`;
      if (reply.status >= 500) failures.push(`${reply.status} ${what}`);
      if (route.method !== 'get' && reply.status < 400) failures.push(`accepted: ${reply.status} ${what}`);
      if (reply.status >= 400 && reply.status !== 431) {
        expect(reply.body.error?.code, what).toBeTypeOf('string');
        expect(reply.text).not.toMatch(/MATCH \(|Neo4jError|\.ts:\d+/);
      }
    }
  }
  expect(sent).toBeGreaterThanOrEqual(WRITES.length * HOSTILE.length);
  expect(failures).toEqual([]);
  expect(await counts()).toEqual(before.counts);
  expect(JSON.stringify(await exportDataset())).toBe(before.data);
  expect(await revisionCount()).toBe(before.revisions);
}, 600_000);

it('a change refused inside its transaction (stale, or an unknown source) leaves graph and history as they were', async () => {
  const [rita] = writers;
  const read1 = await api.get('/api/entities/person-aiman-umarova');
  const ok = await rita!.call(
    'PATCH',
    '/api/entities/person-aiman-umarova',
    { occupation: 'lawyer', reason: 'r' },
    {
      'if-match': read1.headers.get('etag')!,
    },
  );
  expect(ok.status).toBe(200);
  const before = { data: JSON.stringify(await exportDataset()), revisions: await revisionCount() };
  const stale = await rita!.call(
    'PATCH',
    '/api/entities/person-aiman-umarova',
    { occupation: 'judge' },
    {
      'if-match': read1.headers.get('etag')!,
    },
  );
  expect(stale.status).toBe(412);
  const unknownSource = await rita!.call(
    'PATCH',
    '/api/relationships/rel-umarova-authored-video-2019',
    { claims: [{ ...claim('x'), source: 'src-nowhere' }] },
    { 'if-match': '"0"' },
  );
  expect(unknownSource.status).toBe(400);
  expect(unknownSource.body.error.details[0].path).toBe('body.claims[1].source');
  expect(JSON.stringify(await exportDataset())).toBe(before.data);
  expect(await revisionCount()).toBe(before.revisions);
});
