import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { addUser, disableUser } from '../graph/access/users.js';
import { auditEntries } from '../graph/audit/log.js';
import { read } from '../graph/db/driver.js';
import { kinlineOnTestGraph } from './support/cli.js';
import { freshGraph } from './support/graph.js';
import {
  hostileFixture,
  MINOR,
  WITHHELD_FROM_PSEUDONYMOUS,
  WITHHELD_FROM_VIEWER,
  WITNESS,
} from './support/hostile-fixture.js';

const kinline = (...args: string[]) => kinlineOnTestGraph(args);
const tmp = mkdtempSync(join(tmpdir(), 'kinline-cli-protection-'));
const PASSWORD = 'a long enough password';

/** The fixture as a curator's JSON file, pretty-printed so that lines mean something. */
function writeDataset(name: string, change: (person: Record<string, unknown>) => void = () => {}): string {
  const data = structuredClone(hostileFixture);
  change(data.entities.find((e) => e.id === MINOR.id) as Record<string, unknown>);
  const file = join(tmp, name);
  writeFileSync(file, `${JSON.stringify(data, null, 2)}\n`);
  return file;
}

const latest = async (n = 1) => auditEntries({ limit: n });
const minorNode = async () =>
  (
    await read(`MATCH (p:Person {id: $id}) RETURN p {.minor, .protected, .publicId} AS p`, { id: MINOR.id })
  ).records[0]!.get('p');

let original: string;

beforeAll(async () => {
  await freshGraph();
  await addUser({ username: 'root', role: 'admin', clearance: 'confidential', password: PASSWORD });
  await addUser({ username: 'lawyer', role: 'cleared', clearance: 'pseudonymous', password: PASSWORD });
  await addUser({ username: 'gone', role: 'admin', password: PASSWORD });
  await disableUser('gone');
  original = writeDataset('case.json');
});

it('audits every import: who ran it, the file, and what came of it', async () => {
  const run = await kinline('import', original);
  expect(run.code).toBe(0);
  const [entry] = await latest();
  expect(entry).toMatchObject({
    actor: 'cli',
    action: 'import',
    details: {
      via: 'cli',
      osUser: userInfo().username,
      files: [{ file: original, format: 'json' }],
      outcome: 'written',
      created: hostileFixture.entities.length + hostileFixture.relationships.length,
      problems: 0,
    },
  });
});

it('exports as the anonymous viewer without --as, and audits it', async () => {
  const run = await kinline('export', '--format', 'json');
  expect(run.code).toBe(0);
  for (const secret of [...WITHHELD_FROM_VIEWER, ...WITHHELD_FROM_PSEUDONYMOUS])
    expect(run.stdout.includes(secret), secret).toBe(false);
  expect(run.stdout).toContain('Aigerim Bekova is a journalist');
  expect((await latest())[0]).toMatchObject({
    actor: 'cli',
    action: 'export',
    details: {
      via: 'cli',
      osUser: userInfo().username,
      format: 'json',
      scope: 'whole graph',
      clearance: 'none',
      includeProtected: false,
      withProtected: false,
      withheld: 2,
    },
  });
});

it('exports with the clearance of the account --as names', async () => {
  const run = await kinline('export', '--format', 'gedcom', '--as', 'lawyer');
  expect(run.code).toBe(0);
  expect(run.stdout).toContain(`1 NAME ${MINOR.cyrillic}`);
  for (const secret of WITHHELD_FROM_PSEUDONYMOUS) expect(run.stdout.includes(secret), secret).toBe(false);
  expect((await latest())[0]).toMatchObject({
    actor: 'lawyer',
    details: { format: 'gedcom', clearance: 'pseudonymous', withProtected: true, protectedByName: 1 },
  });
});

it('refuses --include-protected without an admin, and an unknown or disabled --as, with usage (exit 2)', async () => {
  const before = (await latest())[0]!.seq;
  const alone = await kinline('export', '--include-protected');
  expect(alone.code).toBe(2);
  expect(alone.stderr).toContain('--include-protected needs --as ADMIN');
  const cleared = await kinline('export', '--include-protected', '--as', 'lawyer');
  expect(cleared.code).toBe(2);
  expect(cleared.stderr).toContain('--include-protected needs --as ADMIN');
  const unknown = await kinline('export', '--as', 'nobody');
  expect(unknown.code).toBe(2);
  expect(unknown.stderr).toContain('--as nobody: there is no Kinline user of that name');
  const disabled = await kinline('export', '--as', 'gone', '--include-protected');
  expect(disabled.code).toBe(2);
  expect(disabled.stderr).toContain('--as gone: that account is disabled');
  expect(`${alone.stdout}${cleared.stdout}${disabled.stdout}`).not.toContain(WITNESS.latin);
  expect((await latest())[0]!.seq).toBe(before);
});

it("an admin's --include-protected export names everyone, warns, and is audited as such", async () => {
  const run = await kinline('export', '--format', 'json', '--as', 'root', '--include-protected');
  expect(run.code).toBe(0);
  expect(run.stderr).toContain('WARNING: --include-protected');
  for (const value of [WITNESS.latin, WITNESS.identityNumber, MINOR.chinese, MINOR.birthDate])
    expect(run.stdout).toContain(value);
  expect((await latest())[0]).toMatchObject({
    actor: 'root',
    action: 'export',
    details: { includeProtected: true, withProtected: true, protectedByName: 2, withheld: 0 },
  });
});

it('rejects a re-import that drops `minor` with file:line:column and the person, and writes nothing', async () => {
  const dropped = writeDataset('dropped-minor.json', (person) => {
    delete person.minor;
  });
  const before = await minorNode();
  const run = await kinline('import', dropped);
  expect(run.code).toBe(1);
  const text = (await import('node:fs')).readFileSync(dropped, 'utf8');
  const at = text.indexOf(`"id": "${MINOR.id}"`);
  const line = text.slice(0, at).split('\n').length;
  const column = at - text.lastIndexOf('\n', at - 1);
  expect(run.stderr).toContain(
    `${dropped}:${line}:${column}: error: would lower the protection of person "${MINOR.id}" from pseudonymous to public`,
  );
  expect(run.stdout).toContain('rejected: nothing was written');
  expect(await minorNode()).toEqual(before);
  expect(before).toMatchObject({ minor: true, protected: true });
  expect((await latest())[0]).toMatchObject({
    action: 'import',
    details: { outcome: 'rejected: nothing was written' },
  });

  const notAdmin = await kinline('import', dropped, '--allow-unprotect', '--as', 'lawyer');
  expect(notAdmin.code).toBe(2);
  expect(notAdmin.stderr).toContain('--allow-unprotect needs --as ADMIN');
  expect((await kinline('import', dropped, '--allow-unprotect')).code).toBe(2);
  expect(await minorNode()).toEqual(before);
});

it('lowers protection with --allow-unprotect --as an admin, and audits the change by public id', async () => {
  const dropped = join(tmp, 'dropped-minor.json');
  const publicId = (await minorNode()).publicId;
  const run = await kinline('import', dropped, '--allow-unprotect', '--as', 'root');
  expect(run.code).toBe(0);
  expect(await minorNode()).toMatchObject({ minor: null, protected: false });
  const [change, load] = await latest(2);
  expect(load).toMatchObject({
    actor: 'root',
    action: 'import',
    details: { allowUnprotect: true, outcome: 'written' },
  });
  expect(change).toMatchObject({
    actor: 'root',
    action: 'protection-changed',
    details: { person: publicId, from: 'pseudonymous', to: 'public', lowered: true },
  });
  expect(JSON.stringify(change)).not.toContain(MINOR.latin);
});

it('raises protection without asking, and audits that too', async () => {
  const run = await kinline('import', original);
  expect(run.code).toBe(0);
  expect(await minorNode()).toMatchObject({ minor: true, protected: true });
  expect((await latest())[0]).toMatchObject({
    actor: 'cli',
    action: 'protection-changed',
    details: { from: 'public', to: 'pseudonymous', lowered: false },
  });
});

it('audits a seed like an import', async () => {
  const run = await kinline('seed', '--as', 'root');
  expect(run.code).toBe(0);
  expect(run.stdout).toMatch(/^seed case: \d+ entities, \d+ relationships; written$/m);
  expect((await latest())[0]).toMatchObject({ actor: 'root', action: 'import', details: { seed: 'seed case' } });
});
