import { createHash, randomBytes } from 'node:crypto';
import { read, write } from '../db/driver.js';
import type { User } from './users.js';

/**
 * Sessions live in Neo4j, so every app instance on one database sees the same ones, and ending
 * one (sign-out, a disabled account, a changed role) ends it everywhere at once. Only a hash of
 * the token is stored: a copy of the database does not sign anyone in.
 */
export const SESSION_TTL_MS = 12 * 60 * 60_000;

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
const newToken = () => randomBytes(32).toString('base64url');

export interface NewSession {
  token: string;
  csrfToken: string;
  expiresAt: string;
}

export async function createSession(user: Pick<User, 'id'>, now = new Date()): Promise<NewSession> {
  const token = newToken();
  const csrfToken = newToken();
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS).toISOString();
  await write(
    `MATCH (u:User {id: $userId})
     CREATE (s:Session {tokenHash: $tokenHash, csrfToken: $csrfToken, createdAt: $now, expiresAt: $expiresAt})
     CREATE (s)-[:SESSION_OF]->(u)`,
    { userId: user.id, tokenHash: hashToken(token), csrfToken, now: now.toISOString(), expiresAt },
  );
  return { token, csrfToken, expiresAt };
}

export interface ActiveSession {
  csrfToken: string;
  expiresAt: string;
  user: Pick<User, 'id' | 'username' | 'role' | 'clearance'>;
}

/** The session a token opens, or null when it is unknown, expired, or its user is disabled. */
export async function sessionFor(token: string, now = new Date()): Promise<ActiveSession | null> {
  const result = await read(
    `MATCH (s:Session {tokenHash: $tokenHash})-[:SESSION_OF]->(u:User)
     WHERE s.expiresAt > $now AND u.disabled = false
     RETURN s.csrfToken AS csrfToken, s.expiresAt AS expiresAt,
            u { .id, .username, .role, .clearance } AS user`,
    { tokenHash: hashToken(token), now: now.toISOString() },
  );
  const record = result.records[0];
  if (!record) return null;
  return { csrfToken: record.get('csrfToken'), expiresAt: record.get('expiresAt'), user: record.get('user') };
}

export async function endSession(token: string): Promise<void> {
  await write('MATCH (s:Session {tokenHash: $tokenHash}) DETACH DELETE s', { tokenHash: hashToken(token) });
}

/** Removes expired sessions; run now and then, since an expired one already opens nothing. */
export async function removeExpiredSessions(now = new Date()): Promise<number> {
  const result = await write(
    'MATCH (s:Session) WHERE s.expiresAt <= $now WITH s, 1 AS one DETACH DELETE s RETURN count(one) AS n',
    { now: now.toISOString() },
  );
  return Number(result.records[0]?.get('n') ?? 0);
}
