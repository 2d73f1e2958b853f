import type { Request } from 'express';
import type { oidcRoutes } from '../contract/oidc.js';
import { ApiError } from '../errors.js';
import { beginSignIn, OidcUnavailable } from '../oidc/flow.js';
import { keepPending, takePending } from '../oidc/pending.js';
import { accountFromCallback } from '../oidc/sign-in.js';
import { type OidcSettings, oidcSettings } from '../oidc/settings.js';
import type { Handlers } from './define.js';
import { clientAddress, openSession } from './session.js';

function configured(): OidcSettings {
  const settings = oidcSettings();
  if (!settings)
    throw new ApiError(404, 'oidc_not_configured', 'This server offers no sign-in through an organisation.');
  return settings;
}

/** KINLINE_OIDC_REDIRECT_URL, or this route's sibling on the host the browser asked for. */
const redirectUriFor = (settings: OidcSettings, req: Request) =>
  settings.redirectUrl?.href ?? `${req.protocol}://${req.get('host')}/api/oidc/callback`;

export const oidcHandlers: Handlers<typeof oidcRoutes> = {
  oidcLogin: async (_input, _scope, res) => {
    const settings = configured();
    const { url, pending } = await beginSignIn(settings, redirectUriFor(settings, res.req)).catch((error: unknown) => {
      if (error instanceof OidcUnavailable) throw new ApiError(503, 'oidc_unavailable', error.message);
      throw error;
    });
    keepPending(res, pending);
    res.redirect(302, url.href);
  },
  oidcCallback: async (_input, _scope, res) => {
    const settings = configured();
    const pending = takePending(res.req, res);
    const query = new URL(res.req.originalUrl, 'http://callback').search;
    const user = await accountFromCallback(settings, pending, query, clientAddress(res));
    await openSession(res, user);
    res.redirect(302, '/');
  },
};
