import { randomUUID } from 'node:crypto';
import { read, write, writeTransaction } from '../db/driver.js';
import { decoyHash, hashPassword, MIN_PASSWORD_LENGTH, passwordMatches } from './passwords.js';
import { type Clearance, clearanceAllowed, type Role } from './roles.js';

/** A local account (or one first seen through OpenID Connect), as Kinline stores it. */
export interface User {
  id: string;
  username: string;
  role: Role;
  clearance: Clearance;
  disabled: boolean;
  createdAt: string;
  /** Set for accounts that sign in through the organisation's OpenID Connect provider. */
  oidcSubject?: string;
}

export class AccountError extends Error {
  constructor(
    readonly code: 'user_exists' | 'no_such_user' | 'weak_password' | 'clearance_not_allowed',
    message: string,
  ) {
    super(message);
  }
}

// Five failures within the window lock the account for the window (OWASP's authentication advice).
export const LOCKOUT_FAILURES = 5;
export const LOCKOUT_MS = 15 * 60_000;

const USER_FIELDS = 'u { .id, .username, .role, .clearance, .disabled, .createdAt, .oidcSubject } AS user';

function toUser(row: Record<string, unknown>): User {
  const user: User = {
    id: String(row.id),
    username: String(row.username),
    role: row.role as Role,
    clearance: row.clearance as Clearance,
    disabled: row.disabled === true,
    createdAt: String(row.createdAt),
  };
  if (typeof row.oidcSubject === 'string') user.oidcSubject = row.oidcSubject;
  return user;
}

function checkClearance(role: Role, clearance: Clearance): void {
  if (!clearanceAllowed(role, clearance)) {
    throw new AccountError(
      'clearance_not_allowed',
      `a ${role} cannot hold clearance ${clearance}: make them cleared or admin`,
    );
  }
}

export interface NewUser {
  username: string;
  role: Role;
  clearance?: Clearance;
  password?: string;
  oidcSubject?: string;
}

export async function addUser(input: NewUser): Promise<User> {
  const clearance = input.clearance ?? 'none';
  checkClearance(input.role, clearance);
  if (input.password !== undefined && input.password.length < MIN_PASSWORD_LENGTH) {
    throw new AccountError('weak_password', `a password needs at least ${MIN_PASSWORD_LENGTH} characters`);
  }
  const passwordHash = input.password === undefined ? null : await hashPassword(input.password);
  const result = await write(
    `OPTIONAL MATCH (existing:User {username: $username})
     WITH existing WHERE existing IS NULL
     CREATE (u:User {id: $id, username: $username, role: $role, clearance: $clearance, disabled: false,
                     createdAt: $now, passwordHash: $passwordHash, oidcSubject: $oidcSubject, failures: 0})
     RETURN ${USER_FIELDS}`,
    {
      id: randomUUID(),
      username: input.username,
      role: input.role,
      clearance,
      now: new Date().toISOString(),
      passwordHash,
      oidcSubject: input.oidcSubject ?? null,
    },
  );
  const row = result.records[0]?.get('user');
  if (!row) throw new AccountError('user_exists', `a user named ${input.username} exists already`);
  return toUser(row);
}

export async function findUser(username: string): Promise<User | null> {
  const result = await read(`MATCH (u:User {username: $username}) RETURN ${USER_FIELDS}`, { username });
  const row = result.records[0]?.get('user');
  return row ? toUser(row) : null;
}

export async function userByOidcSubject(subject: string): Promise<User | null> {
  const result = await read(`MATCH (u:User {oidcSubject: $subject}) RETURN ${USER_FIELDS}`, { subject });
  const row = result.records[0]?.get('user');
  return row ? toUser(row) : null;
}

export async function listUsers(): Promise<User[]> {
  const result = await read(`MATCH (u:User) RETURN ${USER_FIELDS} ORDER BY u.username`);
  return result.records.map((record) => toUser(record.get('user')));
}

export async function adminExists(): Promise<boolean> {
  const result = await read(`MATCH (u:User {role: 'admin', disabled: false}) RETURN count(u) > 0 AS any`);
  return result.records[0]?.get('any') === true;
}

/** Changes a role and clearance; the user's open sessions end, so the change applies at once. */
export async function setRole(username: string, role: Role, clearance: Clearance): Promise<User> {
  checkClearance(role, clearance);
  const result = await write(
    `MATCH (u:User {username: $username})
     SET u.role = $role, u.clearance = $clearance
     WITH u OPTIONAL MATCH (s:Session)-[:SESSION_OF]->(u) DETACH DELETE s
     RETURN DISTINCT ${USER_FIELDS}`,
    { username, role, clearance },
  );
  const row = result.records[0]?.get('user');
  if (!row) throw new AccountError('no_such_user', `no user named ${username}`);
  return toUser(row);
}

/** Disables an account and ends every session it has, on every app instance at once. */
export async function disableUser(username: string): Promise<User> {
  const result = await write(
    `MATCH (u:User {username: $username})
     SET u.disabled = true
     WITH u OPTIONAL MATCH (s:Session)-[:SESSION_OF]->(u) DETACH DELETE s
     RETURN DISTINCT ${USER_FIELDS}`,
    { username },
  );
  const row = result.records[0]?.get('user');
  if (!row) throw new AccountError('no_such_user', `no user named ${username}`);
  return toUser(row);
}

export type SignInResult = { ok: true; user: User } | { ok: false; reason: 'invalid' | 'locked' };

/**
 * Checks a password. An unknown name, a wrong password and a disabled account all answer
 * 'invalid' after the same Argon2 work. 'locked' is for the audit log: the HTTP answer for it is
 * the same as for 'invalid', so a lock does not confirm that a name exists.
 */
export async function signIn(username: string, password: string, now = new Date()): Promise<SignInResult> {
  const found = await read(
    `MATCH (u:User {username: $username}) RETURN ${USER_FIELDS}, u.passwordHash AS hash, u.lockedUntil AS lockedUntil`,
    { username },
  );
  const record = found.records[0];
  if (!record) {
    await passwordMatches(await decoyHash(), password);
    return { ok: false, reason: 'invalid' };
  }
  const user = toUser(record.get('user'));
  const hash = record.get('hash') as string | null;
  const lockedUntil = record.get('lockedUntil') as string | null;
  const matches = hash ? await passwordMatches(hash, password) : await passwordMatches(await decoyHash(), password);
  if (lockedUntil && lockedUntil > now.toISOString()) return { ok: false, reason: 'locked' };
  if (!matches || user.disabled) {
    await recordFailure(user.id, now);
    return { ok: false, reason: 'invalid' };
  }
  await write('MATCH (u:User {id: $id}) SET u.failures = 0, u.lockedUntil = null', { id: user.id });
  return { ok: true, user };
}

async function recordFailure(id: string, now: Date): Promise<void> {
  await writeTransaction(async (run) => {
    const windowStart = new Date(now.getTime() - LOCKOUT_MS).toISOString();
    await run(
      `MATCH (u:User {id: $id})
       WITH u, CASE WHEN coalesce(u.lastFailureAt, '') < $windowStart THEN 1 ELSE coalesce(u.failures, 0) + 1 END AS failures
       SET u.failures = failures, u.lastFailureAt = $now,
           u.lockedUntil = CASE WHEN failures >= $limit THEN $lockedUntil ELSE u.lockedUntil END`,
      {
        id,
        windowStart,
        now: now.toISOString(),
        limit: LOCKOUT_FAILURES,
        lockedUntil: new Date(now.getTime() + LOCKOUT_MS).toISOString(),
      },
    );
  });
}

export async function setPassword(username: string, password: string): Promise<void> {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw new AccountError('weak_password', `a password needs at least ${MIN_PASSWORD_LENGTH} characters`);
  }
  const result = await write('MATCH (u:User {username: $username}) SET u.passwordHash = $hash RETURN u.id AS id', {
    username,
    hash: await hashPassword(password),
  });
  if (!result.records[0]) throw new AccountError('no_such_user', `no user named ${username}`);
}
