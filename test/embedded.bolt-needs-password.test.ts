import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import neo4j from 'neo4j-driver';
import { afterAll, expect, it } from 'vitest';
import { embeddedPassword } from '../graph/neo4j/embedded.js';
import { testNeo4j } from './support/graph.js';

const { uri, password } = testNeo4j();
const embedded = !process.env.NEO4J_URI;

async function answers(auth?: ReturnType<typeof neo4j.auth.basic>): Promise<string> {
  const driver = neo4j.driver(uri, auth, { connectionTimeout: 5_000 });
  try {
    await driver.executeQuery('RETURN 1');
    return 'answered';
  } catch (error) {
    return String((error as { code?: unknown }).code);
  } finally {
    await driver.close();
  }
}

it.runIf(embedded)('Bolt refuses a client without the generated password, or with a wrong one', async () => {
  expect(await answers()).toBe('Neo.ClientError.Security.Unauthorized');
  expect(await answers(neo4j.auth.basic('neo4j', 'neo4j'))).toBe('Neo.ClientError.Security.Unauthorized');
  expect(await answers(neo4j.auth.basic('neo4j', password))).toBe('answered');
});

const scratch = mkdtempSync(join(tmpdir(), 'kinline-password-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

it('keeps the generated password in a file only its owner can read, in a folder only its owner can open', () => {
  const home = join(scratch, 'neo4j');
  const password = embeddedPassword(home);
  expect(password.length).toBeGreaterThanOrEqual(32);
  expect(embeddedPassword(home)).toBe(password);
  expect(statSync(join(home, 'kinline-neo4j-password')).mode & 0o777).toBe(0o600);
  expect(statSync(home).mode & 0o777).toBe(0o700);
});
