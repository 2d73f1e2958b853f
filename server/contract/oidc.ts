import { z } from 'zod';
import { ErrorBody } from '../../graph/views/system.js';
import { ERRORS, json, REDIRECT, route } from './define.js';

/** What a provider sends back (OAuth 2.0, RFC 6749 4.1.2; RFC 9207 `iss`); others pass through. */
const Callback = z.looseObject({
  code: z.string().max(4000).optional(),
  state: z.string().max(4000).optional(),
  iss: z.string().max(4000).optional(),
  error: z.string().max(200).optional(),
  error_description: z.string().max(4000).optional(),
});

/** Browser navigations, not calls: each answers a redirect, or an error in the one shape. */
export const oidcRoutes = {
  oidcLogin: route({
    method: 'get',
    path: '/oidc/login',
    tag: 'session',
    summary:
      "Starts sign-in through the organisation's OpenID Connect provider: redirects there (code flow, PKCE, state, nonce); 404 when none is configured",
    responses: { 302: REDIRECT, ...ERRORS },
  }),
  oidcCallback: route({
    method: 'get',
    path: '/oidc/callback',
    budget: 'sign-in',
    tag: 'session',
    summary:
      "Where the provider sends the browser back: checks the answer, maps the person's groups to a role, signs them in (the session cookie) and redirects to /; 401 when the sign-in cannot be proved, 403 when no group of theirs has a role",
    query: Callback,
    responses: { 302: REDIRECT, 401: json(ErrorBody), 403: json(ErrorBody), 429: json(ErrorBody), ...ERRORS },
  }),
};
