import * as client from 'openid-client';
import type { OidcSettings } from './settings.js';

/**
 * The OpenID Connect authorization code flow with PKCE, state and nonce, through openid-client:
 * `beginSignIn` makes the provider's URL and the values the callback must see again;
 * `finishSignIn` checks the callback, exchanges the code and validates the ID token.
 */

/** What the browser carries from the start of a sign-in to its callback (server/oidc/pending.ts). */
export interface PendingSignIn {
  state: string;
  nonce: string;
  codeVerifier: string;
  redirectUri: string;
}

/** The provider cannot be reached, or answered something a provider must not. */
export class OidcUnavailable extends Error {}

/** The callback does not prove a sign-in: wrong state, a refused or replayed code, a bad ID token. */
export class OidcRefused extends Error {
  constructor(
    readonly reason: string,
    message: string,
  ) {
    super(message);
  }
}

const LOOPBACK = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])$/;

let discovered: { issuer: string; configuration: Promise<client.Configuration> } | undefined;

/** The provider's metadata, discovered once per process; a failed discovery is tried again next time. */
function configurationFor(settings: OidcSettings): Promise<client.Configuration> {
  if (discovered?.issuer !== settings.issuer.href) {
    // openid-client refuses plain http; it is allowed only for a provider on this machine.
    const insecure = settings.issuer.protocol === 'http:' && LOOPBACK.test(settings.issuer.hostname);
    // client_secret_basic: the method a provider assumes when none was registered (OIDC Core, 9).
    const authentication = client.ClientSecretBasic(settings.clientSecret);
    const configuration = client
      .discovery(settings.issuer, settings.clientId, undefined, authentication, {
        ...(insecure ? { execute: [client.allowInsecureRequests] } : {}),
      })
      .catch((error: unknown) => {
        discovered = undefined;
        throw new OidcUnavailable(`the provider at ${settings.issuer.href} cannot be reached: ${messageOf(error)}`);
      });
    discovered = { issuer: settings.issuer.href, configuration };
  }
  return discovered.configuration;
}

export async function beginSignIn(
  settings: OidcSettings,
  redirectUri: string,
): Promise<{ url: URL; pending: PendingSignIn }> {
  const configuration = await configurationFor(settings);
  const pending: PendingSignIn = {
    state: client.randomState(),
    nonce: client.randomNonce(),
    codeVerifier: client.randomPKCECodeVerifier(),
    redirectUri,
  };
  const scopes = new Set(['openid', ...settings.scopes.split(/\s+/).filter(Boolean)]);
  const url = client.buildAuthorizationUrl(configuration, {
    redirect_uri: redirectUri,
    scope: [...scopes].join(' '),
    response_type: 'code',
    code_challenge: await client.calculatePKCECodeChallenge(pending.codeVerifier),
    code_challenge_method: 'S256',
    state: pending.state,
    nonce: pending.nonce,
  });
  return { url, pending };
}

export interface SignedInClaims {
  issuer: string;
  subject: string;
  preferredName?: string;
  /** The values of the role claim (KINLINE_OIDC_ROLE_CLAIM), from the ID token or else userinfo. */
  groups: string[];
}

/** `query` is the callback's query string as the provider sent it. */
export async function finishSignIn(
  settings: OidcSettings,
  pending: PendingSignIn,
  query: string,
): Promise<SignedInClaims> {
  const configuration = await configurationFor(settings);
  const callback = new URL(pending.redirectUri);
  callback.search = query;
  let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
  try {
    tokens = await client.authorizationCodeGrant(configuration, callback, {
      pkceCodeVerifier: pending.codeVerifier,
      expectedState: pending.state,
      expectedNonce: pending.nonce,
      idTokenExpected: true,
    });
  } catch (error) {
    if (error instanceof client.AuthorizationResponseError) {
      throw new OidcRefused('provider-refused', `the provider refused the sign-in: ${error.error}`);
    }
    // fetch() failing: the provider is down, not the sign-in wrong.
    if (error instanceof TypeError) throw new OidcUnavailable(messageOf(error));
    throw new OidcRefused('invalid-callback', `the sign-in could not be checked: ${messageOf(error)}`);
  }
  const idToken = tokens.claims();
  if (!idToken) throw new OidcRefused('invalid-callback', 'the provider sent no ID token');
  let claims: Record<string, unknown> = idToken;
  // Many providers release groups only at the userinfo endpoint (OpenID Connect Core, 5.4).
  if (claims[settings.roleClaim] === undefined) {
    const userinfo = await client.fetchUserInfo(configuration, tokens.access_token, idToken.sub).catch((error) => {
      throw new OidcRefused('invalid-callback', `the provider's userinfo could not be read: ${messageOf(error)}`);
    });
    claims = { ...userinfo, ...idToken };
  }
  const preferred = [claims.preferred_username, claims.email, claims.name].find(
    (value): value is string => typeof value === 'string' && value.trim() !== '',
  );
  return {
    issuer: idToken.iss,
    subject: idToken.sub,
    ...(preferred ? { preferredName: preferred } : {}),
    groups: groupsOf(claims[settings.roleClaim]),
  };
}

/** A list of group names, or one name; anything else names no group. */
function groupsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((group): group is string => typeof group === 'string') : [];
}

function messageOf(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? ` (${error.cause.message})` : '';
  return `${error instanceof Error ? error.message : String(error)}${cause}`;
}
