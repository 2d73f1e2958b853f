import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEntries } from '../graph/audit/log.js';
import { SETUP_LINK_TTL_MS, SetupLink } from '../server/setup/link.js';
import { apiAt } from './support/api.js';
import { launchChromium, type RunningBrowser } from './support/browser.js';
import { freshGraph } from './support/graph.js';
import { type ServerProcess, startServerProcess } from './support/server-process.js';

/**
 * First start: a server with no admin prints a one-time link (like a notebook's token); whoever
 * opens it creates the first admin, once. Driven as an operator would: the link read from the
 * console of a real server process, the page filled in Chromium.
 */
const LINK = /(http:\/\/\S+)\/setup#token=([\w-]{43})/;
const PASSWORD = 'the first admin passphrase';

let server: ServerProcess;
let browser: RunningBrowser | undefined;

beforeAll(async () => {
  const build = spawnSync('node', ['scripts/build-client-if-stale.mjs'], { stdio: 'inherit' });
  expect(build.status).toBe(0);
  await freshGraph();
  server = await startServerProcess();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('a server started with no admin', () => {
  it('prints a setup link on its console, and says setup is open without telling the token', async () => {
    const [, origin, token] = LINK.exec(server.output) ?? [];
    expect(origin).toBe(server.url);
    expect(server.output).toContain('kinline user add NAME --role admin --password-stdin');
    const status = await apiAt(server.url).get('/api/setup');
    expect(status.body).toEqual({ open: true });
    expect(status.text).not.toContain(token);
  });

  it('refuses a wrong token (and audits it), and a short password, leaving the link usable', async () => {
    const api = apiAt(server.url);
    const token = LINK.exec(server.output)![2]!;
    const other = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
    const wrong = await api.post('/api/setup', { token: other, username: 'mallory', password: PASSWORD });
    expect(wrong.status).toBe(403);
    expect(wrong.body.error.code).toBe('setup_token_wrong');
    expect(wrong.headers.get('set-cookie')).toBeNull();
    const short = await api.post('/api/setup', { token, username: 'ada', password: 'too short' });
    expect(short.status).toBe(400);
    expect((await api.get('/api/setup')).body).toEqual({ open: true });
    const [failure] = await auditEntries({ limit: 1 });
    expect(failure).toMatchObject({ action: 'sign-in-failed', details: { via: 'setup', reason: 'setup_token_wrong' } });
  });

  it('the page of the link creates the first admin and signs them in', async () => {
    browser = await launchChromium({ viewport: { width: 900, height: 700 } });
    const page = await browser.context.newPage();
    const [link] = LINK.exec(server.output)!;
    await page.goto(link);
    await page.fill('input[name=username]', 'ada');
    await page.fill('input[name=password]', PASSWORD);
    await page.fill('input[name=again]', `${PASSWORD} typo`);
    await page.click('button[type=submit]');
    expect(await page.textContent('[role=alert]')).toContain('differ');
    expect(page.url()).toBe(`${server.url}/setup/`); // the token is out of the address bar
    mkdirSync('test-artifacts', { recursive: true });
    await page.screenshot({ path: 'test-artifacts/setup-page.png' });
    await page.fill('input[name=again]', PASSWORD);
    await Promise.all([page.waitForURL(`${server.url}/`), page.click('button[type=submit]')]);
    const session = await page.evaluate(() => fetch('/api/session').then((r) => r.json()));
    expect(session.user).toEqual({ username: 'ada', role: 'admin', clearance: 'none' });
    const cookie = (await browser.context.cookies()).find((c) => c.name === 'kinline_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
    const who = await apiAt(server.url).send('GET', '/api/session', {
      headers: { cookie: `kinline_session=${cookie!.value}` },
    });
    expect(who.body.user).toEqual({ username: 'ada', role: 'admin', clearance: 'none' });
    const audit = (await auditEntries({ limit: 2 })).map((e) => [e.action, e.actor]);
    expect(audit).toEqual([
      ['sign-in', 'ada'],
      ['setup-admin', 'ada'],
    ]);
  });

  it('refuses the same token a second time, naming why, and setup is closed', async () => {
    const api = apiAt(server.url);
    const token = LINK.exec(server.output)![2]!;
    const again = await api.post('/api/setup', { token, username: 'eve', password: PASSWORD });
    expect(again.status).toBe(410);
    expect(again.body.error).toMatchObject({ code: 'setup_used', message: expect.stringContaining('used already') });
    expect((await api.get('/api/setup')).body).toEqual({ open: false });
  });
});

describe('a server started with an admin', () => {
  it('prints no link, issues no token, and refuses setup', async () => {
    await server.stop();
    server = await startServerProcess();
    expect(server.output).not.toMatch(/setup#token=/);
    const api = apiAt(server.url);
    expect((await api.get('/api/setup')).body).toEqual({ open: false });
    const refused = await api.post('/api/setup', { token: 'x'.repeat(43), username: 'eve', password: PASSWORD });
    expect(refused.status).toBe(410);
    expect(refused.body.error.code).toBe('setup_closed');
  });
});

it('a link expires after an hour, and is spent by its first use', () => {
  const link = new SetupLink();
  expect(link.claim('anything', 0)).toEqual({ ok: false, reason: 'not_open' });
  const token = link.issue(0);
  expect(link.isOpen(SETUP_LINK_TTL_MS - 1)).toBe(true);
  expect(link.claim(token, SETUP_LINK_TTL_MS)).toEqual({ ok: false, reason: 'expired' });
  const fresh = link.issue(0);
  expect(link.claim(token, 1)).toEqual({ ok: false, reason: 'wrong_token' });
  expect(link.claim(fresh, 1)).toMatchObject({ ok: true });
  expect(link.claim(fresh, 2)).toEqual({ ok: false, reason: 'used' });
});
