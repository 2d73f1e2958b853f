import { config } from '../../graph/config.js';

/**
 * How many test files run at once: each worker gets its own embedded Neo4j (Community has one
 * user database, so files that share one cannot overlap). With NEO4J_URI (one server) files run
 * one at a time. KINLINE_TEST_WORKERS overrides the default of 2.
 */
export function testWorkers(): number {
  if (config().neo4jUri) return 1;
  const asked = Number(process.env.KINLINE_TEST_WORKERS ?? 2);
  return Number.isInteger(asked) && asked >= 1 ? asked : 2;
}
