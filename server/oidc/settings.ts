import { parseRoleMap, type RoleMap, RoleMapError } from '../../graph/access/role-map.js';
import { ConfigError, config } from '../../graph/config.js';

/** Sign-in through the organisation's OpenID Connect provider, as configured (README, OIDC). */
export interface OidcSettings {
  issuer: URL;
  clientId: string;
  clientSecret: string;
  /** Unset: `<the request's origin>/api/oidc/callback`. */
  redirectUrl?: URL;
  scopes: string;
  roleClaim: string;
  roleMap: RoleMap;
}

let cached: OidcSettings | null | undefined;

/**
 * The settings, or null when KINLINE_OIDC_ISSUER is unset (no OIDC sign-in). A half-made
 * configuration is an error at start-up, never a sign-in button that cannot work.
 */
export function oidcSettings(): OidcSettings | null {
  if (cached !== undefined) return cached;
  const settings = config();
  if (!settings.oidcIssuer) {
    cached = null;
    return cached;
  }
  const missing = (
    [
      ['KINLINE_OIDC_CLIENT_ID', settings.oidcClientId],
      ['KINLINE_OIDC_CLIENT_SECRET', settings.oidcClientSecret],
      ['KINLINE_OIDC_ROLE_MAP', settings.oidcRoleMap],
    ] as const
  ).flatMap(([name, value]) => (value ? [] : [name]));
  if (missing.length) throw new ConfigError(`KINLINE_OIDC_ISSUER is set, but ${missing.join(', ')} not`);
  let roleMap: RoleMap;
  try {
    roleMap = parseRoleMap(settings.oidcRoleMap!);
  } catch (error) {
    if (error instanceof RoleMapError) throw new ConfigError(`KINLINE_OIDC_ROLE_MAP: ${error.message}`);
    throw error;
  }
  cached = {
    issuer: new URL(settings.oidcIssuer),
    clientId: settings.oidcClientId!,
    clientSecret: settings.oidcClientSecret!,
    ...(settings.oidcRedirectUrl ? { redirectUrl: new URL(settings.oidcRedirectUrl) } : {}),
    scopes: settings.oidcScopes,
    roleClaim: settings.oidcRoleClaim,
    roleMap,
  };
  return cached;
}

export const oidcEnabled = () => oidcSettings() !== null;
