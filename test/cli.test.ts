import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { addUser } from '../graph/access/users.js';
import { counts } from '../graph/store/admin.js';
import { kinlineOnTestGraph } from './support/cli.js';
import { freshGraph } from './support/graph.js';

const tmp = mkdtempSync(join(tmpdir(), 'kinline-cli-'));
const KENNEDY = '../shared/data/gedcom/kennedy.ged';

const kinline = (...args: string[]) => kinlineOnTestGraph(args);

beforeAll(freshGraph);

it('a dry run reports what it would create and writes nothing', async () => {
  const run = await kinline('import', KENNEDY, '--dry-run');
  expect(run.code).toBe(0);
  expect(run.stdout).toMatch(/^Person\s+208\s+0\s+0\s+0$/m);
  expect(run.stdout).toContain('dry run: nothing was written');
  expect((await counts()).Person).toBe(0);
});

it('imports, then a second import changes nothing', async () => {
  const first = await kinline('import', KENNEDY);
  expect(first.code).toBe(0);
  expect(first.stderr).toMatch(/writing \[#+\] 100%/);
  expect((await counts()).Person).toBe(208);
  const second = await kinline('import', KENNEDY);
  expect(second.code).toBe(0);
  expect(second.stdout).toMatch(/^Person\s+0\s+0\s+208\s+0$/m);
  expect(second.stdout).toContain('nothing changed');
});

it('rejects a malformed file with file:line:column and a non-zero exit code', async () => {
  const file = join(tmp, 'bad.ged');
  writeFileSync(
    file,
    ['0 HEAD', '1 CHAR UTF-8', '0 @I1@ INDI', '1 NAME Ann /Bad/', '1 BIRT', '2 DATE 32 FOO 19x', '0 TRLR', ''].join(
      '\n',
    ),
  );
  const before = await counts();
  const run = await kinline('import', file);
  expect(run.code).toBe(1);
  expect(run.stderr).toContain(`${file}:6:8: error: unreadable GEDCOM date "32 FOO 19x"`);
  expect(run.stdout).toContain('rejected: nothing was written');
  expect(await counts()).toEqual(before);
});

it('reports mapping errors against the mapping file', async () => {
  const mapping = join(tmp, 'mapping.json');
  writeFileSync(mapping, JSON.stringify({ kinlineMapping: 1, entitties: [] }));
  const run = await kinline('import', '../shared/data/ruvte/apodos.csv', '--mapping', mapping);
  expect(run.code).toBe(1);
  expect(run.stderr).toContain(`${mapping}: error: unknown key(s): entitties`);
});

it("exports GEDCOM and CSV, and logs an admin's --include-protected", async () => {
  const ged = join(tmp, 'out.ged');
  const run = await kinline('export', '--format', 'gedcom', '--out', ged);
  expect(run.code).toBe(0);
  expect(readFileSync(ged, 'utf8').match(/^0 @I\d+@ INDI$/gm)).toHaveLength(208);
  expect(run.stderr).not.toContain('include-protected');
  const dir = join(tmp, 'csv');
  await addUser({ username: 'root', role: 'admin', password: 'a long enough password' });
  const csv = await kinline('export', '--format', 'csv', '--out', dir, '--as', 'root', '--include-protected');
  expect(csv.code).toBe(0);
  expect(csv.stderr).toContain('WARNING: --include-protected');
  expect(existsSync(join(dir, 'people.csv'))).toBe(true);
  const usage = await kinline('export', '--format', 'pdf');
  expect(usage.code).toBe(2);
});

it('seeds the seed case and a synthetic dataset', async () => {
  const seed = await kinline('seed');
  expect(seed.code).toBe(0);
  const synthetic = await kinline('seed', '--synthetic', '200');
  expect(synthetic.code).toBe(0);
  expect(synthetic.stdout).toMatch(/synthetic: \d+ entities/);
  expect((await counts()).Person).toBeGreaterThan(208 + 200);
  // Two CLI processes, each starting tsx: minutes on a machine busy with the other test worker.
}, 240_000);
