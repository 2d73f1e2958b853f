/**
 * Who a `kinline` command acts for, and the audit entries it writes. `--as USER` attributes the
 * command to a Kinline account and reads with its clearance; it is attribution, not
 * authentication: whoever can run the CLI holds the database's password file and could read the
 * graph directly (README, "Command line").
 */
import { userInfo } from 'node:os';
import { ANONYMOUS, isAdmin, type Reader } from '../graph/access/roles.js';
import { findUser } from '../graph/access/users.js';
import { appendAudit } from '../graph/audit/log.js';
import type { ProtectionChange } from '../graph/import/protection.js';

/** Wrong usage: the command exits 2 with the usage text. */
export class UsageError extends Error {}

export interface Attribution {
  /** The account named by --as; the anonymous viewer without it. */
  reader: Reader;
  /** Who the audit log names: the --as account, else "cli". */
  actor: string;
  /** The operating-system account that ran the command, noted beside it. */
  osUser: string;
}

function osUser(): string {
  try {
    return userInfo().username;
  } catch {
    return process.env.USER ?? 'unknown';
  }
}

/** Resolves `--as USER` (needs the graph open): an unknown or disabled account is wrong usage. */
export async function attribution(as: string | undefined): Promise<Attribution> {
  if (as === undefined) return { reader: ANONYMOUS, actor: 'cli', osUser: osUser() };
  const user = await findUser(as);
  if (!user) throw new UsageError(`--as ${as}: there is no Kinline user of that name (kinline user list)`);
  if (user.disabled) throw new UsageError(`--as ${as}: that account is disabled`);
  return {
    reader: { userId: user.id, username: user.username, role: user.role, clearance: user.clearance },
    actor: user.username,
    osUser: osUser(),
  };
}

/** A flag only an admin may give: `--include-protected`, `--allow-unprotect`. */
export function requireAdmin(who: Attribution | undefined, flag: string): void {
  if (!who || !isAdmin(who.reader)) throw new UsageError(`${flag} needs --as ADMIN (an admin's Kinline account)`);
}

/**
 * Audits one load (`import`, `seed`): an 'import' entry with what was read and what came of it,
 * then one 'protection-changed' entry per stored person whose protection it changed, by public id
 * (never by name).
 */
export async function auditLoad(
  who: Attribution,
  details: Record<string, unknown>,
  changes: readonly ProtectionChange[] = [],
): Promise<void> {
  await appendAudit({ actor: who.actor, action: 'import', details: { via: 'cli', osUser: who.osUser, ...details } });
  for (const change of changes) {
    await appendAudit({
      actor: who.actor,
      action: 'protection-changed',
      details: {
        via: 'cli',
        osUser: who.osUser,
        person: change.publicId,
        from: change.from,
        to: change.to,
        lowered: change.lowered,
      },
    });
  }
}
