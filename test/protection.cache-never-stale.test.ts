import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { read } from '../graph/db/driver.js';
import { type Api, seededApi } from './support/api.js';
import { kinlineOnTestGraph } from './support/cli.js';
import { addWriters, claim, signedIn, type Writer } from './support/writers.js';

/**
 * The API process caches what protection knows of the stored people (graph/store/protection-cache.ts).
 * A person protected by the API itself, or by a load from another process (the CLI), must guard
 * the very next API write that names them, exactly as a fresh read of every person would.
 */
let api: Api;
let rita: Writer;
let clara: Writer;
const tmp = mkdtempSync(join(tmpdir(), 'kinline-protection-cache-'));

beforeAll(async () => {
  api = await seededApi();
  await addWriters();
  rita = await signedIn(api, 'rita');
  clara = await signedIn(api, 'clara');
  for (const [id, name] of [['p-cache-a', 'Ilyas Tokhtarov'] as const, ['p-cache-b', 'Gulnar Tokhtarova'] as const])
    expect((await rita.call('POST', '/api/entities', person(id, name))).status).toBe(200);
});
afterAll(() => api?.close());

const person = (id: string, name: string, disclosure?: string) => ({
  type: 'Person',
  id,
  names: [{ value: name, kind: 'primary' }],
  ...(disclosure ? { disclosure } : {}),
});

/** Rita links the two public people with a claim quoting `excerpt`. */
async function linkQuoting(id: string, excerpt: string) {
  const made = await rita.call('POST', '/api/relationships', {
    id,
    type: 'SIBLING_OF',
    from: 'p-cache-a',
    to: 'p-cache-b',
    claims: [claim(excerpt)],
  });
  expect(made.status).toBe(200);
}

const claimNeeds = async (about: string) =>
  (await read('MATCH (c:Claim {about: $about}) RETURN c.needs AS needs', { about })).records[0]?.get('needs');

it('guards the next write after an API write protects someone (the cache brought along)', async () => {
  await linkQuoting('rel-cache-warm', 'their mother Saule Bekturova raised them'); // no one protected yet
  expect(await claimNeeds('rel-cache-warm')).toBeNull();
  expect(
    (await clara.call('POST', '/api/entities', person('p-cache-c', 'Aruzhan Sarsenova', 'confidential'))).status,
  ).toBe(200);
  await linkQuoting('rel-cache-api', 'their cousin Aruzhan Sarsenova testified');
  expect(await claimNeeds('rel-cache-api')).toBe('confidential');
  expect((await api.get('/api/citations/rel-cache-api')).text).not.toContain('Sarsenova');
});

it('guards the next write after a load by another process protects someone (the token changed)', async () => {
  const file = join(tmp, 'case.json');
  const data = { kinline: 1, entities: [person('p-cache-d', 'Dilnaz Omarkhanova', 'confidential')], relationships: [] };
  writeFileSync(file, JSON.stringify(data));
  const run = await kinlineOnTestGraph(['import', file]);
  expect(run.code, run.stderr).toBe(0);
  await linkQuoting('rel-cache-cli', 'Dilnaz Omarkhanova saw them at the camp');
  expect(await claimNeeds('rel-cache-cli')).toBe('confidential');
  expect((await api.get('/api/citations/rel-cache-cli')).text).not.toContain('Omarkhanova');
  // Deleting the protected person is a change like any other: the name no longer needs hiding.
  const read = await clara.call('GET', '/api/entities/p-cache-d');
  const removed = await clara.call(
    'DELETE',
    '/api/entities/p-cache-d',
    { reason: 'duplicate' },
    { 'if-match': read.headers.get('etag') ?? '' },
  );
  expect(removed.status).toBe(200);
  await linkQuoting('rel-cache-deleted', 'Dilnaz Omarkhanova was moved');
  expect(await claimNeeds('rel-cache-deleted')).toBeNull();
});
