import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/neo4j.global-setup.ts'],
    // One Neo4j serves the whole run and Community has one user database, so files run one at a
    // time; each file resets the graph in its beforeAll and can run in any order.
    fileParallelism: false,
    testTimeout: 60_000,
    // Every test reader shares the loopback address, so the per-address budgets of search and
    // export are raised for the suite; test/api.rate-limits.test.ts checks them with its own.
    env: { KINLINE_RATE_SEARCH: '100000', KINLINE_RATE_EXPORT: '100000', KINLINE_LOG_LEVEL: 'silent' },
    hookTimeout: 240_000,
  },
});
