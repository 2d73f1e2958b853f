import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser } from '../graph/access/users.js';
import { auditEntries } from '../graph/audit/log.js';
import { loadSeedCase } from '../seeds/index.js';
import { type Api, startApi } from './support/api.js';
import { launchChromium, type RunningBrowser } from './support/browser.js';
import { freshGraph } from './support/graph.js';

const ARTIFACTS = 'test-artifacts';
const PASSWORD = 'a long enough passphrase';
const WRONG = { username: 'aliya', password: 'not her passphrase at all' };

let api: Api;
let chromium: RunningBrowser;
let page: Page;
const pageErrors: string[] = [];

const dialog = (): Locator => page.getByRole('dialog', { name: 'Sign in' });
const account = (): Locator => page.getByRole('navigation', { name: 'Account' });

async function shot(name: string): Promise<void> {
  await page.screenshot({ path: `${ARTIFACTS}/sign-in-${name}.png` });
}

async function signInAs(username: string, password: string): Promise<void> {
  await dialog().getByLabel('Username').fill(username);
  await dialog().getByLabel('Password').fill(password);
  await dialog().getByRole('button', { name: 'Sign in' }).click();
}

beforeAll(async () => {
  const build = spawnSync('node', ['scripts/build-client-if-stale.mjs'], { stdio: 'inherit' });
  expect(build.status).toBe(0);
  mkdirSync(ARTIFACTS, { recursive: true });
  await freshGraph();
  await loadSeedCase();
  await addUser({ username: 'aliya', role: 'admin', clearance: 'confidential', password: PASSWORD });
  // A server that admits no anonymous reader, as when it listens beyond loopback.
  api = await startApi({ anonymousRead: false });
  chromium = await launchChromium();
  page = await chromium.context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
});

afterAll(async () => {
  await chromium?.close();
  await api?.close();
});

describe('signing in to a server without anonymous reading, in Chromium', () => {
  it('opens with the sign-in dialog, the username field focused', async () => {
    await page.goto(api.url);
    await dialog().waitFor({ state: 'visible' });
    expect(await dialog().textContent()).toContain('This server is read by signing in.');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('sign-in-username');
    expect(await account().textContent()).toContain('Sign in to read this server');
    await shot('01-dialog');
  });

  it('closes on Escape, and the Sign in button opens it again', async () => {
    await page.keyboard.press('Escape');
    await dialog().waitFor({ state: 'hidden' });
    await account().getByRole('button', { name: 'Sign in' }).click();
    await dialog().waitFor({ state: 'visible' });
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('sign-in-username');
    await page.keyboard.press('Escape');
    await dialog().waitFor({ state: 'hidden' });
    // Focus goes back to the button that opened it.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('sign-in');
    await account().getByRole('button', { name: 'Sign in' }).click();
    await dialog().waitFor({ state: 'visible' });
  });

  it("shows the API's own message for a wrong password, as text", async () => {
    const expected = (await api.send('POST', '/api/session', { body: WRONG })).body.error.message as string;
    await signInAs(WRONG.username, WRONG.password);
    const error = dialog().getByRole('alert');
    await error.getByText(expected).waitFor();
    expect(await error.textContent()).toBe(expected);
    expect(await dialog().getByLabel('Password').inputValue()).toBe('');
    await shot('02-wrong-password');
  });

  it('signs in with the right password, says who is signed in, and reads the graph', async () => {
    await signInAs('aliya', PASSWORD);
    await account().getByText('Signed in as aliya (admin, confidential)').waitFor();
    expect(await dialog().isVisible()).toBe(false);
    await page.fill('#search-input', 'Umarova');
    await page.press('#search-input', 'Enter');
    await page.locator('#search-results .hit', { hasText: 'Aiman Umarova' }).first().waitFor();
    await shot('03-signed-in');
  });

  it('shows an admin the audit log with their own sign-in, the failures, and a verified chain', async () => {
    await account().getByRole('button', { name: 'Audit log' }).click();
    const heading = page.getByRole('heading', { name: 'Audit log' });
    await heading.waitFor();
    const rows = page.locator('.audit-table tbody tr');
    const ownSignIn = rows
      .filter({ hasText: 'aliya' })
      .filter({ has: page.locator('.audit-action', { hasText: /^sign-in$/ }) });
    await ownSignIn.first().waitFor();
    await page.getByText('The audit chain verifies').waitFor();
    expect(await page.isVisible('#graph')).toBe(false);
    await shot('04-audit');

    await page.getByLabel('Action').selectOption('sign-in-failed');
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.waitForFunction(() =>
      [...document.querySelectorAll('.audit-table tbody .audit-action')].every(
        (td) => td.textContent === 'sign-in-failed',
      ),
    );
    expect(await rows.count()).toBe(2);
    await page.getByRole('button', { name: 'Back to the graph' }).click();
    await page.locator('#graph').waitFor();
  });

  it('asks to sign in again when the session ends elsewhere (401 on any request)', async () => {
    // Sign out in "another tab": the same cookie, sent by the test.
    const cookie = (await chromium.context.cookies(api.url)).map((c) => `${c.name}=${c.value}`).join('; ');
    const { csrfToken } = (await api.send('GET', '/api/session', { headers: { cookie } })).body;
    expect((await api.send('DELETE', '/api/session', { headers: { cookie, 'x-csrf-token': csrfToken } })).status).toBe(
      200,
    );
    await page.fill('#search-input', 'Bekova');
    await page.press('#search-input', 'Enter');
    await dialog().waitFor({ state: 'visible' });
    expect(await dialog().textContent()).toContain('Your session has ended');
    await signInAs('aliya', PASSWORD);
    await account().getByText('Signed in as aliya (admin, confidential)').waitFor();
  });

  it('signs out (with the CSRF token of the session) and returns to the sign-in form', async () => {
    const signOuts = async () => (await auditEntries({ limit: 50, action: 'sign-out' })).length;
    const before = await signOuts();
    await account().getByRole('button', { name: 'Sign out' }).click();
    await dialog().waitFor({ state: 'visible' });
    expect(await account().textContent()).toContain('Sign in to read this server');
    // The server ended the session: without the X-CSRF-Token it would have refused with 403.
    expect(await signOuts()).toBe(before + 1);
    expect((await chromium.context.cookies(api.url)).map((c) => c.name)).not.toContain('kinline_session');
    await shot('05-signed-out');
  });

  it('raised no script error on the way', () => {
    expect(pageErrors).toEqual([]);
  });
});
