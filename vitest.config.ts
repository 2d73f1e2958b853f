import { defineConfig } from 'vitest/config';
import { testWorkers } from './test/support/workers.js';

const workers = testWorkers();

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/neo4j.global-setup.ts'],
    // Each worker has its own Neo4j (test/support/neo4j.global-setup.ts): Community has one user
    // database, so two files never share one; each file resets its graph in its beforeAll and
    // can run in any order, beside any other.
    fileParallelism: workers > 1,
    maxWorkers: workers,
    testTimeout: 60_000,
    // Every test reader shares the loopback address, so the per-address budgets of search and
    // export are raised for the suite; test/api.rate-limits.test.ts checks them with its own.
    env: { KINLINE_RATE_SEARCH: '100000', KINLINE_RATE_EXPORT: '100000', KINLINE_LOG_LEVEL: 'silent' },
    hookTimeout: 240_000,
  },
});
