import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/neo4j.global-setup.ts'],
    // One Neo4j serves the whole run and Community has one user database, so files run one at a
    // time; each file resets the graph in its beforeAll and can run in any order.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 240_000,
  },
});
