import { createHash } from 'node:crypto';
import type { RoleGrant } from './role-map.js';
import { AccountError, addUser, setRole, type User, userByOidcSubject } from './users.js';

/** Who the organisation's provider says signed in. */
export interface OidcIdentity {
  issuer: string;
  subject: string;
  /** preferred_username, email or name: the username a new account gets, when free. */
  preferredName?: string;
}

export interface OidcAccount {
  user: User;
  /** What this sign-in changed, for the audit log. */
  change: 'added' | 'role-changed' | 'unchanged';
}

/**
 * The stored subject: `sub` is unique only within its issuer (OpenID Connect Core, 2), so the
 * issuer is kept with it; a new provider's subjects never open an old provider's accounts.
 */
export const oidcSubjectKey = (identity: OidcIdentity) => `${identity.issuer} ${identity.subject}`;

const MAX_USERNAME = 200;

/**
 * Finds or creates the account of a person signed in through OpenID Connect, with the role and
 * clearance their groups grant now: the provider, not Kinline, decides them, on every sign-in.
 * A changed role ends the account's other sessions (setRole), as a change by an admin does.
 * An account is never matched by username: a local `alice` is not opened by a provider's `alice`.
 * A disabled account is returned unchanged; the caller refuses it.
 */
export async function accountForOidc(identity: OidcIdentity, grant: RoleGrant): Promise<OidcAccount> {
  const key = oidcSubjectKey(identity);
  const existing = await userByOidcSubject(key);
  if (existing) {
    if (existing.disabled || (existing.role === grant.role && existing.clearance === grant.clearance)) {
      return { user: existing, change: 'unchanged' };
    }
    return { user: await setRole(existing.username, grant.role, grant.clearance), change: 'role-changed' };
  }
  const suffix = createHash('sha256').update(key).digest('hex').slice(0, 8);
  const wanted = (identity.preferredName?.trim() || `oidc-${suffix}`).slice(0, MAX_USERNAME - 9);
  for (const username of [wanted, `${wanted}-${suffix}`]) {
    try {
      const user = await addUser({ username, role: grant.role, clearance: grant.clearance, oidcSubject: key });
      return { user, change: 'added' };
    } catch (error) {
      if (!(error instanceof AccountError && error.code === 'user_exists')) throw error;
      // The same person signing in twice at once: the other sign-in created the account.
      const created = await userByOidcSubject(key);
      if (created) return { user: created, change: 'unchanged' };
    }
  }
  throw new AccountError('user_exists', `the usernames ${wanted} and ${wanted}-${suffix} are both taken`);
}
