import { mkdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TimelineItem } from '../graph/views/events.js';
import { seededApi, type Api } from './support/api.js';
import { launchChromium, type RunningBrowser } from './support/browser.js';
import { REAL_PHRASES, STANDARD_FORMS } from './support/date-phrases.js';

/**
 * Every date of the phrase table (test/support/date-phrases.ts) as a reader sees it in Chromium:
 * each one is an event on one person's timeline, and its label, its evidence and its details
 * panel show the phrase, never "NaN" or "undefined".
 */
const ARTIFACTS = 'test-artifacts';
const PERSON = 'phrase-reader';

const forms = new Map<string, { phrase: string; asWritten?: string }>();
for (const [, asWritten, edtf, , phrase] of REAL_PHRASES) if (!forms.has(edtf)) forms.set(edtf, { phrase, asWritten });
for (const [edtf, , phrase] of STANDARD_FORMS) if (!forms.has(edtf)) forms.set(edtf, { phrase });
const dates = [...forms];
const title = (i: number) => `Phrase ${String(i).padStart(3, '0')}`;

const claims = [{ source: 'phrase-source', locator: 'table', excerpt: 'A date as the source wrote it.' }];
const dataset = {
  kinline: 1,
  entities: [
    // Dated 2019-04: "after 2015" closes there, so no item runs to the year 9999.
    {
      type: 'Source',
      id: 'phrase-source',
      kind: 'dataset',
      names: [{ value: 'Date phrase table', kind: 'primary' }],
      date: '2019-04',
    },
    { type: 'Person', id: PERSON, names: [{ value: 'Phrase Reader', kind: 'primary' }] },
    ...dates.map(([edtf, { asWritten }], i) => ({
      type: 'Event',
      id: `phrase-${i}`,
      kind: 'other',
      names: [{ value: title(i), kind: 'primary' }],
      date: edtf,
      ...(asWritten && asWritten !== edtf ? { dateAsWritten: asWritten } : {}),
      claims,
    })),
  ],
  relationships: dates.map((_, i) => ({
    type: 'PARTICIPATED_IN',
    id: `phrase-in-${i}`,
    from: PERSON,
    to: `phrase-${i}`,
    role: 'subject',
    claims,
  })),
};

let api: Api;
let chromium: RunningBrowser;
let page: Page;
const errors: string[] = [];

async function ready(): Promise<void> {
  await page.waitForFunction(
    () => document.body.dataset.ready === 'true' && document.getElementById('timeline-panel')?.dataset.ready === 'true',
    null,
    { timeout: 20_000 },
  );
}

beforeAll(async () => {
  const build = spawnSync('node', ['scripts/build-client-if-stale.mjs'], { stdio: 'inherit' });
  expect(build.status).toBe(0);
  mkdirSync(ARTIFACTS, { recursive: true });
  api = await seededApi(dataset);
  chromium = await launchChromium();
  page = await chromium.context.newPage();
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(api.url);
  await ready();
  await page.evaluate((id) => window.kinline.commands.selectNodes([id]), PERSON);
  await page.waitForFunction(
    (id) => document.getElementById('timeline-panel')?.dataset.scope === `people:${id}`,
    PERSON,
  );
  await ready();
});

afterAll(async () => {
  await chromium?.close();
  await api?.close();
});

describe('every date of the phrase table, shown in Chromium', () => {
  it("the API sends each date's phrase and the source's words (checked against the contract)", async () => {
    const reply = await api.get(`/api/timeline?people=${PERSON}&limit=${dates.length + 10}`);
    expect(reply.status).toBe(200);
    const items: TimelineItem[] = reply.body.items;
    expect(items).toHaveLength(dates.length);
    for (const item of items) {
      const { phrase, asWritten } = forms.get(item.edtf!)!;
      expect({ edtf: item.edtf, phrase: item.phrase, asWritten: item.asWritten }).toEqual({
        edtf: item.edtf,
        phrase,
        asWritten: asWritten && asWritten !== item.edtf ? asWritten : undefined,
      });
      // "After X" is closed by the source's date (2019-04): no bound runs to the year 9999.
      if (item.edtf!.endsWith('..]')) expect(item.start!.latest, item.edtf!).toBe('2019-04-30');
    }
  });

  it(`labels each of the ${dates.length} timeline items with its phrase`, async () => {
    const items: TimelineItem[] = await page.evaluate(() => window.kinline.timeline.data!.items);
    expect(items).toHaveLength(dates.length);
    const shown: { edtf: string; text: string | null; title: string | null }[] = [];
    for (const item of items) {
      // The timeline draws only what is near its window (zoom is capped at 200 years): go to each item.
      const at = Date.parse(`${item.start!.earliest ?? item.start!.latest}T00:00:00Z`);
      await page.evaluate(
        ([from, to]) =>
          window.kinline.timeline.view.timeline!.setWindow(new Date(from!), new Date(to!), { animation: false }),
        [at - 400 * 86_400_000, at + 400 * 86_400_000],
      );
      const label = page.locator('#timeline .vis-item.tl-item', {
        has: page.locator('.tl-title', { hasText: new RegExp(`^${item.title}$`) }),
      });
      await label.first().waitFor({ timeout: 10_000 });
      const when = label.first().locator('.tl-when');
      shown.push({ edtf: item.edtf!, text: await when.textContent(), title: await when.getAttribute('title') });
    }
    expect(shown).toEqual(
      items.map((item) => ({ edtf: item.edtf, text: forms.get(item.edtf!)!.phrase, title: `EDTF ${item.edtf}` })),
    );
    await page.screenshot({ path: `${ARTIFACTS}/date-phrases-01-timeline.png` });
  });

  it("lists every date in the evidence pane with its phrase, its EDTF and the source's words", async () => {
    await page.evaluate(() =>
      window.kinline.timeline.showEvidence('Every phrase', window.kinline.timeline.data!.items),
    );
    await page.waitForSelector('#timeline-evidence[data-showing="evidence"]');
    const lines = await page.$$eval('#timeline-evidence .tl-ev-date', (nodes) => nodes.map((n) => n.textContent ?? ''));
    const items: TimelineItem[] = await page.evaluate(() => window.kinline.timeline.data!.items);
    expect(lines).toHaveLength(items.length);
    lines.forEach((line, i) => {
      const { phrase, asWritten } = forms.get(items[i]!.edtf!)!;
      expect(line).toBe(
        `${phrase} · EDTF ${items[i]!.edtf}${asWritten && asWritten !== items[i]!.edtf ? ` · as written: “${asWritten}”` : ''}`,
      );
    });
    const text = (await page.textContent('#timeline-evidence')) ?? '';
    expect(text).not.toMatch(/NaN|undefined/);
    await page.screenshot({ path: `${ARTIFACTS}/date-phrases-02-evidence.png` });
  });

  it('shows an event date in words in the details panel, and nothing anywhere reads NaN or undefined', async () => {
    const i = dates.findIndex(([edtf]) => edtf === '[2017-06..2017-07]');
    await page.evaluate((id) => window.kinline.commands.selectNodes([id]), `phrase-${i}`);
    const date = page.locator('#details dl.properties dd[title="EDTF [2017-06..2017-07]"]');
    await date.waitFor();
    expect(await date.textContent()).toBe('June or July 2017');
    const body = (await page.textContent('body')) ?? '';
    expect(body).not.toMatch(/NaN|undefined/);
    expect(errors).toEqual([]);
  });
});
