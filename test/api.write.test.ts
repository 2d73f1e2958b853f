import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEntries } from '../graph/audit/log.js';
import { type Api, seededApi } from './support/api.js';
import { addWriters, claim, signedIn, type Writer } from './support/writers.js';

let api: Api;
let rita: Writer;
let clara: Writer;
let adam: Writer;
let vera: Writer;

beforeAll(async () => {
  api = await seededApi();
  await addWriters();
  rita = await signedIn(api, 'rita');
  clara = await signedIn(api, 'clara');
  adam = await signedIn(api, 'adam');
  vera = await signedIn(api, 'vera');
});
afterAll(() => api?.close());

const person = (id: string, name: string) => ({ type: 'Person', id, names: [{ value: name, kind: 'primary' }] });
const etag = (reply: { headers: Headers }) => reply.headers.get('etag') ?? '';

describe('creating', () => {
  it('takes one record of the file form, answers it through the read layer with its ETag', async () => {
    const created = await rita.call('POST', '/api/entities', {
      ...person('p-write-1', 'Dilnaz Write'),
      birthDate: '1990',
    });
    expect(created.status).toBe(200);
    expect(created.body.entity).toMatchObject({ id: 'p-write-1', name: 'Dilnaz Write', birthDate: '1990' });
    expect(etag(created)).toBe('"1"');
    const read = await api.get('/api/entities/p-write-1');
    expect(etag(read)).toBe('"1"');
  });

  it('refuses a relationship or event without a claim, naming the field; nothing is written', async () => {
    const rel = await rita.call('POST', '/api/relationships', {
      id: 'rel-write-none',
      type: 'MEMBER_OF',
      from: 'p-write-1',
      to: 'family-bw-2019-01',
      role: 'relative',
      claims: [],
    });
    expect(rel.status).toBe(400);
    expect(rel.body.error.details).toContainEqual(expect.objectContaining({ path: 'body.claims' }));
    const event = await rita.call('POST', '/api/entities', {
      type: 'Event',
      id: 'event-write-none',
      kind: 'detention',
      names: [{ value: 'Detention', kind: 'primary' }],
    });
    expect(event.status).toBe(400);
    expect(event.body.error.details).toContainEqual(expect.objectContaining({ path: 'body.claims' }));
    expect((await api.get('/api/entities/event-write-none')).status).toBe(404);
    expect((await api.get('/api/relationships/rel-write-none/history')).status).toBe(404);
  });

  it('links with a claim; an unknown end or source is a 400 naming the field', async () => {
    const ok = await rita.call('POST', '/api/relationships', {
      id: 'rel-write-member',
      type: 'MEMBER_OF',
      from: 'p-write-1',
      to: 'family-bw-2019-01-hosts',
      role: 'parent',
      claims: [claim('a relative took the children in')],
    });
    expect(ok.status).toBe(200);
    expect(ok.body.claims).toHaveLength(1);
    expect(etag(ok)).toBe('"1"');
    const bad = await rita.call('POST', '/api/relationships', {
      id: 'rel-write-bad',
      type: 'MEMBER_OF',
      from: 'p-nowhere',
      to: 'family-bw-2019-01-hosts',
      claims: [{ ...claim('x'), source: 'src-nowhere' }],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual([
      'body.claims[0].source',
      'body.from',
    ]);
  });

  it('refuses a taken id', async () => {
    const again = await rita.call('POST', '/api/entities', person('p-write-1', 'Someone Else'));
    expect(again.status).toBe(409);
  });
});

describe('changing, with optimistic concurrency', () => {
  it('needs If-Match (428); a stale one is 412 with the current version; a fresh one writes', async () => {
    const missing = await rita.call('PATCH', '/api/entities/p-write-1', { birthDate: '1991' });
    expect(missing.status).toBe(428);
    const ok = await rita.call(
      'PATCH',
      '/api/entities/p-write-1',
      { birthDate: '1991', reason: 'passport' },
      {
        'if-match': '"1"',
      },
    );
    expect(ok.status).toBe(200);
    expect(ok.body.entity.birthDate).toBe('1991');
    expect(etag(ok)).toBe('"2"');
    const stale = await rita.call('PATCH', '/api/entities/p-write-1', { birthDate: '1992' }, { 'if-match': '"1"' });
    expect(stale.status).toBe(412);
    expect(stale.body.error.details).toEqual({ version: 2, etag: '"2"' });
  });

  it('two researchers editing at once: one succeeds, the other gets 412, nothing is lost', async () => {
    const [a, b] = await Promise.all([
      rita.call('PATCH', '/api/entities/p-write-1', { occupation: 'teacher', reason: 'a' }, { 'if-match': '"2"' }),
      clara.call('PATCH', '/api/entities/p-write-1', { occupation: 'doctor', reason: 'b' }, { 'if-match': '"2"' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 412]);
    const winner = a.status === 200 ? 'teacher' : 'doctor';
    const read = await api.get('/api/entities/p-write-1');
    expect(read.body.entity.occupation).toBe(winner);
    const history = await rita.call('GET', '/api/entities/p-write-1/history');
    expect(history.body.revisions.map((r: { version: number }) => r.version)).toEqual([3, 2, 1]);
    expect(history.body.revisions[0].after.occupation).toBe(winner);
    // The loser retries on the new version and both changes are there.
    const loser = a.status === 200 ? clara : rita;
    const retry = await loser.call(
      'PATCH',
      '/api/entities/p-write-1',
      { birthDate: '1993', reason: 'retry' },
      {
        'if-match': '"3"',
      },
    );
    expect(retry.status).toBe(200);
    expect(retry.body.entity).toMatchObject({ occupation: winner, birthDate: '1993' });
  });

  it('adds a conflicting claim beside the stored one, never over it', async () => {
    const read = await api.get('/api/citations/rel-write-member');
    const ok = await clara.call(
      'PATCH',
      '/api/relationships/rel-write-member',
      { claims: [claim('an aunt, not a parent, took them in', 'possible')], reason: 'second source' },
      { 'if-match': etag(read) },
    );
    expect(ok.status).toBe(200);
    expect(ok.body.claims.map((c: { excerpt: string }) => c.excerpt)).toEqual([
      'a relative took the children in',
      'an aunt, not a parent, took them in',
    ]);
  });

  it('refuses a change of type or ends, and protection fields from a researcher', async () => {
    const read = await api.get('/api/entities/p-write-1');
    const type = await rita.call('PATCH', '/api/entities/p-write-1', { type: 'Place' }, { 'if-match': etag(read) });
    expect(type.status).toBe(400);
    expect(type.body.error.details[0].path).toBe('body.type');
    const disclosure = await rita.call(
      'PATCH',
      '/api/entities/p-write-1',
      { disclosure: 'confidential' },
      {
        'if-match': etag(read),
      },
    );
    expect(disclosure.status).toBe(403);
    expect(disclosure.body.error.message).toMatch(/body\.disclosure/);
  });
});

describe('history and revert', () => {
  it('lists every revision with author, time, reason, before and after; revert is a new revision', async () => {
    const history = await rita.call('GET', '/api/entities/p-write-1/history');
    expect(history.status).toBe(200);
    const [latest, , , first] = history.body.revisions;
    expect(first).toMatchObject({ version: 1, action: 'create', author: 'rita', before: null });
    expect(latest).toMatchObject({ action: 'update', reason: 'retry' });
    expect(latest.before.birthDate).toBe('1991');
    expect(latest.after.birthDate).toBe('1993');
    const reverted = await rita.call(
      'POST',
      '/api/entities/p-write-1/revert',
      { version: 1, reason: 'undo all' },
      {
        'if-match': etag(history),
      },
    );
    expect(reverted.status).toBe(200);
    expect(reverted.body.entity.birthDate).toBe('1990');
    expect(reverted.body.entity.occupation).toBeUndefined();
    const after = await rita.call('GET', '/api/entities/p-write-1/history?limit=1');
    expect(after.body.revisions[0]).toMatchObject({ action: 'revert', revertedTo: 1, version: 5 });
    expect(after.body.nextBefore).toBe(5);
  });
});

describe('undoing the first change of imported data', () => {
  it('reverts to version 0, the record as imported; a record created here has no version 0', async () => {
    const id = 'person-massimo-introvigne';
    const read = await api.get(`/api/entities/${id}`);
    // Never cached: a browser revalidating by the version ETag would miss new relationships.
    expect(read.headers.get('cache-control')).toBe('no-store');
    const imported = read.body.entity.occupation;
    expect(imported).toBe('sociologist of religions');
    const changed = await rita.call(
      'PATCH',
      `/api/entities/${id}`,
      { occupation: 'novelist', reason: 'typo test' },
      { 'if-match': etag(read) },
    );
    expect(changed.status).toBe(200);
    expect(changed.body.entity.occupation).toBe('novelist');
    const history = await rita.call('GET', `/api/entities/${id}/history`);
    expect(history.body.revisions).toHaveLength(1);
    expect(history.body.revisions[0].before.occupation).toBe(imported);
    const undone = await rita.call(
      'POST',
      `/api/entities/${id}/revert`,
      { version: 0, reason: 'back as imported' },
      { 'if-match': etag(history) },
    );
    expect(undone.status).toBe(200);
    expect(undone.body.entity.occupation).toBe(imported);
    expect((await api.get(`/api/entities/${id}`)).body.entity.occupation).toBe(imported);
    const after = await rita.call('GET', `/api/entities/${id}/history?limit=1`);
    expect(after.body.revisions[0]).toMatchObject({ action: 'revert', revertedTo: 0, version: 2 });

    const created = await rita.call('GET', '/api/entities/p-write-1/history?limit=1');
    const refused = await rita.call(
      'POST',
      '/api/entities/p-write-1/revert',
      { version: 0 },
      { 'if-match': etag(created) },
    );
    expect(refused.status).toBe(400);
    expect(refused.body.error.details[0].path).toBe('body.version');
  });
});

describe('soft delete and restore', () => {
  it('needs a reason; takes the record and its links out of every read; an admin restores both', async () => {
    const read = await api.get('/api/entities/p-write-1');
    const noReason = await rita.call('DELETE', '/api/entities/p-write-1', {}, { 'if-match': etag(read) });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.details[0].path).toBe('body.reason');
    const gone = await rita.call(
      'DELETE',
      '/api/entities/p-write-1',
      { reason: 'duplicate' },
      { 'if-match': etag(read) },
    );
    expect(gone.status).toBe(200);
    expect(gone.body).toEqual({ id: 'p-write-1', kind: 'entity', version: 6, deleted: true });
    expect((await api.get('/api/entities/p-write-1')).status).toBe(404);
    expect((await api.get('/api/citations/rel-write-member')).status).toBe(404);
    const history = await rita.call('GET', '/api/entities/p-write-1/history');
    expect(history.body).toMatchObject({ deleted: true, version: 6 });
    expect(history.body.revisions[0]).toMatchObject({ action: 'delete', reason: 'duplicate', after: null });
    const relHistory = await rita.call('GET', '/api/relationships/rel-write-member/history');
    expect(relHistory.body.revisions[0]).toMatchObject({ action: 'delete', after: null });

    expect((await rita.call('POST', '/api/entities/p-write-1/restore', { reason: 'not a duplicate' })).status).toBe(
      403,
    );
    const back = await adam.call('POST', '/api/entities/p-write-1/restore', { reason: 'not a duplicate' });
    expect(back.status).toBe(200);
    expect(back.body.entity.name).toBe('Dilnaz Write');
    expect(etag(back)).toBe('"7"');
    const rel = await api.get('/api/citations/rel-write-member');
    expect(rel.status).toBe(200);
    expect(rel.body.claims).toHaveLength(2);
    const actions = (await auditEntries({ limit: 50 }))
      .filter((e) => e.action === 'write')
      .map((e) => e.details.action);
    expect(actions).toContain('delete');
    expect(actions).toContain('restore');
  });
});

describe('who may write', () => {
  it('a viewer, signed in or anonymous, gets 403; a change without the CSRF token is refused', async () => {
    const viewer = await vera.call('POST', '/api/entities', person('p-by-viewer', 'Nobody'));
    expect(viewer.status).toBe(403);
    const anonymous = await api.post('/api/entities', person('p-by-anonymous', 'Nobody'));
    expect(anonymous.status).toBe(403);
    const noCsrf = await rita.call('POST', '/api/entities', person('p-no-csrf', 'Nobody'), { 'x-csrf-token': '' });
    expect(noCsrf.status).toBe(403);
    expect(noCsrf.body.error.code).toBe('csrf');
    expect((await api.get('/api/entities/p-by-viewer')).status).toBe(404);
  });
});
