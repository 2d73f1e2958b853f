import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededApi, type Api } from './support/api.js';
import { launchChromium, type RunningBrowser } from './support/browser.js';

/**
 * The four states in Chromium (issue 13): one family whose members are, on 2019-06-01, certainly
 * detained, possibly detained (a detention no source dates), free (a cited release), and unknown
 * (the sources say nothing). Each badge is drawn its own way; only "free" is green; the undated
 * detention sits in the timeline's own "Undated" row and opens its source.
 */
const ARTIFACTS = 'test-artifacts';
const FAMILY = 'family-four-states';
const claim = (excerpt: string) => [{ source: 'src-four-states', locator: 'row 7', excerpt }];
const person = (id: string, name: string) => ({ type: 'Person', id, names: [{ value: name, kind: 'primary' }] });
const event = (id: string, kind: string, name: string, excerpt: string, date?: string) => ({
  type: 'Event',
  id,
  kind,
  ...(date ? { date } : {}),
  names: [{ value: name, kind: 'primary' }],
  claims: claim(excerpt),
});
const link = (id: string, type: string, from: string, to: string, role: string) => ({
  id,
  type,
  from,
  to,
  role,
  claims: claim('Listed in the case.'),
});
const NAMES = { held: 'Held Four', undated: 'Undated Four', freed: 'Freed Four', silent: 'Silent Four' } as const;
const dataset = {
  kinline: 1,
  entities: [
    {
      type: 'Source',
      id: 'src-four-states',
      kind: 'report',
      names: [{ value: 'Four-states case list', kind: 'primary' }],
    },
    { type: 'Family', id: FAMILY, names: [{ value: 'Four family', kind: 'primary' }] },
    ...Object.entries(NAMES).map(([key, name]) => person(`fs-${key}`, name)),
    event(
      'fs-ev-held',
      'detention',
      'Held in 2018',
      'Detained January 2018, still held in 2020.',
      '2018-01-01/2020-12-31',
    ),
    event('fs-ev-undated', 'detention', 'Detained, date unclear', 'Sentenced to 18 years; detention date unclear.'),
    event('fs-ev-freed-held', 'detention', 'Held 2016', 'Held from January 2016.', '2016-01/2017-03'),
    event('fs-ev-freed', 'release', 'Released March 2017', 'Released on 15 March 2017.', '2017-03-15'),
  ],
  relationships: [
    ...Object.keys(NAMES).map((key, i) => link(`fs-m${i}`, 'MEMBER_OF', `fs-${key}`, FAMILY, 'other')),
    link('fs-p1', 'PARTICIPATED_IN', 'fs-held', 'fs-ev-held', 'subject'),
    link('fs-p2', 'PARTICIPATED_IN', 'fs-undated', 'fs-ev-undated', 'subject'),
    link('fs-p3', 'PARTICIPATED_IN', 'fs-freed', 'fs-ev-freed-held', 'subject'),
    link('fs-p4', 'PARTICIPATED_IN', 'fs-freed', 'fs-ev-freed', 'subject'),
  ],
};

let api: Api;
let chromium: RunningBrowser;
let page: Page;
const errors: string[] = [];

beforeAll(async () => {
  const build = spawnSync('node', ['scripts/build-client-if-stale.mjs'], { stdio: 'inherit' });
  expect(build.status).toBe(0);
  mkdirSync(ARTIFACTS, { recursive: true });
  api = await seededApi(dataset);
  chromium = await launchChromium();
  page = await chromium.context.newPage();
  page.on('pageerror', (error) => errors.push(error.message));
}, 240_000);

afterAll(async () => {
  await chromium?.close();
  await api?.close();
});

describe('four states in the timeline, in Chromium', () => {
  it('draws certainly detained, possibly detained, free and unknown distinctly; green only for free', async () => {
    await page.goto(api.url);
    await page.waitForFunction(() => document.body.dataset.ready === 'true', null, { timeout: 30_000 });
    await page.evaluate((id) => window.kinline.commands.selectNodes([id]), FAMILY);
    await page.waitForFunction(
      (id) => document.getElementById('timeline-panel')?.dataset.scope === `family:${id}`,
      FAMILY,
      { timeout: 20_000 },
    );
    await page.fill('#asof-input', '2019-06-01');
    await page.dispatchEvent('#asof-input', 'change');
    await page.waitForFunction(
      () =>
        document.getElementById('timeline-panel')?.dataset.asof === '2019-06-01' &&
        document.querySelectorAll('#timeline .tl-row-label [data-state]').length === 4,
      null,
      { timeout: 20_000 },
    );
    const badges = await page.$$eval('#timeline .tl-row-label', (rows) =>
      rows.map((r) => {
        const badge = r.querySelector<HTMLElement>('[data-state]')!;
        const style = getComputedStyle(badge);
        return {
          name: r.querySelector('.tl-row-name')!.textContent,
          state: badge.dataset.state,
          text: badge.textContent,
          look: `${style.backgroundColor} ${style.color} ${style.borderStyle}`,
          background: style.backgroundColor,
        };
      }),
    );
    const byName = Object.fromEntries(badges.map((b) => [b.name, b]));
    expect(byName[NAMES.held]).toMatchObject({ state: 'certainly-deprived', text: 'detained' });
    expect(byName[NAMES.undated]).toMatchObject({ state: 'possibly-deprived', text: 'possibly detained' });
    expect(byName[NAMES.freed]).toMatchObject({ state: 'free', text: 'free (released)' });
    expect(byName[NAMES.silent]).toMatchObject({ state: 'unknown', text: 'unknown' });
    expect(new Set(badges.map((b) => b.look)).size).toBe(4);
    const green = 'rgb(39, 174, 96)';
    expect(badges.filter((b) => b.background === green).map((b) => b.name)).toEqual([NAMES.freed]);
    const summary = await page.textContent('#timeline-evidence');
    expect(summary).toContain('Unknown: the sources say nothing of this date (1)');
    expect(summary).toContain(`${NAMES.undated} — possibly detained (undated event)`);
    await page.screenshot({ path: `${ARTIFACTS}/four-states-01-badges.png` });
  });

  it('lists the undated detention in a row of its own, and opens its source', async () => {
    const chip = page.locator('#timeline-undated .tl-undated-item', { hasText: 'Detained, date unclear' });
    await chip.waitFor();
    expect(await chip.textContent()).toContain(NAMES.undated);
    await chip.click();
    await page.waitForSelector('#timeline-evidence[data-showing="item"]');
    const evidence = await page.textContent('#timeline-evidence');
    expect(evidence).toContain('detention date unclear');
    expect(evidence).toContain('undated');
    await page.screenshot({ path: `${ARTIFACTS}/four-states-02-undated.png` });
    expect(errors).toEqual([]);
  });
});
