import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createSession } from '../graph/access/sessions.js';
import { addUser } from '../graph/access/users.js';
import { appendAudit, verifyAudit } from '../graph/audit/log.js';
import { encodeProps } from '../graph/backup/format.js';
import { restoreBackup } from '../graph/backup/restore.js';
import { writeBackup } from '../graph/backup/write.js';
import { disconnect, exactDriver, read } from '../graph/db/driver.js';
import { nodeCount, wipe } from '../graph/store/admin.js';
import { validateAndLoad } from '../graph/store/check.js';
import { generateDataset } from '../seeds/generate.js';
import { kinlineOnTestGraph } from './support/cli.js';
import { freshGraph } from './support/graph.js';

// The restore drill of issue 18: backup -> restore into an empty database -> compare.
const dir = mkdtempSync(join(tmpdir(), 'kinline-backup-'));
const documents = join(dir, 'documents');

/** Every node and relationship but sessions, each as its labels or type and all its properties, sorted. */
async function everything(): Promise<{ nodes: string[]; relationships: string[]; sessions: number }> {
  const session = exactDriver().session();
  try {
    const signature = new Map<string, string>();
    const nodes = await session.run(
      'MATCH (n) WHERE NOT n:Session RETURN elementId(n) AS k, labels(n) AS l, properties(n) AS p',
    );
    for (const r of nodes.records) {
      const props = encodeProps(r.get('p'), 'node');
      const sorted = Object.keys(props)
        .sort()
        .map((key) => [key, props[key]]);
      signature.set(r.get('k'), JSON.stringify([[...r.get('l')].sort(), sorted]));
    }
    const rels = await session.run(
      `MATCH (a)-[r]->(b) WHERE NOT a:Session AND NOT b:Session
       RETURN elementId(a) AS a, type(r) AS t, properties(r) AS p, elementId(b) AS b`,
    );
    const relationships = rels.records.map((r) => {
      const props = encodeProps(r.get('p'), 'rel');
      const sorted = Object.keys(props)
        .sort()
        .map((key) => [key, props[key]]);
      return JSON.stringify([signature.get(r.get('a')), r.get('t'), sorted, signature.get(r.get('b'))]);
    });
    const sessions = await read('MATCH (s:Session) RETURN count(s) AS n');
    return {
      nodes: [...signature.values()].sort(),
      relationships: relationships.sort(),
      sessions: sessions.records[0]?.get('n'),
    };
  } finally {
    await session.close();
  }
}

/** Accounts, a session, audit entries, a float and an integer of the same value, and documents. */
async function accountsAndDocuments(): Promise<void> {
  const admin = await addUser({
    username: 'drill-admin',
    role: 'admin',
    clearance: 'confidential',
    password: 'a long passphrase 1',
  });
  await addUser({ username: 'drill-viewer', role: 'viewer', password: 'a long passphrase 2' });
  await createSession(admin);
  await appendAudit({ actor: 'drill-admin', action: 'user-added', details: { user: 'drill-viewer' } });
  await exactDriver().executeQuery('CREATE (:DrillValues {int: 3, float: 3.0, ints: [1, 2], nan: 0.0/0.0})');
  mkdirSync(join(documents, 'sources', 'scans'), { recursive: true });
  writeFileSync(join(documents, 'sources', 'scans', 'page 1.bin'), Buffer.from([0, 1, 2, 255, 254]));
  writeFileSync(join(documents, 'empty.txt'), '');
}

beforeAll(async () => {
  await freshGraph();
}, 120_000);
afterAll(disconnect);

it('the CLI refuses to restore into a database that is not empty, and --force replaces it', async () => {
  await validateAndLoad(generateDataset({ people: 40, seed: 3 }), { file: 'small' });
  const file = join(dir, 'small.kinline-backup.gz');
  const before = await everything();
  const backup = await kinlineOnTestGraph(['backup', '--out', file, '--documents', join(dir, 'no-documents')]);
  expect(backup.stderr).toBe('');
  expect(backup.stdout).toMatch(/^backed up \d+ nodes, \d+ relationships and 0 documents to .* SHA-256 [0-9a-f]{64}/);

  const refused = await kinlineOnTestGraph(['restore', file, '--documents', join(dir, 'restored-small')]);
  expect(refused.code).toBe(1);
  expect(refused.stderr).toMatch(
    /the database holds \d+ nodes: a backup is restored into an empty database; --force replaces what is there; nothing was written/,
  );

  const forced = await kinlineOnTestGraph(['restore', file, '--force', '--documents', join(dir, 'restored-small')]);
  expect(forced.stderr).toBe('');
  expect(forced.stdout).toMatch(/SHA-256 verified\); audit log: \d+ entries, chain verifies/);
  // The restore's own audit entry follows the restored chain.
  const after = await everything();
  expect(after.nodes.filter((n) => !n.includes('"AuditHead"') && !n.includes('"restore"'))).toEqual(
    before.nodes.filter((n) => !n.includes('"AuditHead"')),
  );
}, 120_000);

it('refuses a backup with one byte changed, or a line changed under its checksum, and writes nothing', async () => {
  const file = join(dir, 'small.kinline-backup.gz');
  const nodes = await nodeCount();
  const bytes = readFileSync(file);
  const flipped = Buffer.from(bytes);
  flipped[Math.floor(bytes.length / 2)]! ^= 0x01;
  writeFileSync(join(dir, 'flipped.gz'), flipped);
  await expect(restoreBackup(join(dir, 'flipped.gz'), { force: true, documentsDir: documents })).rejects.toThrow(
    /the backup (is damaged|was altered)/,
  );
  const text = gunzipSync(bytes).toString('utf8');
  const edited = text.replace(/"birthDate":"(\d)/, (_m, d: string) => `"birthDate":"${(Number(d) + 1) % 10}`);
  expect(edited).not.toBe(text);
  writeFileSync(join(dir, 'edited.gz'), gzipSync(edited));
  await expect(restoreBackup(join(dir, 'edited.gz'), { force: true, documentsDir: documents })).rejects.toThrow(
    /the backup was altered: its SHA-256 is [0-9a-f]{64}, but [0-9a-f]{64} was recorded/,
  );
  writeFileSync(join(dir, 'cut.gz'), gzipSync(text.split('\n').slice(0, -3).join('\n')));
  await expect(restoreBackup(join(dir, 'cut.gz'), { force: true, documentsDir: documents })).rejects.toThrow(
    /incomplete/,
  );
  expect(await nodeCount()).toBe(nodes);
});

it('drill at 10,000 people: backup, restore into an empty database, the same graph and a verified audit chain', async () => {
  await wipe();
  await validateAndLoad(generateDataset({ people: 10_000, seed: 18 }), { transaction: 'batched', file: 'drill' });
  await accountsAndDocuments();
  const before = await everything();
  expect(before.sessions).toBe(1);
  const file = join(dir, 'drill.kinline-backup.gz');
  const summary = await writeBackup(file, { documentsDir: documents });
  expect(summary.documents).toBe(2);

  await wipe();
  expect(await nodeCount()).toBe(0);
  const restoredDocuments = join(dir, 'restored-documents');
  await restoreBackup(file, { documentsDir: restoredDocuments });
  const after = await everything();
  expect(after.sessions).toBe(0);
  expect(after.nodes.length).toBe(before.nodes.length);
  expect(after.relationships.length).toBe(before.relationships.length);
  expect(after.nodes).toEqual(before.nodes);
  expect(after.relationships).toEqual(before.relationships);
  expect(await verifyAudit()).toMatchObject({ ok: true });
  expect(readFileSync(join(restoredDocuments, 'sources', 'scans', 'page 1.bin'))).toEqual(
    Buffer.from([0, 1, 2, 255, 254]),
  );
  expect(readFileSync(join(restoredDocuments, 'empty.txt'), 'utf8')).toBe('');
}, 600_000);
