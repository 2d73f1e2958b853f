import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededApi, type Api } from './support/api.js';
import { launchChromium, type RunningBrowser } from './support/browser.js';
import { kinFixture } from './support/kin-fixture.js';
import { ROOT, UNPLACED, relativesFixture } from './support/relatives-fixture.js';

/** Issue 13: the family view lays out generations from any kinship, with no label over another. */
const ARTIFACTS = 'test-artifacts';

let api: Api;
let chromium: RunningBrowser;
let page: Page;

beforeAll(async () => {
  const build = spawnSync('node', ['scripts/build-client-if-stale.mjs'], { stdio: 'inherit' });
  expect(build.status).toBe(0);
  mkdirSync(ARTIFACTS, { recursive: true });
  api = await seededApi(relativesFixture(), kinFixture());
  chromium = await launchChromium();
  page = await chromium.context.newPage();
});

afterAll(async () => {
  await chromium?.close();
  await api?.close();
});

/** Opens the family view of `id` as a link would, and waits until it is drawn. */
async function openFamily(id: string): Promise<void> {
  await page.goto(`${api.url}/?s=${id}&mode=family&root=${id}`);
  await page.waitForFunction(
    () =>
      document.body.dataset.ready === 'true' && window.kinline.graph.settled && window.kinline.graph.labels.length > 0,
    null,
    { timeout: 20_000 },
  );
}

const drawn = () =>
  page.evaluate(() => ({
    nodes: window.kinline.graph.scene.nodes.map((n) => ({ name: n.data.name, x: n.x, y: n.y })),
    labels: window.kinline.graph.labels.map((l) => ({ ...l })),
    groups: window.kinline.graph.groups.map((g) => g.name),
  }));

type Label = Awaited<ReturnType<typeof drawn>>['labels'][number];

function overlapping(labels: Label[]): string[] {
  const pairs: string[] = [];
  labels.forEach((a, i) => {
    for (const b of labels.slice(i + 1))
      if (a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1) pairs.push(`"${a.text}" / "${b.text}"`);
  });
  return pairs;
}

describe('family view in Chromium', () => {
  it('lays out a family known only through RELATIVE_OF links in more than one row, labels apart', async () => {
    await openFamily(ROOT.id);
    const { nodes, labels, groups } = await drawn();
    await page.screenshot({ path: `${ARTIFACTS}/family-relatives-only.png` });
    expect(nodes).toHaveLength(3 + UNPLACED.length + 2);
    const y = (name: string) => nodes.find((n) => n.name === name)!.y;
    // Generations the words give: the uncle above, the niece below, the cousin beside.
    expect(y('Bakhyt Uncle')).toBeLessThan(y(ROOT.name));
    expect(y('Aru Niece')).toBeGreaterThan(y(ROOT.name));
    expect(y('Timur Cousin')).toBe(y(ROOT.name));
    // The others surround her, in a box that says their generation is not known.
    expect(new Set(UNPLACED.map(y)).size).toBeGreaterThan(1);
    expect(groups).toContain(`Relatives of ${ROOT.name} (generation not known)`);
    expect(new Set(nodes.map((n) => n.y)).size).toBeGreaterThan(2);
    // Every person has a label, and no two labels (names, edge words, box titles) overlap.
    expect(labels.filter((l) => l.kind === 'node')).toHaveLength(nodes.length);
    expect(overlapping(labels)).toEqual([]);
  });

  it('keeps labels apart when zoomed in far enough to name the links too', async () => {
    const k = await page.evaluate(() => window.kinline.graph.transform.k);
    for (let i = 0; i < 8 && k * 1.3 ** i < 1.2; i++) await page.click('#zoom-in');
    await page.waitForFunction(() => window.kinline.graph.transform.k >= 1.2, null, { timeout: 10_000 });
    await page.waitForTimeout(500); // the zoom eases in; then one full frame
    await page.evaluate(() => window.kinline.graph.renderNow());
    const { labels } = await drawn();
    await page.screenshot({ path: `${ARTIFACTS}/family-relatives-zoomed.png` });
    expect(labels.some((l) => l.kind === 'edge')).toBe(true);
    expect(labels.some((l) => l.kind === 'node' && l.text.startsWith('Rahima'))).toBe(true);
    expect(overlapping(labels)).toEqual([]);
  });

  it('shows a family with parents as generations in order, labels apart', async () => {
    await openFamily('kairat');
    const { nodes, labels } = await drawn();
    await page.screenshot({ path: `${ARTIFACTS}/family-generations.png` });
    const y = (start: string) => nodes.find((n) => n.name.startsWith(start))!.y;
    expect(y('Pavel Grandfather')).toBeLessThan(y('Fedor Father'));
    expect(y('Maksim Grandfather')).toBe(y('Pavel Grandfather'));
    expect(y('Fedor Father')).toBeLessThan(y('Kairat Son'));
    expect(y('Mira Mother')).toBe(y('Fedor Father'));
    expect(y('Anna Aunt')).toBe(y('Fedor Father'));
    expect(y('Cora Cousin')).toBe(y('Kairat Son'));
    expect(labels.filter((l) => l.kind === 'node')).toHaveLength(nodes.length);
    expect(overlapping(labels)).toEqual([]);
  });
});
