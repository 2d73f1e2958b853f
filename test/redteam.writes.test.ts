import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Api, seededApi } from './support/api.js';
import { storedPublicIds } from './support/graph.js';
import { addWriters, claim, signedIn, type Writer } from './support/writers.js';

/**
 * An uncleared researcher learns nothing of a protected person through the write API: not their
 * name or birth date in any answer, and not that their id exists (every refusal is the one an id
 * that exists nowhere gets). The secret is written by a cleared user through the same API.
 */
const SECRET = { id: 'p-secret-zarina', name: 'Zarina Secretova', birthDate: '2011-05-03' };
const NOWHERE = 'p-nowhere-at-all';
const FORBIDDEN = ['Zarina', 'Secretova', '2011-05-03'];

let api: Api;
let rita: Writer;
let clara: Writer;
const seen: string[] = [];

beforeAll(async () => {
  api = await seededApi();
  await addWriters();
  rita = await signedIn(api, 'rita');
  clara = await signedIn(api, 'clara');
  const made = await clara.call('POST', '/api/entities', {
    type: 'Person',
    id: SECRET.id,
    names: [{ value: SECRET.name, kind: 'primary' }],
    birthDate: SECRET.birthDate,
    disclosure: 'confidential',
  });
  expect(made.status).toBe(200);
  const link = await clara.call('POST', '/api/relationships', {
    id: 'rel-secret-member',
    type: 'MEMBER_OF',
    from: SECRET.id,
    to: 'family-bw-2019-01',
    role: 'child',
    claims: [claim(`${SECRET.name} lived with the family`)],
  });
  expect(link.status).toBe(200);
  const event = await api.get('/api/entities/event-umarova-video-appeal-2019');
  const edit = await clara.call(
    'PATCH',
    '/api/entities/event-umarova-video-appeal-2019',
    { description: 'An appeal by video.', reason: `${SECRET.name} is named in the video` },
    { 'if-match': event.headers.get('etag') ?? '' },
  );
  expect(edit.status).toBe(200);
});
afterAll(() => api?.close());

/** Rita's call; every answer's text is kept for the final check. */
async function asRita(method: string, path: string, body?: unknown, headers?: Record<string, string>) {
  const reply = await rita.call(method, path, body, headers);
  seen.push(reply.text);
  return reply;
}

/** The same call about the secret id and about an id that exists nowhere: answers must not differ. */
async function alike(method: string, path: (id: string) => string, body?: unknown, headers?: Record<string, string>) {
  const secret = await asRita(method, path(SECRET.id), body, headers);
  const nowhere = await asRita(method, path(NOWHERE), body, headers);
  expect(secret.status, `${method} ${path('…')}`).toBe(nowhere.status);
  expect(secret.text.replaceAll(SECRET.id, '<id>')).toBe(nowhere.text.replaceAll(NOWHERE, '<id>'));
  expect(secret.headers.get('etag')).toBeNull();
}

it('refuses every change to a protected person exactly as one to an id that exists nowhere', async () => {
  const variants: Record<string, string>[] = [
    {},
    { 'if-match': '"1"' },
    { 'if-match': '"0"' },
    { 'if-match': 'garbage' },
  ];
  for (const headers of variants) {
    await alike('PATCH', (id) => `/api/entities/${id}`, { names: [{ value: 'X' }], reason: 'r' }, headers);
    await alike('PATCH', (id) => `/api/entities/${id}`, { birthDate: 'not a date' }, headers);
    await alike('DELETE', (id) => `/api/entities/${id}`, { reason: 'r' }, headers);
    await alike('POST', (id) => `/api/entities/${id}/revert`, { version: 1 }, headers);
  }
  await alike('POST', (id) => `/api/entities/${id}/restore`, { reason: 'r' });
  await alike('GET', (id) => `/api/entities/${id}/history`);
  await alike('GET', (id) => `/api/entities/${id}`);
});

it('refuses the protected person as a relationship end as it refuses an unknown id', async () => {
  await asRita('POST', '/api/entities', { type: 'Person', id: 'p-rita', names: [{ value: 'Rita Case' }] });
  await alike('POST', () => '/api/relationships', undefined);
  for (const end of ['from', 'to'] as const) {
    const body = (id: string) => ({
      id: `rel-probe-${end}`,
      type: 'SIBLING_OF',
      from: end === 'from' ? id : 'p-rita',
      to: end === 'to' ? id : 'p-rita',
      claims: [claim('siblings')],
    });
    const secret = await asRita('POST', '/api/relationships', body(SECRET.id));
    const nowhere = await asRita('POST', '/api/relationships', body(NOWHERE));
    expect(secret.status).toBe(400);
    expect(secret.text.replaceAll(SECRET.id, '<id>')).toBe(nowhere.text.replaceAll(NOWHERE, '<id>'));
  }
});

it('hides the protected link and its history, by real and public id, as if neither existed', async () => {
  const publicIdOf = await storedPublicIds();
  const byReal = await asRita('GET', '/api/relationships/rel-secret-member/history');
  const nowhere = await asRita('GET', '/api/relationships/rel-nowhere/history');
  expect(byReal.status).toBe(404);
  expect(byReal.text).toBe(nowhere.text);
  for (const id of [publicIdOf(SECRET.id), publicIdOf('rel-secret-member')]) {
    expect((await asRita('GET', `/api/entities/${id}/history`)).status).toBe(404);
    expect((await asRita('PATCH', `/api/entities/${id}`, { reason: 'r' }, { 'if-match': '"1"' })).status).toBe(404);
    expect((await asRita('PATCH', `/api/relationships/${id}`, { reason: 'r' }, { 'if-match': '"1"' })).status).toBe(
      404,
    );
  }
});

it('withholds the reason and states of a public record revision that names the protected person', async () => {
  const history = await asRita('GET', '/api/entities/event-umarova-video-appeal-2019/history');
  expect(history.status).toBe(200);
  expect(history.body.revisions[0]).toMatchObject({ action: 'update', author: 'clara', withheld: true });
  expect(history.body.revisions[0].reason).toBeUndefined();
  const cleared = await clara.call('GET', '/api/entities/event-umarova-video-appeal-2019/history');
  expect(cleared.body.revisions[0].reason).toMatch(SECRET.name);
});

it('a researcher may not make anyone protected or public', async () => {
  const own = await asRita('GET', '/api/entities/p-rita');
  const reply = await asRita(
    'PATCH',
    '/api/entities/p-rita',
    { minor: true },
    { 'if-match': own.headers.get('etag')! },
  );
  expect(reply.status).toBe(403);
});

it('never showed the researcher the protected name or birth date', () => {
  expect(seen.length).toBeGreaterThan(40);
  for (const text of seen) for (const term of FORBIDDEN) expect(text).not.toContain(term);
});
