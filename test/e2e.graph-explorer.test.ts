import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededApi, type Api } from './support/api.js';
import { launchChromium, type RunningBrowser } from './support/browser.js';
import { HUB, kinFixture } from './support/kin-fixture.js';

const ARTIFACTS = 'test-artifacts';
const UMAROVA = 'person-aiman-umarova';
const HOSTILE_NAME = '<img src=x onerror="window.__pwned=1;alert(1)">';

/** A tiny extra dataset: a person whose name and evidence are HTML, to prove they stay text. */
const hostileDataset = {
  kinline: 1,
  title: 'e2e: markup in names',
  entities: [
    {
      type: 'Source',
      id: 'src-e2e-markup',
      kind: 'other',
      names: [{ value: '<b>Bold</b> source <script>window.__pwned=2</script>' }],
    },
    {
      type: 'Person',
      id: 'person-e2e-markup',
      disclosure: 'public',
      names: [{ value: HOSTILE_NAME }, { value: 'Markuptest Person', kind: 'alias' }],
      identifiers: [{ scheme: 'ruvte', value: 'RUVTE-4242' }],
      // Two sources, two birth years (issue 13): both shown, with their sources, as a conflict.
      statements: [
        {
          field: 'birthDate',
          value: '1979',
          claims: [{ source: 'src-e2e-markup', locator: 'row 7', excerpt: 'born 1979 <i>per list</i>' }],
        },
        {
          field: 'birthDate',
          value: '1980',
          claims: [{ source: 'src-e2e-markup', locator: 'p. 3', excerpt: 'born in 1980' }],
        },
      ],
    },
  ],
  relationships: [
    {
      id: 'rel-e2e-markup-represents',
      type: 'REPRESENTS',
      from: UMAROVA,
      to: 'person-e2e-markup',
      role: 'lawyer',
      claims: [
        {
          source: 'src-e2e-markup',
          locator: 'p. 1',
          excerpt: '<img src=y onerror="window.__pwned=3">quoted',
          confidence: 'possible',
        },
      ],
    },
  ],
};

let api: Api;
let chromium: RunningBrowser;
let page: Page;
const dialogs: string[] = [];

async function shot(name: string): Promise<void> {
  await page.screenshot({ path: `${ARTIFACTS}/graph-${name}.png` });
}

/** Waits until the app has fetched and drawn what the state names, and the layout has settled. */
async function ready(): Promise<void> {
  await page.waitForFunction(() => document.body.dataset.ready === 'true' && window.kinline.graph.settled, null, {
    timeout: 20_000,
  });
}

const visibleNames = () => page.evaluate(() => window.kinline.realized().nodes.map((n) => n.name));

async function search(text: string): Promise<void> {
  await page.fill('#search-input', text);
  await page.press('#search-input', 'Enter');
  await page.waitForSelector('#search-results .hit, #search-results .muted');
}

beforeAll(async () => {
  const build = spawnSync('node', ['scripts/build-client-if-stale.mjs'], { stdio: 'inherit' });
  expect(build.status).toBe(0);
  mkdirSync(ARTIFACTS, { recursive: true });
  api = await seededApi(hostileDataset, kinFixture());
  chromium = await launchChromium();
  await chromium.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: api.url });
  page = await chromium.context.newPage();
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
});

afterAll(async () => {
  await chromium?.close();
  await api?.close();
});

describe('graph explorer in Chromium, on the seed case', () => {
  it('starts with a kind empty state', async () => {
    await page.goto(api.url);
    await ready();
    expect(await page.isVisible('#empty-state')).toBe(true);
    expect(await page.textContent('#empty-state')).toContain('Search for a person');
    await shot('01-empty');
  });

  it('finds Umarova in Latin and Cyrillic script and opens her details', async () => {
    await search('Умарова');
    expect(await page.textContent('#search-results')).toContain('Aiman Umarova');
    await search('Umarova');
    await shot('02-search');
    await page.click(`#search-results .hit[data-id="${UMAROVA}"]`);
    await ready();
    await page.waitForSelector(`.details[data-id="${UMAROVA}"]`);
    expect(await page.textContent('.details .entity-name')).toBe('Aiman Umarova');
    expect(await visibleNames()).toEqual(['Aiman Umarova']);
  });

  it('expands her neighbours and shows the children only by pseudonym', async () => {
    await page.click('.details [data-action="expand"]');
    await ready();
    const names = await visibleNames();
    for (const n of [1, 2, 3, 4]) expect(names).toContain(`Child ${n} of family BW-2019-01`);
    const children = await page.evaluate(() =>
      window.kinline.realized().nodes.filter((n) => n.name.startsWith('Child ')),
    );
    expect(children.every((c) => c.protected === true && c.id.startsWith('anon-'))).toBe(true);
    await page.click('#toggle-list');
    expect(await page.textContent('#list-view')).toContain('Child 1 of family BW-2019-01');
    await shot('03-expanded');
    await page.click('#toggle-list');
  });

  it('selects a node by clicking it on the canvas', async () => {
    const [x, y] = (await page.evaluate((id) => window.kinline.graph.screenPosition(id), UMAROVA))!;
    const box = (await page.locator('#graph').boundingBox())!;
    await page.mouse.click(box.x + x, box.y + y);
    await page.waitForSelector(`.details[data-id="${UMAROVA}"]`);
  });

  it('opens an edge on the canvas and reads its verbatim excerpt', async () => {
    const edgeId = await page.evaluate((from) => {
      const view = window.kinline.realized();
      const child = view.nodes.find((n) => n.name === 'Child 1 of family BW-2019-01')!;
      return view.edges.find((e) => e.source === from && e.target === child.id && e.type === 'REPRESENTS')!.id;
    }, UMAROVA);
    const [x, y] = (await page.evaluate((id) => window.kinline.graph.edgeScreenPosition(id), edgeId))!;
    const box = (await page.locator('#graph').boundingBox())!;
    await page.mouse.click(box.x + x, box.y + y);
    await page.waitForSelector(`.details[data-kind="edge"][data-id="${edgeId}"] .excerpt`);
    const excerpts = await page.locator('.details .excerpt').allTextContents();
    expect(excerpts).toContain('I am representing the children in Kazakhstan, but we need international help.');
    expect(await page.textContent('.details .edge-title')).toContain('Child 1 of family BW-2019-01');
    await shot('04-edge-evidence');
  });

  it('copies a citation of the edge', async () => {
    await page.click('.details [data-action="cite"]');
    await page.waitForFunction(() =>
      Boolean((window as unknown as { __kinlineLastCopied?: string }).__kinlineLastCopied),
    );
    const copied = await page.evaluate(() =>
      navigator.clipboard
        .readText()
        .catch(() => (window as unknown as { __kinlineLastCopied: string }).__kinlineLastCopied),
    );
    expect(copied).toContain('Bitter Winter');
    expect(copied).toContain('para. 7');
    expect(copied).toContain('“I am representing the children in Kazakhstan, but we need international help.”');
    expect(copied).not.toContain('person-bw-2019-01');
  });

  it('copies the source of a claim as BibTeX', async () => {
    await page.evaluate(() => {
      (window as unknown as { __kinlineLastCopied?: string }).__kinlineLastCopied = '';
    });
    await page.click('.details [data-format="bibtex"]');
    await page.waitForFunction(() =>
      ((window as unknown as { __kinlineLastCopied?: string }).__kinlineLastCopied ?? '').startsWith('@'),
    );
    const copied = await page.evaluate(
      () => (window as unknown as { __kinlineLastCopied: string }).__kinlineLastCopied,
    );
    expect(copied).toMatch(/^@article\{src-bitter-winter-2019-orphans,/);
    expect(copied).toContain('Introvigne');
  });

  it('opens the family view of a child: parents above, siblings beside, households as groups', async () => {
    const child = await page.evaluate(
      () => window.kinline.realized().nodes.find((n) => n.name === 'Child 1 of family BW-2019-01')!.id,
    );
    await page.evaluate((id) => window.kinline.commands.select({ kind: 'node', id }), child);
    await page.click('.details [data-action="family"]');
    await ready();
    const layout = await page.evaluate(() => ({
      nodes: window.kinline.graph.scene.nodes.map((n) => ({ name: n.data.name, y: n.y })),
      groups: window.kinline.graph.groups.map((g) => g.name),
    }));
    const y = (name: string) => layout.nodes.find((n) => n.name.startsWith(name))!.y;
    expect(y('Father')).toBeLessThan(y('Child 1'));
    expect(y('Mother')).toBe(y('Father'));
    expect(y('Child 2')).toBe(y('Child 1'));
    expect(layout.groups.join(' ')).toContain('Family of the four children');
    await shot('05-family');
  });

  it('names how two people are related and highlights the path', async () => {
    const ids = await page.evaluate(() =>
      Object.fromEntries(window.kinline.realized().nodes.map((n) => [n.name, n.id])),
    );
    const father = Object.entries(ids).find(([name]) => name.startsWith('Father'))![1];
    const child = ids['Child 1 of family BW-2019-01']!;
    await page.evaluate((id) => window.kinline.commands.select({ kind: 'node', id }), father);
    await page.click('.details [data-action="relate-from"]');
    await page.evaluate((id) => window.kinline.commands.select({ kind: 'node', id }), child);
    await page.click('.details [data-action="relate-to"]');
    await ready();
    await page.waitForSelector('#path-banner .relation-text');
    expect(await page.textContent('#path-banner')).toMatch(/father/i);
    expect(await page.evaluate(() => window.kinline.realized().pathEdges.size)).toBeGreaterThan(0);
    await shot('06-relation-path');
  });

  it('reopening the URL restores the same view', async () => {
    const before = await page.evaluate(() => ({
      nodes: window.kinline
        .realized()
        .nodes.map((n) => n.id)
        .sort(),
      state: window.kinline.store.state,
      url: location.href,
    }));
    await page.goto('about:blank');
    await page.goto(before.url);
    await ready();
    const after = await page.evaluate(() => ({
      nodes: window.kinline
        .realized()
        .nodes.map((n) => n.id)
        .sort(),
      state: window.kinline.store.state,
    }));
    expect(after.nodes).toEqual(before.nodes);
    expect(after.state.layout).toBe('family');
    expect(after.state.selection).toEqual(before.state.selection);
    expect(after.state.path).toEqual(before.state.path);
    await page.waitForSelector('#details .details');
    await shot('07-restored');
  });

  it('undo and redo step through view changes', async () => {
    await page.click('#layout-force');
    await ready();
    expect(await page.evaluate(() => window.kinline.store.state.layout)).toBe('force');
    await page.click('#undo');
    await ready();
    expect(await page.evaluate(() => window.kinline.store.state.layout)).toBe('family');
    await page.click('#redo');
    await ready();
    expect(await page.evaluate(() => window.kinline.store.state.layout)).toBe('force');
  });

  it('shows a name made of markup as raw text and runs nothing', async () => {
    await search('Markuptest');
    await page.click('#search-results .hit[data-id="person-e2e-markup"]');
    await ready();
    await page.waitForSelector('.details[data-id="person-e2e-markup"]');
    expect(await page.textContent('.details .entity-name')).toBe(HOSTILE_NAME);
    await page.click('.details [data-edge="rel-e2e-markup-represents"]');
    await page.waitForSelector('.details[data-kind="edge"] .excerpt');
    expect(await page.textContent('.details .excerpt')).toBe('<img src=y onerror="window.__pwned=3">quoted');
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
    await shot('08-markup-as-text');
  });

  it("finds a person by a case number, and shows each source's birth year and that they disagree", async () => {
    await search('RUVTE-4242');
    await page.click('#search-results .hit[data-id="person-e2e-markup"]');
    await page.waitForSelector('.details[data-id="person-e2e-markup"] .statement-field[data-field="birthDate"]');
    expect(await page.textContent('.details .identifiers')).toContain('RUVTE-4242');
    expect(await page.textContent('.statement-field[data-field="birthDate"] .conflict-note')).toBe(
      'Sources disagree: 1979 or 1980',
    );
    expect(await page.locator('.statement-field[data-field="birthDate"] .statement-value').allTextContents()).toEqual([
      '1979',
      '1980',
    ]);
    const excerpts = await page.locator('.statement-field[data-field="birthDate"] .excerpt').allTextContents();
    expect(excerpts.map((e) => e.trim())).toEqual(['born 1979 <i>per list</i>', 'born in 1980']);
    expect(await page.locator('.details i').count()).toBe(0);
    await shot('08b-statements-conflict');
  });

  it('exports the view as SVG and GraphML with names escaped as text', async () => {
    await page.click('.export summary');
    const [svgDownload] = await Promise.all([page.waitForEvent('download'), page.click('#export-svg')]);
    const svg = readFileSync((await svgDownload.path())!, 'utf8');
    expect(svg).toContain('&lt;img src=x onerror=');
    expect(svg).not.toContain('<img');
    const [graphmlDownload] = await Promise.all([page.waitForEvent('download'), page.click('#export-graphml')]);
    const graphml = readFileSync((await graphmlDownload.path())!, 'utf8');
    expect(graphml).toContain('<graphml');
    expect(graphml).toContain('Aiman Umarova');
    await page.click('.export summary');
  });

  it('is usable from the keyboard: move focus, select, expand', async () => {
    await page.focus('#graph');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.details[data-kind="node"]');
    const selected = await page.evaluate(() => window.kinline.store.state.selection);
    expect(selected?.kind).toBe('node');
    await page.keyboard.press('e');
    await ready();
    expect(
      await page.evaluate((id) => window.kinline.store.state.expanded.some((e) => e.id === id), selected!.id),
    ).toBe(true);
  });

  it('pages through a hub: "+N more" adds the next page', async () => {
    await page.goto(`${api.url}/?s=${HUB.id}&sel=n:${HUB.id}`);
    await ready();
    await page.waitForSelector(`.details[data-id="${HUB.id}"] [data-action="expand"]`);
    await page.click('.details [data-action="expand"]');
    await ready();
    const first = (await visibleNames()).length;
    expect(first).toBeGreaterThan(40);
    await page.waitForFunction(() =>
      /^\+\d+ more$/.test(document.querySelector('.details [data-action="expand"]')?.textContent ?? ''),
    );
    const label = await page.textContent('.details [data-action="expand"]');
    await page.click('.details [data-action="expand"]');
    await ready();
    const second = (await visibleNames()).length;
    expect(second).toBeGreaterThan(first + 40);
    expect(Number(/\d+/.exec(label!)![0])).toBeGreaterThanOrEqual(HUB.members - first);
    await shot('10-hub-paged');
  });

  it('says the database is unavailable, retries by itself, and shows the view once it is back', async () => {
    const down = await chromium.context.newPage();
    let databaseUp = false;
    await down.route('**/api/**', (route) =>
      databaseUp
        ? route.fallback()
        : route.fulfill({
            status: 503,
            contentType: 'application/json',
            headers: { 'Retry-After': '5' },
            body: JSON.stringify({
              error: { code: 'database_unavailable', message: 'The database is unreachable; try again shortly.' },
            }),
          }),
    );
    await down.goto(`${api.url}/?s=${UMAROVA}`);
    await down.waitForSelector('#banner:not([hidden])');
    expect(await down.textContent('#banner')).toContain('The database is unavailable; retrying');
    await down.screenshot({ path: `${ARTIFACTS}/graph-09-database-down.png` });
    // A reload would start a new document and lose this mark.
    await down.evaluate(() => document.body.setAttribute('data-before-recovery', 'yes'));

    databaseUp = true; // nobody clicks or reloads: the page asks again by itself
    await down.waitForSelector('#banner', { state: 'hidden', timeout: 60_000 });
    await down.waitForFunction(() => window.kinline.realized().nodes.some((n) => n.name.includes('Umarova')), null, {
      timeout: 60_000,
    });
    expect(await down.getAttribute('body', 'data-before-recovery')).toBe('yes');
    await down.close();
  });
});
