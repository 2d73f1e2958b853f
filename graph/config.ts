import { z } from 'zod';

/**
 * Every environment variable Kinline reads, declared once: its name, default, meaning and whether
 * it is a secret. Parsed once, on first use (so a test may set the environment before); the
 * server prints the result at start-up (describeConfig) with secrets masked. The README's
 * configuration table is checked against these declarations (test/config.readme-matches.test.ts).
 */
interface Variable<T extends z.ZodType> {
  name: string;
  schema: T;
  /** The value used when the variable is unset or empty, as it would be written in the environment. */
  default?: string;
  /** How the README shows the default, when not the value itself (a built-in key). */
  shownDefault?: string;
  meaning: string;
  /** Never printed: the start-up log says only whether it is set. */
  secret?: boolean;
}

/** Keeps whether a default is declared in the type, so `config()` types defaulted values as always set. */
const variable = <T extends z.ZodType, D extends string | undefined = undefined>(
  spec: Variable<T> & { default?: D },
): Variable<T> & { default: D } => spec as Variable<T> & { default: D };

const PORT_RANGE = 'expected a port number from 0 to 65535';
const port = z
  .string()
  .regex(/^\d{1,5}$/, PORT_RANGE)
  .transform(Number)
  .refine((n) => n <= 65_535, PORT_RANGE);
const mebibytes = z
  .string()
  .regex(/^[1-9]\d*$/, 'expected a whole number of MiB')
  .transform(Number);
const text = z.string().min(1);
const perMinute = z
  .string()
  .regex(/^[1-9]\d*$/, 'expected a whole number of requests per minute')
  .transform(Number);
// TLS, except on this machine (a provider started by a test or a developer).
const secureUrl = z
  .url({ protocol: /^https?$/ })
  .refine(
    (url) => url.startsWith('https://') || /^http:\/\/(localhost|127\.\d+\.\d+\.\d+|\[::1\])(:\d+)?(\/|$)/.test(url),
    'expected an https URL (http only on a loopback address)',
  );

export const VARIABLES = {
  port: variable({ name: 'PORT', schema: port, default: '3000', meaning: 'HTTP port' }),
  host: variable({
    name: 'HOST',
    schema: text,
    default: '127.0.0.1',
    meaning: 'interface to listen on (`0.0.0.0` in Docker)',
  }),
  neo4jUri: variable({
    name: 'NEO4J_URI',
    schema: z
      .string()
      .regex(/^(bolt|neo4j)(\+s|\+ssc)?:\/\/\S+$/, 'expected a Bolt URI (bolt://, neo4j://, neo4j+s://…)'),
    meaning: 'use this Neo4j instead of the embedded one',
  }),
  neo4jUser: variable({ name: 'NEO4J_USER', schema: text, meaning: 'user of that Neo4j' }),
  neo4jPassword: variable({ name: 'NEO4J_PASSWORD', schema: text, meaning: 'password of that Neo4j', secret: true }),
  neo4jPort: variable({
    name: 'KINLINE_NEO4J_PORT',
    schema: port,
    default: '7687',
    meaning: 'Bolt port of the embedded Neo4j',
  }),
  neo4jData: variable({
    name: 'KINLINE_NEO4J_DATA',
    schema: text,
    default: 'data/neo4j',
    meaning: 'data directory of the embedded Neo4j',
  }),
  neo4jHeapMiB: variable({
    name: 'KINLINE_NEO4J_HEAP_MB',
    schema: mebibytes,
    default: '1024',
    meaning: 'heap of the embedded Neo4j and of its offline importer, in MiB',
  }),
  neo4jPageCacheMiB: variable({
    name: 'KINLINE_NEO4J_PAGECACHE_MB',
    schema: mebibytes,
    default: '256',
    meaning: 'page cache of the embedded Neo4j, in MiB',
  }),
  publicRead: variable({
    name: 'KINLINE_PUBLIC_READ',
    schema: z.enum(['true', 'false']).transform((value) => value === 'true'),
    default: 'false',
    meaning: 'let anyone read as a viewer without signing in; always allowed when HOST is a loopback address',
  }),
  allowedHosts: variable({
    name: 'KINLINE_ALLOWED_HOSTS',
    schema: z.string().transform((text) =>
      text
        .split(',')
        .map((host) => host.trim().toLowerCase())
        .filter(Boolean),
    ),
    meaning:
      'comma-separated host names the app answers to (a guard against DNS rebinding); unset: localhost, 127.0.0.1 and ::1 when HOST is a loopback address, any host otherwise',
  }),
  oidcIssuer: variable({
    name: 'KINLINE_OIDC_ISSUER',
    schema: secureUrl,
    meaning:
      "issuer URL of the organisation's OpenID Connect provider: set it, with the client id, secret and role map, to offer sign-in through it",
  }),
  oidcClientId: variable({
    name: 'KINLINE_OIDC_CLIENT_ID',
    schema: text,
    meaning: 'client id of Kinline at that provider',
  }),
  oidcClientSecret: variable({
    name: 'KINLINE_OIDC_CLIENT_SECRET',
    schema: text,
    meaning: 'client secret of Kinline at that provider',
    secret: true,
  }),
  oidcRedirectUrl: variable({
    name: 'KINLINE_OIDC_REDIRECT_URL',
    schema: secureUrl,
    meaning:
      'the callback to register at the provider, `https://HOST/api/oidc/callback`; unset: derived from the request',
  }),
  oidcScopes: variable({
    name: 'KINLINE_OIDC_SCOPES',
    schema: text,
    default: 'openid profile email',
    meaning: 'scopes asked of the provider; add the one that releases the role claim (`groups` at Dex, Okta)',
  }),
  oidcRoleClaim: variable({
    name: 'KINLINE_OIDC_ROLE_CLAIM',
    schema: text,
    default: 'groups',
    meaning: 'the claim (ID token or userinfo) listing the groups a person is in',
  }),
  oidcRoleMap: variable({
    name: 'KINLINE_OIDC_ROLE_MAP',
    schema: text,
    meaning:
      "groups to roles, `group=role[:clearance],…`; the highest role and clearance among a person's groups wins; no group in the map: sign-in refused",
  }),
  logLevel: variable({
    name: 'KINLINE_LOG_LEVEL',
    schema: z.enum(['info', 'warn', 'error', 'silent']),
    default: 'info',
    meaning:
      'the request log: one JSON line per request on standard output (method, route, status, time in ms, user id) at `info`; `silent` turns it off',
  }),
  searchPerMinute: variable({
    name: 'KINLINE_RATE_SEARCH',
    schema: perMinute,
    default: '600',
    meaning: 'searches one signed-in user (or, signed out, one address) may make per minute; then 429',
  }),
  exportPerMinute: variable({
    name: 'KINLINE_RATE_EXPORT',
    schema: perMinute,
    default: '10',
    meaning: 'exports one signed-in user (or, signed out, one address) may start per minute; then 429',
  }),
  chromiumPath: variable({
    name: 'CHROMIUM_PATH',
    schema: text,
    default: '/usr/bin/chromium',
    meaning: 'the Chromium that browser tests and `npm run bench` drive',
  }),
} as const;

type Variables = typeof VARIABLES;
type ValueOf<V> =
  V extends Variable<infer T> ? (V extends { default: string } ? z.output<T> : z.output<T> | undefined) : never;
export type Config = { readonly [K in keyof Variables]: ValueOf<Variables[K]> };

/** A variable holds a value Kinline cannot use; the message names it, on one line. */
export class ConfigError extends Error {}

const given = (env: NodeJS.ProcessEnv, name: string) => {
  // Empty counts as unset, as in `docker compose` files that pass `${VAR:-}` through.
  const value = env[name];
  return value === '' ? undefined : value;
};

/** Reads and checks every declared variable of `env`; throws one ConfigError naming each bad one. */
export function parseConfig(env: NodeJS.ProcessEnv): Config {
  const out: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [key, spec] of Object.entries(VARIABLES) as [string, Variable<z.ZodType>][]) {
    const raw = given(env, spec.name) ?? spec.default;
    if (raw === undefined) continue;
    const parsed = spec.schema.safeParse(raw);
    if (parsed.success) out[key] = parsed.data;
    else {
      const shown = spec.secret ? '' : ` (got "${raw}")`;
      problems.push(`${spec.name}: ${parsed.error.issues[0]?.message ?? 'invalid'}${shown}`);
    }
  }
  if (problems.length > 0) throw new ConfigError(`invalid configuration: ${problems.join('; ')}`);
  return Object.freeze(out) as Config;
}

let parsed: Config | undefined;

/** The configuration of this process, parsed from its environment on first use. */
export function config(): Config {
  parsed ??= parseConfig(process.env);
  return parsed;
}

/** The effective configuration, one variable a line, secrets masked: for the start-up log. */
export function describeConfig(): string {
  const values = config();
  const width = Math.max(...Object.values(VARIABLES).map((v) => v.name.length));
  return Object.entries(VARIABLES)
    .map(([key, spec]: [string, Variable<z.ZodType>]) => {
      const value = values[key as keyof Config];
      const source = given(process.env, spec.name) === undefined ? 'default' : 'set';
      const shown =
        value === undefined
          ? 'unset'
          : spec.secret
            ? source === 'set'
              ? '(set, hidden)'
              : `(${spec.shownDefault ?? 'default'}, hidden)`
            : `${String(value)}${source === 'default' ? ' (default)' : ''}`;
      return `  ${spec.name.padEnd(width)}  ${shown}`;
    })
    .join('\n');
}

/** The README's configuration table, rendered from the declarations. */
export function configTable(): string {
  const rows = Object.values(VARIABLES).map((v: Variable<z.ZodType>) => {
    const shown = v.shownDefault ?? v.default;
    return `| \`${v.name}\` | ${shown === undefined ? 'unset' : shown} | ${v.meaning} | ${v.secret ? 'yes' : ''} |`;
  });
  return ['| variable | default | meaning | secret |', '| --- | --- | --- | --- |', ...rows].join('\n');
}
