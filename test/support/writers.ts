import { addUser } from '../../graph/access/users.js';
import type { Api } from './api.js';

const PASSWORD = 'a long enough password';

/** A signed-in user's calls: session cookie and CSRF token on every request. */
export interface Writer {
  call(method: string, path: string, body?: unknown, headers?: Record<string, string>): ReturnType<Api['send']>;
}

export async function signedIn(api: Api, username: string): Promise<Writer> {
  const reply = await api.send('POST', '/api/session', { body: { username, password: PASSWORD } });
  const cookie = (reply.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const csrf = reply.body?.csrfToken as string;
  return {
    call: (method, path, body, headers = {}) =>
      api.send(method, path, { body, headers: { cookie, 'x-csrf-token': csrf, ...headers } }),
  };
}

/** One user of each role: a researcher without clearance, a cleared one, an admin, a viewer. */
export async function addWriters(): Promise<void> {
  await addUser({ username: 'rita', role: 'researcher', password: PASSWORD });
  await addUser({ username: 'clara', role: 'cleared', clearance: 'confidential', password: PASSWORD });
  await addUser({ username: 'adam', role: 'admin', clearance: 'confidential', password: PASSWORD });
  await addUser({ username: 'vera', role: 'viewer', password: PASSWORD });
}

export const SOURCE = 'src-bitter-winter-2019-orphans';
export const claim = (excerpt: string, confidence = 'probable') => ({
  source: SOURCE,
  locator: 'para. 9',
  excerpt,
  confidence,
});
