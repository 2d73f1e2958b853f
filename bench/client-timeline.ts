/**
 * Client timeline benchmark (issue #5): in headless Chromium, time to open a timeline (show() to
 * the second frame after) and frame rate while zooming and scrolling it every frame, for 1,000 and
 * 10,000 synthetic items over 300 rows. Target: 10,000 items open in under 1 s.
 * Writes bench/results/client-timeline.json. Run: `npx tsx bench/client-timeline.ts`.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildBenchPage, serveBenchPage } from './bench-page.js';
import { launchChromium } from '../test/support/browser.js';

const RUNS = [
  { items: 1000, rows: 300 },
  { items: 10_000, rows: 300 },
];
const TARGET = { items: 10_000, openMillis: 1000 };
const here = fileURLToPath(new URL('.', import.meta.url));

async function main(): Promise<void> {
  const dir = await buildBenchPage(join(here, 'client-timeline-page'));
  const site = await serveBenchPage(dir);
  const chromium = await launchChromium({ viewport: { width: 1280, height: 800 } });
  const results: Record<string, unknown>[] = [];
  try {
    for (const { items, rows } of RUNS) {
      const page = await chromium.context.newPage();
      await page.goto(site.url);
      await page.waitForFunction(() => document.body.dataset.ready === 'true');
      const row = await page.evaluate(([n, r]) => window.timelineBench.run(n!, r!), [items, rows] as const);
      console.log(JSON.stringify(row));
      results.push(row);
      await page.close();
    }
  } finally {
    await chromium.close();
    site.close();
    rmSync(dir, { recursive: true, force: true });
  }
  const big = results.find((r) => r.items === TARGET.items) as { openMillis?: number } | undefined;
  const report = {
    measuredAt: new Date().toISOString(),
    machine: { cpus: cpus().length, model: cpus()[0]?.model },
    browser: 'Debian Chromium, headless, --disable-gpu',
    method:
      'open: createTimelineView().show(items) until the second animation frame after; fps: requestAnimationFrame callbacks per second over 3 s while setWindow() zooms and scrolls every frame; beyond 500 items around the window, per-row summary bars (windowing.ts)',
    target: TARGET,
    meetsTarget: Boolean(big && (big.openMillis ?? Infinity) < TARGET.openMillis),
    results,
  };
  mkdirSync(join(here, 'results'), { recursive: true });
  writeFileSync(join(here, 'results', 'client-timeline.json'), `${JSON.stringify(report, null, 2)}\n`);
  console.log(`wrote bench/results/client-timeline.json (meets target: ${report.meetsTarget})`);
}

await main();
