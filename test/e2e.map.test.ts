import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededApi, type Api } from './support/api.js';
import { launchChromium, type RunningBrowser } from './support/browser.js';

/** The map in Chromium (issue 16): the seed case's places, as-of filtering, selection, and the URL. */

const ARTIFACTS = 'test-artifacts';
const cite = [{ source: 'src-map-e2e', locator: 'p. 1', excerpt: 'Listed.', confidence: 'probable' }];
const named = (value: string) => [{ value, kind: 'primary' }];
const camps = {
  kinline: 1,
  entities: [
    { type: 'Source', id: 'src-map-e2e', kind: 'report', names: named('Map report') },
    { type: 'Facility', id: 'fac-map-1', kind: 'camp', names: named('Map camp 1'), latitude: 43.83, longitude: 87.61 },
    { type: 'Facility', id: 'fac-map-2', kind: 'camp', names: named('Map camp 2'), latitude: 43.85, longitude: 87.64 },
    { type: 'Person', id: 'person-map-held', names: named('Held Person') },
    {
      type: 'Event',
      id: 'ev-map-held',
      kind: 'detention',
      names: named('Detention at camp 1'),
      date: '2017-03/2018-06',
      claims: cite,
    },
  ],
  relationships: [
    {
      id: 'rel-map-subject',
      type: 'PARTICIPATED_IN',
      from: 'person-map-held',
      to: 'ev-map-held',
      role: 'subject',
      claims: cite,
    },
    { id: 'rel-map-at', type: 'OCCURRED_AT', from: 'ev-map-held', to: 'fac-map-1', claims: cite },
  ],
};

let api: Api;
let chromium: RunningBrowser;
let page: Page;
const errors: string[] = [];

/** Waits for the map to have drawn the view of the URL: its answer is in and its symbols are placed. */
async function mapReady(p: Page = page): Promise<void> {
  await p.waitForFunction(() => document.getElementById('map-panel')?.dataset.ready === 'true', null, {
    timeout: 20_000,
  });
}
const record = (id: string, p: Page = page) => p.locator(`#map-panel .map-record[data-id="${id}"]`);

beforeAll(async () => {
  const build = spawnSync('node', ['scripts/build-client-if-stale.mjs'], { stdio: 'inherit' });
  expect(build.status).toBe(0);
  mkdirSync(ARTIFACTS, { recursive: true });
  api = await seededApi(camps);
  chromium = await launchChromium();
  page = await chromium.context.newPage();
  page.on('pageerror', (error) => errors.push(error.message));
  // Nothing but the app itself: no tile server, no font or script from elsewhere.
  page.on('request', (request) => {
    if (!request.url().startsWith(api.url)) errors.push(`request to ${request.url()}`);
  });
});

afterAll(async () => {
  await chromium?.close();
  await api?.close();
});

describe('the map in Chromium', () => {
  it("draws the seed case's cities as areas and the camps as one cluster, from the bundled basemap", async () => {
    await page.goto(`${api.url}/?map=20,35,1.0`);
    await mapReady();
    await expect.poll(() => page.locator('#map-panel .map-land').count()).toBe(1);
    // Washington and Rome are known to the city: drawn with an area around the symbol.
    for (const id of ['place-washington-dc', 'place-rome']) {
      await expect.poll(() => record(id).count(), { message: id }).toBe(1);
      await expect.poll(() => page.locator(`#map-panel .map-area[data-id="${id}"]`).count(), { message: id }).toBe(1);
    }
    const cluster = page.locator('#map-panel .map-cluster');
    await expect.poll(() => cluster.getAttribute('data-count')).toBe('2');
    await page.screenshot({ path: `${ARTIFACTS}/map-world.png` });
  });

  it('counts only the detentions running on the as-of day', async () => {
    await page.goto(`${api.url}/?map=87.625,43.84,12.0&asof=2018-01-15`);
    await mapReady();
    await expect.poll(() => record('fac-map-1').getAttribute('data-detentions')).toBe('1');
    await page.evaluate(() => window.kinline.commands.setAsOf('2019-06-01'));
    await expect.poll(() => record('fac-map-1').getAttribute('data-detentions')).toBe('0');
    await mapReady();
  });

  it('selects a facility in the graph and opens its timeline, and the URL restores the same map', async () => {
    await record('fac-map-1').click();
    await page.waitForFunction(
      () => document.getElementById('timeline-panel')?.dataset.scope === 'facility:fac-map-1',
      null,
      {
        timeout: 20_000,
      },
    );
    await expect.poll(() => page.url()).toContain('sel=n:fac-map-1');
    const url = page.url();
    expect(url).toMatch(/map=87\.625,43\.840,12\.0/);
    const view = await page.locator('#map-panel').getAttribute('data-view');
    const again = await chromium.context.newPage();
    await again.goto(url);
    await mapReady(again);
    expect(await again.locator('#map-panel').getAttribute('data-view')).toBe(view);
    await expect.poll(() => record('fac-map-1', again).getAttribute('class')).toContain('selected');
    await again.close();
    expect(errors).toEqual([]);
  });
});
