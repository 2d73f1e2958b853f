import { spawnSync } from 'node:child_process';
import { mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';

it('says in one line what to install when Java is missing', () => {
  // A PATH with node alone: no java, no mvn.
  const bin = mkdtempSync(join(tmpdir(), 'kinline-nojava-'));
  symlinkSync(process.execPath, join(bin, 'node'));
  const result = spawnSync(join(bin, 'node'), ['--import', 'tsx', 'server/main.ts'], {
    encoding: 'utf8',
    env: { PATH: bin, HOME: process.env.HOME ?? '/tmp', KINLINE_NEO4J_PORT: '1' },
    timeout: 60_000,
  });
  expect(result.status).toBe(1);
  const lines = result.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/needs Java 17\+.*docker compose up.*NEO4J_URI/);
});
