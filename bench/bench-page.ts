import { createServer } from 'node:http';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, resolve, sep } from 'node:path';
import { build, type InlineConfig } from 'vite';

/** Builds a benchmark page (a folder with index.html) with Vite into a temporary folder. */
export async function buildBenchPage(root: string, extra: Pick<InlineConfig, 'worker'> = {}): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'kinline-bench-page-'));
  await build({ root, base: './', logLevel: 'warn', ...extra, build: { outDir, emptyOutDir: true } });
  return outDir;
}

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };

/** Serves a built page on a free loopback port; paths outside the folder are 404. */
export function serveBenchPage(dir: string): Promise<{ url: string; close(): void }> {
  const root = resolve(dir);
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    const file = resolve(root, `.${path === '/' ? '/index.html' : path}`);
    try {
      if (!file.startsWith(root + sep)) throw new Error('outside the page folder');
      const body = readFileSync(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((done) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      done({
        url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`,
        close: () => server.close(),
      });
    }),
  );
}
