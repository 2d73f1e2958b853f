import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { config } from '../../graph/config.js';

/** Flags for Debian's Chromium in a container: headless, no sandbox, nothing phoning home. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface RunningBrowser {
  context: BrowserContext;
  close(): Promise<void>;
}

/**
 * Debian's Chromium (installed by scripts/setup.sh) driven by playwright-core, with a fresh
 * profile directory (Playwright takes it as the persistent context's user-data-dir).
 */
export async function launchChromium(
  options: { viewport?: { width: number; height: number } } = {},
): Promise<RunningBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'kinline-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: config().chromiumPath,
    args: CHROMIUM_ARGS,
    headless: true,
    viewport: options.viewport ?? { width: 1440, height: 900 },
  });
  return {
    context,
    async close() {
      await context.close().catch(() => undefined);
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
