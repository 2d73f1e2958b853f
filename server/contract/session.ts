import { z } from 'zod';
import { Clearance, Role } from '../../graph/access/roles.js';
import { ErrorBody } from '../../graph/views/system.js';
import { ERRORS, json, route } from './define.js';

/** Who is signed in, as the browser sees it; the CSRF token goes in `X-CSRF-Token` on every change. */
export const SessionView = z.strictObject({
  user: z.strictObject({ username: z.string(), role: Role, clearance: Clearance }).nullable(),
  csrfToken: z.string().optional(),
  /** Whether this server lets readers in without signing in (as viewers). */
  anonymousReading: z.boolean(),
  /** Whether sign-in through the organisation's OpenID Connect provider is offered (GET /api/oidc/login). */
  oidc: z.boolean(),
});
export type SessionView = z.infer<typeof SessionView>;

const Credentials = z.strictObject({
  username: z.string().trim().min(1).max(200),
  password: z.string().min(1).max(1000),
});

const REFUSED = { 401: json(ErrorBody), 403: json(ErrorBody), 429: json(ErrorBody) } as const;

export const sessionRoutes = {
  signIn: route({
    method: 'post',
    path: '/session',
    budget: 'sign-in',
    tag: 'session',
    summary:
      'Signs in with a username and password; sets the session cookie (HttpOnly, SameSite=Strict). Repeated failures lock the account for 15 minutes',
    body: Credentials,
    responses: { 200: json(SessionView), ...REFUSED, ...ERRORS },
  }),
  session: route({
    method: 'get',
    path: '/session',
    tag: 'session',
    summary: 'Who is signed in (null when no one is), and the CSRF token of the session',
    responses: { 200: json(SessionView), ...REFUSED, ...ERRORS },
  }),
  signOut: route({
    method: 'delete',
    path: '/session',
    tag: 'session',
    summary: 'Signs out: the session ends on every app instance at once',
    responses: { 200: json(SessionView), ...REFUSED, ...ERRORS },
  }),
};
