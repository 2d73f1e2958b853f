import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, disableUser } from '../graph/access/users.js';
import { auditEntries, verifyAudit } from '../graph/audit/log.js';
import { type Api, startApi } from './support/api.js';
import { freshGraph } from './support/graph.js';

const PASSWORD = 'a long enough password';
let first: Api;
let second: Api;
let closed: Api;

beforeAll(async () => {
  await freshGraph();
  await addUser({ username: 'gulnar', role: 'researcher', password: PASSWORD });
  await addUser({ username: 'nurlan', role: 'viewer', password: PASSWORD });
  // Two app instances on one database, as behind a load balancer; a third that admits no anonymous reader.
  first = await startApi();
  second = await startApi();
  closed = await startApi({ anonymousRead: false });
});
afterAll(async () => {
  await Promise.all([first, second, closed].map((api) => api?.close()));
});

async function signIn(api: Api, username: string, password = PASSWORD) {
  const reply = await api.send('POST', '/api/session', { body: { username, password } });
  const cookie = (reply.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return { reply, cookie, csrf: reply.body?.csrfToken as string };
}

describe('signing in', () => {
  it('answers a wrong password and an unknown name alike, and audits both', async () => {
    const wrong = await signIn(first, 'gulnar', 'not the password at all');
    const unknown = await signIn(first, 'nobody-here', 'not the password at all');
    expect(wrong.reply.status).toBe(401);
    expect(unknown.reply.status).toBe(401);
    expect(wrong.reply.body).toEqual(unknown.reply.body);
    expect(wrong.reply.headers.get('set-cookie')).toBeNull();
    const audit = await auditEntries({ limit: 5 });
    expect(audit.filter((e) => e.action === 'sign-in-failed').map((e) => e.actor)).toEqual(['nobody-here', 'gulnar']);
  });

  it('sets an HttpOnly, SameSite=Strict cookie and tells who is signed in', async () => {
    const { reply, cookie } = await signIn(first, 'gulnar');
    expect(reply.status).toBe(200);
    expect(reply.body.user).toEqual({ username: 'gulnar', role: 'researcher', clearance: 'none' });
    const header = reply.headers.get('set-cookie') ?? '';
    expect(header).toMatch(/kinline_session=/);
    expect(header).toMatch(/HttpOnly/);
    expect(header).toMatch(/SameSite=Strict/);
    const who = await first.send('GET', '/api/session', { headers: { cookie } });
    expect(who.body).toMatchObject({ user: { username: 'gulnar' }, csrfToken: reply.body.csrfToken });
  });
});

describe('sessions shared by two app instances', () => {
  it('a session made on one instance works on the other; signing out on one ends it on both', async () => {
    const { cookie, csrf } = await signIn(first, 'gulnar');
    expect((await second.send('GET', '/api/session', { headers: { cookie } })).body.user.username).toBe('gulnar');
    const refused = await second.send('DELETE', '/api/session', { headers: { cookie } });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('csrf');
    const out = await second.send('DELETE', '/api/session', { headers: { cookie, 'x-csrf-token': csrf } });
    expect(out.status).toBe(200);
    expect((await first.send('GET', '/api/session', { headers: { cookie } })).body.user).toBeNull();
    expect((await second.send('GET', '/api/session', { headers: { cookie } })).body.user).toBeNull();
  });

  it('disabling a user ends their sessions at once', async () => {
    const { cookie } = await signIn(second, 'nurlan');
    expect((await first.send('GET', '/api/session', { headers: { cookie } })).body.user.username).toBe('nurlan');
    await disableUser('nurlan');
    expect((await first.send('GET', '/api/session', { headers: { cookie } })).body.user).toBeNull();
    expect((await signIn(first, 'nurlan')).reply.status).toBe(401);
  });
});

describe('a server that admits no anonymous reader', () => {
  it('answers health and the session routes, and 401 to every read until one signs in', async () => {
    expect((await closed.get('/api/health')).status).toBe(200);
    const anonymous = await closed.get('/api/search?q=Umarova');
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.error.code).toBe('sign_in_required');
    expect((await closed.get('/api/session')).body).toEqual({ user: null, anonymousReading: false, oidc: false });
    const { cookie } = await signIn(closed, 'gulnar');
    expect((await closed.send('GET', '/api/search?q=Umarova', { headers: { cookie } })).status).toBe(200);
  });
});

it('keeps an audit chain that verifies after all of it', async () => {
  const actions = (await auditEntries({ limit: 50 })).map((e) => e.action);
  expect(actions).toContain('sign-in');
  expect(actions).toContain('sign-out');
  expect(await verifyAudit()).toMatchObject({ ok: true });
});
