import { inject } from 'vitest';
import { connect } from '../../graph/db/driver.js';
import { applySchema, wipe } from '../../graph/store/admin.js';

/** Connects this test file to the run's Neo4j and gives it an empty graph with the schema applied. */
export async function freshGraph(): Promise<void> {
  connect({
    uri: inject('neo4jUri'),
    user: inject('neo4jUser') || undefined,
    password: inject('neo4jPassword') || undefined,
  });
  await wipe();
  await applySchema();
}
