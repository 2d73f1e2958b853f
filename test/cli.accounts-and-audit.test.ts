import { beforeAll, expect, it } from 'vitest';
import { signIn } from '../graph/access/users.js';
import { read, write } from '../graph/db/driver.js';
import { kinlineOnTestGraph } from './support/cli.js';
import { freshGraph } from './support/graph.js';

const kinline = kinlineOnTestGraph;

beforeAll(freshGraph);

it('adds users with a password from standard input, lists, changes and disables them', async () => {
  const added = await kinline(
    ['user', 'add', 'aruzhan', '--role', 'cleared', '--clearance', 'confidential', '--password-stdin'],
    'her own long passphrase\n',
  );
  expect(added.stderr + added.stdout).toContain('added aruzhan (cleared, clearance confidential)');
  expect(added.code).toBe(0);
  expect(await signIn('aruzhan', 'her own long passphrase')).toMatchObject({ ok: true });

  const viewer = await kinline(
    ['user', 'add', 'yerlan', '--role', 'viewer', '--password-stdin'],
    'another long secret\n',
  );
  expect(viewer.code).toBe(0);
  const nosy = await kinline(
    ['user', 'add', 'nosy', '--role', 'viewer', '--clearance', 'confidential', '--password-stdin'],
    'another long secret\n',
  );
  expect(nosy.code).toBe(1);
  expect(nosy.stderr).toContain('cannot hold clearance confidential');

  const list = await kinline(['user', 'list']);
  expect(list.stdout).toBe('aruzhan\tcleared\tconfidential\tactive\nyerlan\tviewer\tnone\tactive\n');
  expect((await kinline(['user', 'set-role', 'yerlan', '--role', 'researcher'])).code).toBe(0);
  expect((await kinline(['user', 'disable', 'aruzhan'])).code).toBe(0);
  expect((await kinline(['user', 'list'])).stdout).toBe(
    'aruzhan\tcleared\tconfidential\tdisabled\nyerlan\tresearcher\tnone\tactive\n',
  );
  const password = await read('MATCH (u:User) RETURN collect(u.passwordHash) AS hashes');
  expect(JSON.stringify(password.records[0]!.get('hashes'))).not.toContain('passphrase');
});

it('refuses a missing role or password flag with usage (exit 2)', async () => {
  expect((await kinline(['user', 'add', 'x', '--password-stdin'], 'a long enough password')).code).toBe(2);
  expect((await kinline(['user', 'add', 'x', '--role', 'viewer'])).code).toBe(2);
});

it('kinline audit verify passes on the log it wrote, and fails once an entry is edited in the database', async () => {
  const intact = await kinline(['audit', 'verify']);
  expect(intact.code).toBe(0);
  expect(intact.stdout).toMatch(/audit log intact: [4-9] entries/);
  await write(`MATCH (a:AuditEntry {seq: 2}) SET a.detailsJson = '{"username":"someone-else"}'`);
  const broken = await kinline(['audit', 'verify']);
  expect(broken.code).toBe(1);
  expect(broken.stderr).toContain('entry 2 was altered');
});
