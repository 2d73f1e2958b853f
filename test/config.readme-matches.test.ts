import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { ConfigError, configTable, describeConfig, parseConfig, VARIABLES } from '../graph/config.js';

it("the README's configuration table is the one the declarations render", () => {
  const readme = readFileSync('README.md', 'utf8');
  const table = /<!-- config:start -->\n([\s\S]*?)\n<!-- config:end -->/.exec(readme)?.[1];
  expect(table, 'README.md needs the <!-- config:start --> ... <!-- config:end --> markers').toBeDefined();
  // On a difference, paste the expected table between the markers.
  expect(table).toBe(configTable());
});

it('gives the declared defaults, and treats an empty variable as unset', () => {
  const settings = parseConfig({ PORT: '', NEO4J_URI: '' });
  expect(settings.port).toBe(3000);
  expect(settings.neo4jUri).toBeUndefined();
  expect(settings.neo4jHeapMiB).toBe(1024);
  expect(settings.neo4jData).toBe('data/neo4j');
  expect(parseConfig({ KINLINE_NEO4J_PAGECACHE_MB: '512', HOST: '0.0.0.0' })).toMatchObject({
    neo4jPageCacheMiB: 512,
    host: '0.0.0.0',
  });
});

it('names each invalid variable on one line', () => {
  const error = (() => {
    try {
      parseConfig({ KINLINE_NEO4J_HEAP_MB: 'lots', PORT: '70000', NEO4J_URI: 'http://x' });
      return null;
    } catch (e) {
      return e;
    }
  })();
  expect(error).toBeInstanceOf(ConfigError);
  const message = (error as Error).message;
  expect(message.split('\n')).toHaveLength(1);
  expect(message).toMatch(/KINLINE_NEO4J_HEAP_MB: expected a whole number of MiB \(got "lots"\)/);
  expect(message).toMatch(/PORT: expected a port number/);
  expect(message).toMatch(/NEO4J_URI: expected a Bolt URI/);
});

it('prints the effective configuration with secrets masked', () => {
  // Set before the first config() of this file's process, which parses the environment once.
  process.env.NEO4J_PASSWORD = 's3cret-password';
  process.env.KINLINE_OIDC_CLIENT_SECRET = 'k3y-of-the-client';
  process.env.KINLINE_NEO4J_HEAP_MB = '2048';
  try {
    const printed = describeConfig();
    expect(printed).not.toMatch(/s3cret-password|k3y-of-the-client/);
    expect(printed).toMatch(/NEO4J_PASSWORD\s+\(set, hidden\)/);
    expect(printed).toMatch(/KINLINE_OIDC_CLIENT_SECRET\s+\(set, hidden\)/);
    expect(printed).toMatch(/KINLINE_NEO4J_HEAP_MB\s+2048$/m);
  } finally {
    delete process.env.NEO4J_PASSWORD;
    delete process.env.KINLINE_OIDC_CLIENT_SECRET;
    delete process.env.KINLINE_NEO4J_HEAP_MB;
  }
});

/** Source files of the app, its command, seeds, bench and test support (tests may set variables for children). */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : sources(path);
    return /\.(ts|mjs|js)$/.test(name) ? [path] : [];
  });
}

it('no module but graph/config.ts reads a declared variable from process.env', () => {
  const names = Object.values(VARIABLES).map((v) => v.name);
  const readers = ['server', 'graph', 'cli', 'seeds', 'bench', 'scripts', 'client/src', 'test/support']
    .flatMap(sources)
    .filter((file) => file !== join('graph', 'config.ts'))
    .flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      return names
        .filter((name) => new RegExp(`process\\.env(\\.${name}\\b|\\[['"\`]${name}['"\`]\\])`).test(text))
        .map((name) => `${file}: ${name}`);
    });
  expect(readers).toEqual([]);
});
