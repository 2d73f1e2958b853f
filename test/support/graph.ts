import { inject } from 'vitest';
import { connect, read } from '../../graph/db/driver.js';
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

/**
 * The public id of every stored record (entities and relationships), by real id: public ids are
 * random per record (graph/store/protection.ts), so a test reads them back after loading.
 */
export async function storedPublicIds(): Promise<(id: string) => string> {
  const result = await read<{ id: string; publicId: string }>(
    `MATCH (n:Entity) RETURN n.id AS id, n.publicId AS publicId
     UNION ALL MATCH ()-[r]->() WHERE r.publicId IS NOT NULL RETURN r.id AS id, r.publicId AS publicId`,
  );
  const ids = new Map(result.records.map((r) => [r.get('id'), r.get('publicId')]));
  return (id) => {
    const publicId = ids.get(id);
    if (!publicId) throw new Error(`no stored record ${id}`);
    return publicId;
  };
}
