#!/usr/bin/env node
// Builds the browser client (vite) when client/dist is missing or older than any source file in
// client/ (index.html, setup/, vite.config.ts, src/**). `npm start` runs this before the server.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const client = join(root, 'client');
const built = join(client, 'dist', 'index.html');

function newest(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((max, name) => Math.max(max, newest(join(path, name))), 0);
}

export function clientIsStale() {
  if (!existsSync(built)) return true;
  const sources = [
    join(client, 'src'),
    join(client, 'index.html'),
    join(client, 'setup'),
    join(client, 'vite.config.ts'),
  ].filter(existsSync);
  return Math.max(...sources.map(newest)) > statSync(built).mtimeMs;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (clientIsStale()) {
    console.log('[kinline] building the client (vite)...');
    const result = spawnSync('npx', ['vite', 'build', '--config', 'client/vite.config.ts', '--logLevel', 'warn'], {
      cwd: root,
      stdio: 'inherit',
    });
    process.exit(result.status ?? 1);
  }
}
