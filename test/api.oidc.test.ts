import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, findUser, listUsers } from '../graph/access/users.js';
import { auditEntries, verifyAudit } from '../graph/audit/log.js';
import { parseConfig } from '../graph/config.js';
import { type Api, startApi } from './support/api.js';
import { freshGraph } from './support/graph.js';
import {
  CLIENT_ID,
  CLIENT_SECRET,
  CookieBrowser,
  signInThroughProvider,
  startProvider,
  type TestProvider,
} from './support/oidc-provider.js';

/**
 * Sign-in through an organisation's OpenID Connect provider: a real provider (oidc-provider) in
 * this process, walked through its own sign-in and consent pages; Kinline maps the person's
 * groups to a role on every sign-in and refuses whoever has no mapped group.
 */
const groups = new Map<string, string[]>([
  ['amina', ['staff', 'kinline-cleared']],
  ['boris', ['staff', 'kinline-visitors']],
  ['dana', ['kinline-researchers', 'kinline-admins', 'kinline-cleared']],
  ['chen', ['kinline-researchers']],
]);

let provider: TestProvider;
let kinline: Api;

beforeAll(async () => {
  await freshGraph();
  provider = await startProvider((login) => groups.get(login) ?? []);
  // Read once, when the app is made (graph/config.ts); the callback URL is derived from the request.
  Object.assign(process.env, {
    KINLINE_OIDC_ISSUER: provider.issuer,
    KINLINE_OIDC_CLIENT_ID: CLIENT_ID,
    KINLINE_OIDC_CLIENT_SECRET: CLIENT_SECRET,
    KINLINE_OIDC_SCOPES: 'openid profile groups',
    KINLINE_OIDC_ROLE_MAP: 'kinline-admins=admin,kinline-cleared=cleared:confidential,kinline-researchers=researcher',
  });
  kinline = await startApi({ anonymousRead: false });
  provider.register(`${kinline.url}/api/oidc/callback`);
});
afterAll(async () => {
  await kinline?.close();
  await provider?.close();
});

const sessionWith = async (cookie: string | undefined) =>
  (await kinline.send('GET', '/api/session', { headers: cookie ? { cookie: `kinline_session=${cookie}` } : {} })).body;

describe('sign-in through the organisation', () => {
  it('is offered by GET /api/session', async () => {
    expect(await sessionWith(undefined)).toEqual({ user: null, anonymousReading: false, oidc: true });
  });

  it('sends the browser to the provider with PKCE, state and nonce, kept in a short-lived HttpOnly cookie', async () => {
    const browser = new CookieBrowser();
    const answer = await browser.request(new URL('/api/oidc/login', kinline.url));
    expect(answer.status).toBe(302);
    const to = new URL(answer.headers.get('location')!);
    expect(to.origin).toBe(provider.issuer);
    expect(Object.fromEntries(to.searchParams)).toMatchObject({
      client_id: CLIENT_ID,
      response_type: 'code',
      redirect_uri: `${kinline.url}/api/oidc/callback`,
      code_challenge_method: 'S256',
      scope: 'openid profile groups',
    });
    for (const param of ['code_challenge', 'state', 'nonce']) expect(to.searchParams.get(param)).toMatch(/^[\w-]{43}$/);
    const cookie = answer.headers.getSetCookie().find((c) => c.startsWith('kinline_oidc='))!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Path=\/api\/oidc/);
    expect(cookie).toMatch(/Max-Age=600/);
  });

  it('signs a new person in with the role and clearance their groups map to', async () => {
    const browser = new CookieBrowser();
    const { answer } = await signInThroughProvider(browser, kinline.url, 'amina');
    expect(answer.status).toBe(302);
    expect(answer.headers.get('location')).toBe('/');
    const session = await sessionWith(browser.cookie(kinline.url, 'kinline_session'));
    expect(session.user).toEqual({ username: 'amina', role: 'cleared', clearance: 'confidential' });
    expect(session.csrfToken).toBeTypeOf('string');
    const amina = await findUser('amina');
    expect(amina?.oidcSubject).toBe(`${provider.issuer} amina`);
    const audit = (await auditEntries({ limit: 2 })).map((e) => [e.action, e.actor, e.details.via ?? e.details.role]);
    expect(audit).toEqual([
      ['sign-in', 'amina', 'oidc'],
      ['user-added', 'oidc', 'cleared'],
    ]);
  });

  it('gives the highest role and clearance among several mapped groups', async () => {
    const browser = new CookieBrowser();
    await signInThroughProvider(browser, kinline.url, 'dana');
    const session = await sessionWith(browser.cookie(kinline.url, 'kinline_session'));
    expect(session.user).toEqual({ username: 'dana', role: 'admin', clearance: 'confidential' });
  });

  it("brings the role up to date on every sign-in, ending the account's older sessions", async () => {
    const first = new CookieBrowser();
    await signInThroughProvider(first, kinline.url, 'amina');
    const before = first.cookie(kinline.url, 'kinline_session');
    expect((await sessionWith(before)).user.role).toBe('cleared');
    groups.set('amina', ['staff', 'kinline-researchers']); // moved to another team at the organisation
    const second = new CookieBrowser();
    await signInThroughProvider(second, kinline.url, 'amina');
    expect((await sessionWith(second.cookie(kinline.url, 'kinline_session'))).user).toEqual({
      username: 'amina',
      role: 'researcher',
      clearance: 'none',
    });
    expect((await sessionWith(before)).user).toBeNull();
    expect((await listUsers()).filter((u) => u.username.startsWith('amina'))).toHaveLength(1);
    const [, changed] = await auditEntries({ limit: 2 });
    expect(changed).toMatchObject({ action: 'user-changed', details: { username: 'amina', role: 'researcher' } });
  });

  it('never opens a local account of the same name', async () => {
    await addUser({ username: 'chen', role: 'viewer', password: 'a local password of chen' });
    const browser = new CookieBrowser();
    await signInThroughProvider(browser, kinline.url, 'chen');
    const session = await sessionWith(browser.cookie(kinline.url, 'kinline_session'));
    expect(session.user.username).toMatch(/^chen-[0-9a-f]{8}$/);
    expect(session.user.role).toBe('researcher');
    expect((await findUser('chen'))?.role).toBe('viewer');
  });
});

describe('refusals', () => {
  it('refuses a person none of whose groups has a role, says why, creates no account, and audits it', async () => {
    const browser = new CookieBrowser();
    const { answer } = await signInThroughProvider(browser, kinline.url, 'boris');
    expect(answer.status).toBe(403);
    const error = JSON.parse(answer.text).error;
    expect(error.code).toBe('oidc_no_role');
    expect(error.message).toMatch(/no group that has a role in Kinline/);
    expect(browser.cookie(kinline.url, 'kinline_session')).toBeUndefined();
    expect(await findUser('boris')).toBeNull();
    const [failure] = await auditEntries({ limit: 1 });
    expect(failure).toMatchObject({
      action: 'sign-in-failed',
      actor: 'boris',
      details: { via: 'oidc', reason: 'no-role', groups: ['staff', 'kinline-visitors'] },
    });
  });

  it('refuses a callback whose state was tampered with, and audits it', async () => {
    const browser = new CookieBrowser();
    const { answer } = await signInThroughProvider(browser, kinline.url, 'dana', (callback) => {
      const forged = new URL(callback);
      forged.searchParams.set('state', `${callback.searchParams.get('state')}x`);
      return forged;
    });
    expect(answer.status).toBe(401);
    const error = JSON.parse(answer.text).error;
    expect(error.code).toBe('oidc_failed');
    expect(error.message).toMatch(/state/);
    expect(browser.cookie(kinline.url, 'kinline_session')).toBeUndefined();
    const [failure] = await auditEntries({ limit: 1 });
    expect(failure).toMatchObject({
      action: 'sign-in-failed',
      actor: 'anonymous',
      details: { via: 'oidc', reason: 'invalid-callback' },
    });
  });

  it('refuses a callback replayed after the sign-in it belonged to', async () => {
    const browser = new CookieBrowser();
    const { callback, answer } = await signInThroughProvider(browser, kinline.url, 'dana');
    expect(answer.status).toBe(302);
    const replay = await new CookieBrowser().request(callback);
    expect(replay.status).toBe(401);
    expect(JSON.parse(replay.text).error.message).toMatch(/not started in this browser/);
  });

  it('takes no issuer over plain http unless it is on this machine', () => {
    expect(() => parseConfig({ KINLINE_OIDC_ISSUER: 'http://login.example.org' })).toThrow(
      /KINLINE_OIDC_ISSUER: expected an https URL \(http only on a loopback address\)/,
    );
    expect(parseConfig({ KINLINE_OIDC_ISSUER: 'http://127.0.0.1:9000/realm' }).oidcIssuer).toBe(
      'http://127.0.0.1:9000/realm',
    );
  });

  it('keeps an audit chain that verifies', async () => {
    expect(await verifyAudit()).toMatchObject({ ok: true });
  });
});
