/**
 * `kinline user …` and `kinline audit verify`: accounts and the audit log from the command line
 * (README, "Who sees what"). Passwords come on standard input only, never as an argument (an
 * argument shows in the process list and the shell's history).
 */
import { Clearance, Role } from '../graph/access/roles.js';
import { AccountError, addUser, disableUser, listUsers, setRole } from '../graph/access/users.js';
import { appendAudit, verifyAudit } from '../graph/audit/log.js';
import { openGraph } from './connection.js';

export class AccountUsageError extends Error {}

const log = (line: string) => process.stderr.write(`[kinline] ${line}\n`);
const CLI_ACTOR = 'cli';

async function readStdin(): Promise<string> {
  let text = '';
  for await (const chunk of process.stdin) text += chunk;
  // One line: the password, without the newline `echo` or a here-string adds.
  return text.replace(/\r?\n$/, '');
}

function roleOf(value: string | undefined): Role {
  const parsed = Role.safeParse(value);
  if (!parsed.success) throw new AccountUsageError(`--role must be one of ${Role.options.join(', ')}`);
  return parsed.data;
}

function clearanceOf(value: string | undefined): Clearance {
  const parsed = Clearance.safeParse(value ?? 'none');
  if (!parsed.success) throw new AccountUsageError(`--clearance must be one of ${Clearance.options.join(', ')}`);
  return parsed.data;
}

export interface AccountFlags {
  role?: string;
  clearance?: string;
  'password-stdin'?: boolean;
}

export async function userCommand(args: string[], flags: AccountFlags): Promise<number> {
  const [action, name] = args;
  const graph = await openGraph(log);
  try {
    switch (action) {
      case 'add': {
        if (!name) throw new AccountUsageError('user add needs a NAME');
        if (!flags['password-stdin']) throw new AccountUsageError('user add needs --password-stdin');
        const user = await addUser({
          username: name,
          role: roleOf(flags.role),
          clearance: clearanceOf(flags.clearance),
          password: await readStdin(),
        });
        await appendAudit({
          actor: CLI_ACTOR,
          action: 'user-added',
          details: { username: user.username, role: user.role, clearance: user.clearance },
        });
        process.stdout.write(`added ${user.username} (${user.role}, clearance ${user.clearance})\n`);
        return 0;
      }
      case 'list':
        for (const user of await listUsers()) {
          process.stdout.write(
            `${user.username}\t${user.role}\t${user.clearance}\t${user.disabled ? 'disabled' : 'active'}\n`,
          );
        }
        return 0;
      case 'set-role': {
        if (!name) throw new AccountUsageError('user set-role needs a NAME');
        const user = await setRole(name, roleOf(flags.role), clearanceOf(flags.clearance));
        await appendAudit({
          actor: CLI_ACTOR,
          action: 'user-changed',
          details: { username: user.username, role: user.role, clearance: user.clearance },
        });
        process.stdout.write(`${user.username} is now ${user.role}, clearance ${user.clearance}\n`);
        return 0;
      }
      case 'disable': {
        if (!name) throw new AccountUsageError('user disable needs a NAME');
        const user = await disableUser(name);
        await appendAudit({ actor: CLI_ACTOR, action: 'user-disabled', details: { username: user.username } });
        process.stdout.write(`disabled ${user.username}; their sessions have ended\n`);
        return 0;
      }
      default:
        throw new AccountUsageError('user needs add, list, set-role or disable');
    }
  } catch (error) {
    if (error instanceof AccountError) {
      process.stderr.write(`kinline: ${error.message}\n`);
      return 1;
    }
    throw error;
  } finally {
    await graph.close();
  }
}

/** Exits 1 when an entry of the audit log was altered or removed. */
export async function auditCommand(args: string[]): Promise<number> {
  if (args[0] !== 'verify') throw new AccountUsageError('audit needs verify');
  const graph = await openGraph(log);
  try {
    const verdict = await verifyAudit();
    if (verdict.ok) {
      process.stdout.write(`audit log intact: ${verdict.entries} entries\n`);
      return 0;
    }
    process.stderr.write(`audit log broken: ${verdict.problem} (${verdict.entries} entries read)\n`);
    return 1;
  } finally {
    await graph.close();
  }
}
