import { createServer, type Server } from 'node:http';
import Provider from 'oidc-provider';
import { checkAgainstContract } from './api.js';

/**
 * A real OpenID Connect provider (oidc-provider) on a loopback port, with its development
 * sign-in pages, whose accounts are in the groups a test gives them; and a cookie-carrying
 * client that walks its pages as a browser would, following every redirect by hand.
 */
export interface TestProvider {
  issuer: string;
  /** Registers Kinline as a client (id `kinline`) sending people back to `callback`. */
  register(callback: string): void;
  close(): Promise<void>;
}

export const CLIENT_ID = 'kinline';
export const CLIENT_SECRET = 'a client secret only the test knows';

export async function startProvider(groupsOf: (login: string) => string[]): Promise<TestProvider> {
  const server: Server = createServer((_req, res) => {
    res.statusCode = 503;
    res.end('not registered yet');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const issuer = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return {
    issuer,
    register(callback) {
      const provider = new Provider(issuer, {
        clients: [
          {
            client_id: CLIENT_ID,
            client_secret: CLIENT_SECRET,
            redirect_uris: [callback],
            grant_types: ['authorization_code'],
            response_types: ['code'],
          },
        ],
        // Groups come with their own scope, and (as at many providers) from userinfo only.
        claims: { openid: ['sub'], profile: ['preferred_username'], groups: ['groups'] },
        findAccount: (_ctx, id) => ({
          accountId: id,
          claims: () => ({ sub: id, preferred_username: id, groups: groupsOf(id) }),
        }),
        features: { devInteractions: { enabled: true } },
        cookies: { keys: ['a cookie key only the test knows'] },
        pkce: { required: () => true },
        ttl: { Interaction: 600, Session: 600, Grant: 600, AccessToken: 600, IdToken: 600 },
      });
      server.removeAllListeners('request');
      server.on('request', provider.callback());
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export interface Answer {
  status: number;
  headers: Headers;
  url: URL;
  text: string;
}

/** A browser, as far as cookies and redirects go: cookies kept per origin, no redirect followed. */
export class CookieBrowser {
  readonly #jar = new Map<string, Map<string, string>>();

  cookie(origin: string, name: string): string | undefined {
    return this.#jar.get(origin)?.get(name);
  }

  async request(url: URL, init: { method?: string; form?: Record<string, string> } = {}): Promise<Answer> {
    const cookies = [...(this.#jar.get(url.origin) ?? [])].map(([name, value]) => `${name}=${value}`).join('; ');
    const response = await fetch(url, {
      method: init.method ?? 'GET',
      redirect: 'manual',
      headers: {
        ...(cookies ? { cookie: cookies } : {}),
        ...(init.form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      ...(init.form ? { body: new URLSearchParams(init.form).toString() } : {}),
    });
    const jar = this.#jar.get(url.origin) ?? new Map<string, string>();
    this.#jar.set(url.origin, jar);
    for (const header of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = header.split(';');
      const [name = '', value = ''] = pair.split(/=(.*)/s);
      const expired = attributes.some((a) => /^\s*expires=Thu, 01 Jan 1970/i.test(a) || /^\s*max-age=0\s*$/i.test(a));
      if (expired || value === '') jar.delete(name.trim());
      else jar.set(name.trim(), value);
    }
    const text = await response.text();
    if (url.pathname.startsWith('/api/')) {
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        /* a redirect has no body */
      }
      checkAgainstContract(init.method ?? 'GET', url.pathname + url.search, response, body, text);
    }
    return { status: response.status, headers: response.headers, url, text };
  }
}

/**
 * Signs in at Kinline through the provider as `login`: Kinline's login route, the provider's
 * sign-in and consent pages, back to Kinline's callback. `alter` may change the callback URL
 * the provider sends the browser to (a forged state). Answers the callback's own answer.
 */
export async function signInThroughProvider(
  browser: CookieBrowser,
  kinline: string,
  login: string,
  alter: (callback: URL) => URL = (callback) => callback,
): Promise<{ callback: URL; answer: Answer }> {
  let answer = await browser.request(new URL('/api/oidc/login', kinline));
  for (let step = 0; step < 20; step++) {
    const location = answer.headers.get('location');
    if (location) {
      const next = new URL(location, answer.url);
      if (next.origin === kinline && next.pathname === '/api/oidc/callback') {
        const callback = alter(next);
        return { callback, answer: await browser.request(callback) };
      }
      answer = await browser.request(next);
      continue;
    }
    const prompt = /name="prompt" value="(\w+)"/.exec(answer.text)?.[1];
    const action = /<form[^>]* action="([^"]+)"/.exec(answer.text)?.[1];
    if (!prompt || !action) throw new Error(`unexpected page at ${answer.url} (${answer.status}):\n${answer.text}`);
    const form: Record<string, string> = prompt === 'login' ? { prompt, login, password: 'any' } : { prompt };
    answer = await browser.request(new URL(action, answer.url), { method: 'POST', form });
  }
  throw new Error('the sign-in never came back to Kinline');
}
