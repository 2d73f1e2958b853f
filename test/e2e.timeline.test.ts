import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededApi, type Api } from './support/api.js';
import { launchChromium, type RunningBrowser } from './support/browser.js';

const ARTIFACTS = 'test-artifacts';
const FAMILY = 'family-bw-2019-01';

let api: Api;
let chromium: RunningBrowser;
let page: Page;
const errors: string[] = [];

const shot = (name: string) => page.screenshot({ path: `${ARTIFACTS}/timeline-${name}.png` });

/** Waits for the graph and the timeline panel to have drawn the current state. */
async function ready(): Promise<void> {
  await page.waitForFunction(
    () => document.body.dataset.ready === 'true' && document.getElementById('timeline-panel')?.dataset.ready === 'true',
    null,
    { timeout: 20_000 },
  );
}

/** The visible (public) id of a protected person, found by pseudonym as a reader would. */
async function personId(pseudonym: string): Promise<string> {
  const hits = await api.get(`/api/search?q=${encodeURIComponent(pseudonym)}&types=Person`);
  const hit = hits.body.items.find((h: { name: string }) => h.name === pseudonym);
  expect(hit?.id).toMatch(/^anon-/);
  return hit.id;
}

/** The vis-timeline item of one row whose label contains `title`. */
const itemOf = (title: string) => page.locator('#timeline .vis-item.tl-item', { hasText: title }).first();

beforeAll(async () => {
  const build = spawnSync('node', ['scripts/build-client-if-stale.mjs'], { stdio: 'inherit' });
  expect(build.status).toBe(0);
  mkdirSync(ARTIFACTS, { recursive: true });
  api = await seededApi();
  chromium = await launchChromium();
  page = await chromium.context.newPage();
  page.on('pageerror', (error) => errors.push(error.message));
});

afterAll(async () => {
  await chromium?.close();
  await api?.close();
});

describe('detention timelines in Chromium, on the seed case', () => {
  it("opens the father's timeline from the graph and draws his blocked stay from about 2016 as uncertain and open-ended", async () => {
    const father = await personId('Father (case BW-2019-01)');
    await page.goto(api.url);
    await ready();
    await page.evaluate((id) => window.kinline.commands.selectNodes([id]), father);
    await page.waitForFunction(
      (id) => document.getElementById('timeline-panel')?.dataset.scope === `people:${id}`,
      father,
    );
    await ready();
    expect(await page.textContent('.tl-heading')).toContain('Father (case BW-2019-01)');
    const blocked = itemOf('Father prevented from leaving Xinjiang');
    await blocked.waitFor();
    const classes = (await blocked.getAttribute('class'))!;
    expect(classes).toContain('tl-fuzzy-start');
    expect(classes).toContain('tl-open-end');
    expect(classes).toContain('tl-approximate');
    expect(await blocked.locator('.tl-mark.approximate').count()).toBe(1);
    expect(await blocked.locator('.tl-when').textContent()).toBe('from about 2016, still ongoing');
    expect(await blocked.locator('.tl-when').getAttribute('title')).toBe('EDTF 2016~/..');
    expect(await blocked.locator('.tl-source').textContent()).toContain('CCP orphans');
    // The fade covers 2015-01-01 .. 2017-12-31 (the bounds of "about 2016"), then the bar is solid.
    const fade = await blocked.evaluate((node) => getComputedStyle(node).getPropertyValue('--fs'));
    expect(parseFloat(fade)).toBeGreaterThan(10);
    // Its tooltip gives the date as the source wrote it.
    await blocked.hover();
    await page.waitForSelector('.tl-tooltip:not([hidden])');
    const tip = await page.textContent('.tl-tooltip');
    expect(tip).toContain('from about 2016, still ongoing (EDTF 2016~/..)');
    expect(tip).toContain('three years ago');
    await shot('01-father');
  });

  it("shows the mother's blocked stay from about late 2017, open-ended", async () => {
    const mother = await personId('Mother (case BW-2019-01)');
    await page.evaluate((id) => window.kinline.commands.selectNodes([id]), mother);
    await page.waitForFunction(
      (id) => document.getElementById('timeline-panel')?.dataset.scope === `people:${id}`,
      mother,
    );
    await ready();
    const blocked = itemOf('Mother never comes back from Xinjiang');
    await blocked.waitFor();
    expect(await blocked.locator('.tl-when').textContent()).toBe('from about October 2017, still ongoing');
    const classes = (await blocked.getAttribute('class'))!;
    expect(classes).toContain('tl-open-end');
    expect(classes).toContain('tl-fuzzy-start');
    await shot('02-mother');
  });

  it('opens the family, clicks an item, selects its person in the graph and reads its excerpt', async () => {
    await page.evaluate((id) => window.kinline.commands.selectNodes([id]), FAMILY);
    await page.waitForFunction(
      (id) => document.getElementById('timeline-panel')?.dataset.scope === `family:${id}`,
      FAMILY,
    );
    await ready();
    expect(await page.locator('#timeline .tl-row-label').count()).toBe(6);
    await itemOf('Father prevented from leaving Xinjiang').click();
    await page.waitForSelector('#timeline-evidence[data-showing="item"]');
    const evidence = await page.textContent('#timeline-evidence');
    expect(evidence).toContain('went to Xinjiang three years ago and was blocked there, with his passport confiscated');
    expect(evidence).toContain('para. 6');
    await ready();
    const selected = await page.evaluate(() => window.kinline.store.state.selection);
    expect(selected).toEqual({ kind: 'node', id: await personId('Father (case BW-2019-01)') });
    expect(
      await page.evaluate(() => window.kinline.realized().nodes.some((n) => n.name === 'Father (case BW-2019-01)')),
    ).toBe(true);
    // The timeline stays on the family while its item is selected.
    expect(await page.getAttribute('#timeline-panel', 'data-scope')).toBe(`family:${FAMILY}`);
    await shot('03-item-evidence');
  });

  it('flags the four children on 2019-04-13: both parents detained or blocked', async () => {
    await page.fill('#asof-input', '2019-04-13');
    await page.dispatchEvent('#asof-input', 'change');
    await page.waitForFunction(
      () =>
        document.getElementById('timeline-panel')?.dataset.asof === '2019-04-13' &&
        document.querySelectorAll('#timeline [data-flag="orphaned"]').length === 4,
      null,
      { timeout: 20_000 },
    );
    const flagged = await page.$$eval('#timeline .tl-row-label', (rows) =>
      rows
        .filter((r) => r.querySelector('[data-flag="orphaned"]'))
        .map((r) => r.querySelector('.tl-row-name')!.textContent),
    );
    expect(flagged.sort()).toEqual([1, 2, 3, 4].map((n) => `Child ${n} of family BW-2019-01`));
    const parents = await page.$$eval('#timeline .tl-row-label', (rows) =>
      rows.map(
        (r) => `${r.querySelector('.tl-row-name')!.textContent}: ${r.querySelector('[data-status]')?.textContent}`,
      ),
    );
    expect(parents).toContain('Father (case BW-2019-01): blocked');
    expect(parents).toContain('Mother (case BW-2019-01): blocked');
    await page.click('#timeline-fit');
    await shot('04-as-of');
  });

  it('reproduces the view from the URL', async () => {
    const url = page.url();
    expect(url).toContain('asof=2019-04-13');
    expect(url).toContain(`tl=family~${FAMILY}`);
    const other = await chromium.context.newPage();
    try {
      await other.goto(url);
      await other.waitForFunction(
        () =>
          document.getElementById('timeline-panel')?.dataset.asof === '2019-04-13' &&
          document.querySelectorAll('#timeline [data-flag="orphaned"]').length === 4,
        null,
        { timeout: 20_000 },
      );
      expect(await other.getAttribute('#timeline-panel', 'data-scope')).toBe(`family:${FAMILY}`);
      expect(await other.inputValue('#asof-input')).toBe('2019-04-13');
      expect(await other.locator('#timeline .vis-item.tl-item').count()).toBeGreaterThan(5);
      await other.screenshot({ path: `${ARTIFACTS}/timeline-05-from-url.png` });
    } finally {
      await other.close();
    }
  });

  it('brushes a window that filters the graph, and opens a pattern hit in graph and timeline', async () => {
    await page.click('#brush');
    const box = (await page.locator('#timeline .vis-panel.vis-center').boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.3, box.y + 20);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.6, box.y + 30, { steps: 5 });
    await page.mouse.up();
    await page.waitForFunction(() =>
      Boolean(window.kinline.store.state.filters.from && window.kinline.store.state.filters.to),
    );
    expect(page.url()).toMatch(/from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}/);
    await page.click('#window-clear');
    await page.selectOption('#pattern-kind', 'orphaned');
    await page.fill('#pattern-form input[name="date"]', '2019-04-13');
    await page.click('#pattern-run');
    await page.waitForSelector('.pattern-hit');
    expect(await page.locator('.pattern-hit').count()).toBe(4);
    await page.locator('.pattern-hit').first().click();
    await page.waitForSelector('#timeline-evidence[data-showing="evidence"]');
    await ready();
    expect(await page.getAttribute('#timeline-panel', 'data-scope')).toMatch(/^people:anon-/);
    expect(await page.textContent('#timeline-evidence')).toContain('three years ago');
    await shot('06-pattern');
    expect(errors).toEqual([]);
  });
});
