import argon2 from 'argon2';

/**
 * Passwords are stored as Argon2id hashes (RFC 9106's first recommended choice), with the
 * library's defaults: 64 MiB, 3 passes, 4 lanes.
 */
export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id });
}

export async function passwordMatches(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    // A malformed stored hash is a failed sign-in, never a crash.
    return false;
  }
}

/**
 * A hash of a password nobody has: checked when the username is unknown, so that a sign-in for a
 * name that does not exist takes as long as one with a wrong password (no user-name oracle).
 */
let decoy: Promise<string> | undefined;
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword(`decoy-${Math.random()}`);
  return decoy;
}

export { MIN_PASSWORD_LENGTH } from './password-policy.js';
