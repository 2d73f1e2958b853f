import { mkdirSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Api, seededApi } from './support/api.js';
import { launchChromium, type RunningBrowser } from './support/browser.js';
import { addWriters, SOURCE } from './support/writers.js';

/**
 * Issue 14 in Chromium: a researcher edits a record with a cited reason, sees the change in its
 * history, loses nothing to a colleague's concurrent edit, reverts, links two records, and deletes.
 */
const ARTIFACTS = 'test-artifacts';
const PASSWORD = 'a long enough password';
const MASSIMO = 'person-massimo-introvigne';
const AIMAN = 'person-aiman-umarova';

let api: Api;
let chromium: RunningBrowser;
let page: Page;
const pageErrors: string[] = [];

const shot = (name: string) => page.screenshot({ path: `${ARTIFACTS}/editing-${name}.png` });
const details = (p: Page = page): Locator => p.locator('#details .details');
const tool = (name: string, p: Page = page) =>
  details(p).getByRole('group', { name: 'Edit tools' }).getByRole('button', { name });

async function signIn(p: Page, username: string): Promise<void> {
  await p.goto(api.url);
  await p.getByRole('button', { name: 'Sign in' }).click();
  const dialog = p.getByRole('dialog', { name: 'Sign in' });
  await dialog.getByLabel('Username').fill(username);
  await dialog.getByLabel('Password').fill(PASSWORD);
  await dialog.getByRole('button', { name: 'Sign in' }).click();
  await p.getByText(`Signed in as ${username}`).waitFor();
}

/** Opens a record selected, as a shared link does, and waits for its details. */
async function open(p: Page, id: string): Promise<void> {
  await p.goto(`${api.url}/?s=${id}&sel=n:${id}`);
  await p.locator(`#details .details[data-id="${id}"]`).waitFor();
}

async function cite(dialog: Locator, excerpt: string): Promise<void> {
  await dialog.getByLabel('Source id').fill(SOURCE);
  await dialog.getByLabel('Locator (page, paragraph, timestamp)').fill('byline');
  await dialog.getByLabel('Excerpt (verbatim, original language)').fill(excerpt);
}

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  api = await seededApi();
  await addWriters();
  chromium = await launchChromium();
  page = await chromium.context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await signIn(page, 'rita');
});

afterAll(async () => {
  await chromium?.close();
  await api?.close();
});

describe('editing in the browser, in Chromium', () => {
  it('edits a field with a reason and a claim; the details show the new value at once', async () => {
    await open(page, MASSIMO);
    await tool('Edit…').click();
    const dialog = page.getByRole('dialog', { name: /Edit this record/ });
    await dialog.waitFor();
    const occupation = dialog.getByLabel('Occupation');
    expect(await occupation.inputValue()).toBe('sociologist of religions');
    // Saving without a change says so, and keeps the dialog open.
    await dialog.getByLabel('Why (shown in the history)').fill('his own site says so');
    await cite(dialog, 'Massimo Introvigne, sociologist');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.getByRole('alert').getByText('Nothing was changed.').waitFor();
    await occupation.fill('sociologist');
    await shot('01-edit');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('Saved: occupation.').waitFor();
    await details()
      .locator('dd', { hasText: /^sociologist$/ })
      .waitFor();
    const stored = await api.get(`/api/entities/${MASSIMO}`);
    expect(stored.body.entity.occupation).toBe('sociologist');
    // The new value is cited: a statement with the form's claim.
    const statement = stored.body.statements.find(
      (s: { field: string; values: { value: unknown }[] }) => s.field === 'occupation',
    );
    expect(JSON.stringify(statement)).toContain('Massimo Introvigne, sociologist');
  });

  it("refuses a save over a colleague's newer change, in words, and keeps the colleague's value", async () => {
    const second = await chromium.context.newPage();
    await open(second, MASSIMO);
    await tool('Edit…', second).click();
    const stale = second.getByRole('dialog', { name: /Edit this record/ });
    await stale.waitFor();
    // Meanwhile, the first tab saves a change.
    await tool('Edit…').click();
    const fresh = page.getByRole('dialog', { name: /Edit this record/ });
    await fresh.getByLabel('Occupation').fill('sociologist and author');
    await fresh.getByLabel('Why (shown in the history)').fill('fuller title');
    await cite(fresh, 'sociologist and author');
    await fresh.getByRole('button', { name: 'Save' }).click();
    await fresh.waitFor({ state: 'hidden' });

    await stale.getByLabel('Occupation').fill('journalist');
    await stale.getByLabel('Why (shown in the history)').fill('a guess');
    await cite(stale, 'journalist');
    await stale.getByRole('button', { name: 'Save' }).click();
    await stale
      .getByRole('alert')
      .getByText(/Someone saved a change to this record since you opened it/)
      .waitFor();
    await second.screenshot({ path: `${ARTIFACTS}/editing-02-stale.png` });
    await second.close();
    expect((await api.get(`/api/entities/${MASSIMO}`)).body.entity.occupation).toBe('sociologist and author');
  });

  it('shows the history with author, reason and each change, and reverts to the record as imported', async () => {
    await open(page, MASSIMO);
    await tool('History').click();
    const history = page.getByRole('dialog', { name: /History of Massimo Introvigne/ });
    const revisions = history.getByRole('list', { name: 'Revisions, newest first' }).locator('.revision');
    await revisions.first().waitFor();
    expect(await revisions.count()).toBe(3); // two changes and "as imported"
    const newest = revisions.first();
    expect(await newest.textContent()).toContain('Version 2 changed by rita');
    expect(await newest.textContent()).toContain('Why: fuller title');
    expect(await newest.locator('.revision-changes').textContent()).toBe(
      'occupation: sociologist → sociologist and author',
    );
    await shot('03-history');
    await history.getByRole('button', { name: 'Revert to version 0 (as imported)' }).click();
    await history.waitFor({ state: 'hidden' });
    await page.getByText(/Reverted: the record is back as it was/).waitFor();
    await details()
      .locator('dd', { hasText: /^sociologist of religions$/ })
      .waitFor();
    expect((await api.get(`/api/entities/${MASSIMO}`)).body.entity.occupation).toBe('sociologist of religions');
  });

  it('links two records with a cited relationship found by name', async () => {
    await open(page, MASSIMO);
    await tool('Add relationship…').click();
    const dialog = page.getByRole('dialog', { name: /Add a relationship/ });
    await dialog.getByLabel('Relationship').selectOption({ label: 'Massimo Introvigne —REPRESENTS→ …' });
    await dialog.getByLabel('The other record (search by name, any script)').fill('Umarova');
    await dialog.getByRole('button', { name: 'Find' }).click();
    await dialog.getByLabel('Found').locator('option', { hasText: 'Aiman Umarova' }).waitFor({ state: 'attached' });
    await dialog.getByLabel('Role or relation in words (optional)').fill('advocate');
    await cite(dialog, 'Umarova told Bitter Winter');
    await dialog.getByRole('button', { name: 'Add relationship' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('Relationship added, with its source.').waitFor();
    await details().locator('.relationships .other', { hasText: 'Aiman Umarova' }).waitFor();
    const stored = await api.get(`/api/entities/${MASSIMO}`);
    const link = stored.body.relationships.find((r: { other: { id: string } }) => r.other.id === AIMAN);
    expect(link).toMatchObject({ type: 'REPRESENTS', role: 'advocate' });
  });

  it('deletes with a reason; the record leaves the view and the API', async () => {
    await open(page, AIMAN);
    await tool('Delete…').click();
    const dialog = page.getByRole('dialog', { name: 'Delete this record' });
    // The reason is required: the browser keeps the dialog open without one.
    await dialog.getByRole('button', { name: 'Delete' }).click();
    expect(await dialog.isVisible()).toBe(true);
    await dialog.getByLabel('Why (shown in the history)').fill('test record');
    await dialog.getByRole('button', { name: 'Delete' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('Deleted Aiman Umarova.', { exact: false }).waitFor();
    expect((await api.get(`/api/entities/${AIMAN}`)).status).toBe(404);
    await shot('04-deleted');
    expect(pageErrors).toEqual([]);
  });

  it('offers a viewer the history only, never an edit tool', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    await signIn(page, 'vera');
    await open(page, MASSIMO);
    const tools = details().getByRole('group', { name: 'Edit tools' });
    await tools.getByRole('button', { name: 'History' }).waitFor();
    expect(await tools.getByRole('button').allTextContents()).toEqual(['History']);
    expect(await page.getByRole('button', { name: 'Add person' }).count()).toBe(0);
  });
});
