import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../graph/access/roles.js';
import { addUser } from '../graph/access/users.js';
import { write } from '../graph/db/driver.js';
import { type Api, startApi } from './support/api.js';
import { freshGraph } from './support/graph.js';

const PASSWORD = 'a long enough password';
let closed: Api;
let open: Api;
let admin: Session;

interface Session {
  cookie: string;
  csrf: string;
}

interface Entry {
  seq: number;
  actor: string;
  action: string;
  details: Record<string, unknown>;
}

beforeAll(async () => {
  await freshGraph();
  await addUser({ username: 'aliya', role: 'admin', clearance: 'confidential', password: PASSWORD });
  await addUser({ username: 'vera', role: 'viewer', password: PASSWORD });
  await addUser({ username: 'rustem', role: 'researcher', password: PASSWORD });
  await addUser({ username: 'dana', role: 'cleared', clearance: 'confidential', password: PASSWORD });
  // A server that admits no anonymous reader, and one that lets anyone read as a viewer.
  closed = await startApi({ anonymousRead: false });
  open = await startApi({ anonymousRead: true });
  // What the log will hold: a failure, a viewer's sign-in and sign-out, then the admin's sign-in.
  await closed.send('POST', '/api/session', { body: { username: 'vera', password: 'not her password at all' } });
  const vera = await signIn('vera');
  expect(
    (await closed.send('DELETE', '/api/session', { headers: { cookie: vera.cookie, 'x-csrf-token': vera.csrf } }))
      .status,
  ).toBe(200);
  admin = await signIn('aliya');
});
afterAll(async () => {
  await Promise.all([closed, open].map((api) => api?.close()));
});

async function signIn(username: string): Promise<Session> {
  const reply = await closed.send('POST', '/api/session', { body: { username, password: PASSWORD } });
  expect(reply.status, username).toBe(200);
  return { cookie: (reply.headers.get('set-cookie') ?? '').split(';')[0]!, csrf: reply.body.csrfToken };
}

const readAudit = (query = '', session: Session = admin) =>
  closed.send('GET', `/api/audit${query}`, { headers: { cookie: session.cookie } });

describe('GET /api/audit for an admin', () => {
  it('lists the sign-ins, the failure and the sign-out, newest first, and says the chain verifies', async () => {
    const reply = await readAudit();
    expect(reply.status).toBe(200);
    const items = reply.body.items as Entry[];
    expect(items.map((e) => [e.action, e.actor])).toEqual([
      ['sign-in', 'aliya'],
      ['sign-out', 'vera'],
      ['sign-in', 'vera'],
      ['sign-in-failed', 'vera'],
    ]);
    expect(items.map((e) => e.seq)).toEqual([4, 3, 2, 1]);
    expect(items[0]!.details).toMatchObject({ ip: expect.any(String) });
    expect(reply.body).toMatchObject({ verified: true, entries: 4, hasMore: false, nextBefore: null });
    expect(reply.body.broken).toBeUndefined();
  });

  it('filters by action and by username', async () => {
    const signIns = (await readAudit('?action=sign-in')).body.items as Entry[];
    expect(signIns.map((e) => e.actor)).toEqual(['aliya', 'vera']);
    const vera = (await readAudit('?actor=vera')).body.items as Entry[];
    expect(vera.map((e) => e.action)).toEqual(['sign-out', 'sign-in', 'sign-in-failed']);
    const both = (await readAudit('?actor=vera&action=sign-out')).body.items as Entry[];
    expect(both.map((e) => e.seq)).toEqual([3]);
    expect((await readAudit('?actor=nobody')).body.items).toEqual([]);
  });

  it('pages by sequence number, so new entries do not shift the pages', async () => {
    const first = await readAudit('?limit=3');
    expect((first.body.items as Entry[]).map((e) => e.seq)).toEqual([4, 3, 2]);
    expect(first.body).toMatchObject({ hasMore: true, nextBefore: 2 });
    await signIn('dana'); // written between the two pages
    const second = await readAudit(`?limit=3&before=${first.body.nextBefore}`);
    expect((second.body.items as Entry[]).map((e) => e.seq)).toEqual([1]);
    expect(second.body).toMatchObject({ hasMore: false, nextBefore: null });
  });

  it('refuses an unknown action or a bad page with 400, naming the field', async () => {
    const unknown = await readAudit('?action=coffee');
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toContain('query.action');
    expect((await readAudit('?limit=0')).status).toBe(400);
    expect((await readAudit('?before=x')).status).toBe(400);
  });
});

describe('GET /api/audit for everyone else', () => {
  it.each<Role>(['viewer', 'researcher', 'cleared'])('refuses a signed-in %s with 403', async (role) => {
    const username = { viewer: 'vera', researcher: 'rustem', cleared: 'dana', admin: 'aliya' }[role];
    const reply = await readAudit('', await signIn(username));
    expect(reply.status).toBe(403);
    expect(reply.body.error).toEqual({ code: 'admin_only', message: 'Only an admin may read the audit log.' });
    expect(reply.text).not.toContain('sign-in-failed');
  });

  it('asks an anonymous reader to sign in, on a closed server and on one open to anonymous readers', async () => {
    for (const api of [closed, open]) {
      const reply = await api.get('/api/audit');
      expect(reply.status).toBe(401);
      expect(reply.body.error.code).toBe('sign_in_required');
      expect(reply.text).not.toContain('aliya');
    }
  });
});

it('says the chain is broken, and where, once an entry is edited in the database', async () => {
  await write(`MATCH (a:AuditEntry {seq: 2}) SET a.detailsJson = '{"ip":"somewhere else"}'`);
  const reply = await readAudit();
  expect(reply.status).toBe(200);
  expect(reply.body).toMatchObject({ verified: false, broken: { seq: 2, problem: 'entry 2 was altered' } });
  // The altered entry is still listed as it now reads, for the admin to see what changed.
  const altered = (reply.body.items as Entry[]).find((e) => e.seq === 2)!;
  expect(altered.details).toEqual({ ip: 'somewhere else' });
});
