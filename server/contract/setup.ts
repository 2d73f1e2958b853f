import { z } from 'zod';
import { MIN_PASSWORD_LENGTH } from '../../graph/access/password-policy.js';
import { ErrorBody } from '../../graph/views/system.js';
import { ERRORS, json, route } from './define.js';
import { SessionView } from './session.js';

/** Whether this server still takes its first admin through the setup link it printed; never the token. */
export const SetupStatus = z.strictObject({ open: z.boolean() });

const FirstAdmin = z.strictObject({
  token: z.string().min(1).max(200),
  username: z.string().trim().min(1).max(200),
  password: z.string().min(MIN_PASSWORD_LENGTH).max(1000),
});

export const setupRoutes = {
  setupStatus: route({
    method: 'get',
    path: '/setup',
    tag: 'session',
    summary: 'Whether the one-time setup link the server printed at start-up can still create the first admin',
    responses: { 200: json(SetupStatus), ...ERRORS },
  }),
  setup: route({
    method: 'post',
    path: '/setup',
    budget: 'sign-in',
    tag: 'session',
    summary:
      'Creates the first admin with the token of the setup link (single use, one hour) and signs them in: 403 for a wrong token, 410 once the link is used, expired or an admin exists',
    body: FirstAdmin,
    responses: {
      200: json(SessionView),
      403: json(ErrorBody),
      410: json(ErrorBody),
      429: json(ErrorBody),
      ...ERRORS,
    },
  }),
};
