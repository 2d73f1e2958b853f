import type { SessionView } from '../../../server/contract/session.js';
import { oidcRoutes } from '../../../server/contract/oidc.js';
import { pathOf } from '../../../server/contract/url.js';
import { el } from '../dom.js';

/**
 * "Sign in with your organisation": a link, not a form or a fetch, because the server answers
 * with a redirect to the organisation's provider (a navigation the CSP's form-action would
 * refuse after a POST). For the sign-in form to show beside its own fields; null when the
 * server offers no OpenID Connect sign-in (GET /api/session `oidc`).
 */
export function organisationSignIn(session: Pick<SessionView, 'oidc'>): HTMLAnchorElement | null {
  if (!session.oidc) return null;
  return el(
    'a',
    { className: 'button organisation-sign-in', href: pathOf(oidcRoutes.oidcLogin) },
    'Sign in with your organisation',
  );
}
