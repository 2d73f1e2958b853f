import { beforeAll, describe, expect, it } from 'vitest';
import { accessSchemaStatements } from '../graph/access/schema.js';
import { createSession, endSession, sessionFor } from '../graph/access/sessions.js';
import {
  AccountError,
  addUser,
  disableUser,
  LOCKOUT_FAILURES,
  LOCKOUT_MS,
  setRole,
  signIn,
} from '../graph/access/users.js';
import { appendAudit, auditEntries, verifyAudit } from '../graph/audit/log.js';
import { read, write } from '../graph/db/driver.js';
import { freshGraph } from './support/graph.js';

const PASSWORD = 'correct horse battery staple';

beforeAll(async () => {
  await freshGraph();
  for (const statement of accessSchemaStatements()) await write(statement);
});

describe('accounts', () => {
  it('stores an Argon2id hash, never the password', async () => {
    await addUser({ username: 'amina', role: 'researcher', password: PASSWORD });
    const stored = await read('MATCH (u:User {username: "amina"}) RETURN properties(u) AS p');
    const props = JSON.stringify(stored.records[0]!.get('p'));
    expect(props).toContain('$argon2id$');
    expect(props).not.toContain(PASSWORD);
  });

  it('refuses a second account with the same name, a short password and a clearance the role cannot hold', async () => {
    await expect(addUser({ username: 'amina', role: 'viewer', password: PASSWORD })).rejects.toThrow(AccountError);
    await expect(addUser({ username: 'short', role: 'viewer', password: 'too short' })).rejects.toThrow(
      /12 characters/,
    );
    await expect(
      addUser({ username: 'nosy', role: 'viewer', clearance: 'confidential', password: PASSWORD }),
    ).rejects.toThrow(/cannot hold clearance/);
  });

  it('signs in with the right password only; an unknown name answers like a wrong password', async () => {
    expect(await signIn('amina', PASSWORD)).toMatchObject({
      ok: true,
      user: { username: 'amina', role: 'researcher' },
    });
    expect(await signIn('amina', 'wrong password here')).toEqual({ ok: false, reason: 'invalid' });
    expect(await signIn('nobody-of-that-name', PASSWORD)).toEqual({ ok: false, reason: 'invalid' });
  });

  it(`locks an account after ${LOCKOUT_FAILURES} failures, even against the right password, until the window passes`, async () => {
    await addUser({ username: 'bolat', role: 'viewer', password: PASSWORD });
    const now = new Date('2026-01-01T10:00:00Z');
    for (let i = 0; i < LOCKOUT_FAILURES; i++) await signIn('bolat', `wrong guess ${i}`, now);
    expect(await signIn('bolat', PASSWORD, now)).toEqual({ ok: false, reason: 'locked' });
    const later = new Date(now.getTime() + LOCKOUT_MS + 1000);
    expect(await signIn('bolat', PASSWORD, later)).toMatchObject({ ok: true });
  });
});

describe('sessions', () => {
  it('opens a session by token, and sign-out ends it', async () => {
    const user = await addUser({ username: 'dana', role: 'cleared', clearance: 'pseudonymous', password: PASSWORD });
    const session = await createSession(user);
    expect(await sessionFor(session.token)).toMatchObject({
      csrfToken: session.csrfToken,
      user: { username: 'dana', role: 'cleared', clearance: 'pseudonymous' },
    });
    const stored = await read('MATCH (s:Session) RETURN properties(s) AS p');
    expect(JSON.stringify(stored.records.map((r) => r.get('p')))).not.toContain(session.token);
    await endSession(session.token);
    expect(await sessionFor(session.token)).toBeNull();
  });

  it('ends every session of a user who is disabled or whose role changes', async () => {
    const user = await addUser({ username: 'erlan', role: 'researcher', password: PASSWORD });
    const first = await createSession(user);
    const second = await createSession(user);
    await setRole('erlan', 'viewer', 'none');
    expect(await sessionFor(first.token)).toBeNull();
    expect(await sessionFor(second.token)).toBeNull();
    const third = await createSession(user);
    await disableUser('erlan');
    expect(await sessionFor(third.token)).toBeNull();
    expect(await signIn('erlan', PASSWORD)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('does not open an expired session', async () => {
    const user = await addUser({ username: 'farida', role: 'viewer', password: PASSWORD });
    const session = await createSession(user, new Date('2020-01-01T00:00:00Z'));
    expect(await sessionFor(session.token)).toBeNull();
  });
});

describe('audit log', () => {
  it('chains entries, even when many are appended at once, and verifies', async () => {
    await Promise.all(
      Array.from({ length: 12 }, (_, i) => appendAudit({ actor: `user-${i}`, action: 'sign-in', details: { i } })),
    );
    const verdict = await verifyAudit();
    expect(verdict).toEqual({ ok: true, entries: 12 });
    const newest = await auditEntries({ limit: 3 });
    expect(newest.map((e) => e.seq)).toEqual([12, 11, 10]);
    expect(newest[0]!.prevHash).toBe(newest[1]!.hash);
  });

  it('fails verification when one entry is edited in the database', async () => {
    await write('MATCH (a:AuditEntry {seq: 5}) SET a.actor = "someone-else"');
    expect(await verifyAudit()).toMatchObject({ ok: false, problem: 'entry 5 was altered' });
    await write('MATCH (a:AuditEntry {seq: 5}) SET a.actor = "user-" + a.actor'); // still not the original
    expect((await verifyAudit()).ok).toBe(false);
  });

  it('fails verification when the last entry is removed', async () => {
    await write('MATCH (a:AuditEntry) DETACH DELETE a');
    await write('MATCH (h:AuditHead) DETACH DELETE h');
    await appendAudit({ actor: 'a', action: 'export' });
    await appendAudit({ actor: 'b', action: 'export' });
    expect((await verifyAudit()).ok).toBe(true);
    await write('MATCH (a:AuditEntry {seq: 2}) DETACH DELETE a');
    expect(await verifyAudit()).toMatchObject({ ok: false, problem: expect.stringContaining('ends at entry 1') });
  });
});
