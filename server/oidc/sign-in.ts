import { accountForOidc } from '../../graph/access/oidc-accounts.js';
import { grantFor } from '../../graph/access/role-map.js';
import type { User } from '../../graph/access/users.js';
import { appendAudit } from '../../graph/audit/log.js';
import { ApiError } from '../errors.js';
import { finishSignIn, OidcRefused, OidcUnavailable, type PendingSignIn } from './flow.js';
import type { OidcSettings } from './settings.js';

/**
 * The account a callback from the provider signs in, with its role and clearance brought up to
 * date from the person's groups; every refusal is audited and answered in the one error shape.
 */
export async function accountFromCallback(
  settings: OidcSettings,
  pending: PendingSignIn | null,
  query: string,
  ip: string,
): Promise<User> {
  const refuse = async (actor: string, reason: string, error: ApiError, extra: Record<string, unknown> = {}) => {
    await appendAudit({ actor, action: 'sign-in-failed', details: { via: 'oidc', reason, ip, ...extra } });
    return error;
  };
  if (!pending) {
    throw await refuse(
      'anonymous',
      'no-pending-sign-in',
      new ApiError(
        401,
        'oidc_failed',
        'This sign-in was not started in this browser, or took over ten minutes: start again.',
      ),
    );
  }
  let claims: Awaited<ReturnType<typeof finishSignIn>>;
  try {
    claims = await finishSignIn(settings, pending, query);
  } catch (error) {
    if (error instanceof OidcUnavailable)
      throw new ApiError(503, 'oidc_unavailable', `Sign-in through your organisation is unavailable: ${error.message}`);
    if (!(error instanceof OidcRefused)) throw error;
    throw await refuse(
      'anonymous',
      error.reason,
      new ApiError(401, 'oidc_failed', `Sign-in failed: ${error.message}.`),
    );
  }
  const actor = claims.preferredName ?? claims.subject;
  const grant = grantFor(claims.groups, settings.roleMap);
  if (!grant) {
    throw await refuse(
      actor,
      'no-role',
      new ApiError(
        403,
        'oidc_no_role',
        `Your organisation account is in no group that has a role in Kinline (${settings.roleClaim}); ask an administrator to add you to one.`,
      ),
      { groups: claims.groups },
    );
  }
  const { user, change } = await accountForOidc(claims, grant);
  if (user.disabled) {
    throw await refuse(
      user.username,
      'disabled',
      new ApiError(403, 'account_disabled', 'This account is disabled in Kinline.'),
    );
  }
  if (change !== 'unchanged') {
    await appendAudit({
      actor: 'oidc',
      action: change === 'added' ? 'user-added' : 'user-changed',
      details: { username: user.username, role: user.role, clearance: user.clearance, groups: claims.groups },
    });
  }
  await appendAudit({ actor: user.username, action: 'sign-in', details: { via: 'oidc', ip } });
  return user;
}
