import { accessSchemaStatements } from '../access/schema.js';
import { autoCommit, read, write } from '../db/driver.js';
import { ENTITY_TYPES, schemaStatements } from '../schema/index.js';

/** Creates every constraint and index the schema derives (idempotent) and waits for them. */
export async function applySchema(): Promise<void> {
  for (const statement of [...schemaStatements(), ...accessSchemaStatements()]) await write(statement);
  await write('CALL db.awaitIndexes(300)');
}

/** Deletes every node and relationship, in batches so a big graph does not exhaust memory. */
export async function wipe(): Promise<void> {
  await autoCommit('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS');
}

export type Counts = Record<string, number>;

/** Every node in the database, from the count store (at once, whatever the size). */
export async function nodeCount(): Promise<number> {
  const result = await read<{ n: number }>('MATCH (n) RETURN count(n) AS n');
  return Number(result.records[0]?.get('n') ?? 0);
}

/** Nodes per entity label, claims, and relationships per type. */
export async function counts(): Promise<Counts> {
  const out: Counts = {};
  for (const label of [...ENTITY_TYPES, 'Claim']) {
    const result = await read<{ n: number }>(`MATCH (n:${label}) RETURN count(n) AS n`);
    out[label] = result.records[0]?.get('n') ?? 0;
  }
  const rels = await read<{ type: string; n: number }>('MATCH ()-[r]->() RETURN type(r) AS type, count(r) AS n');
  for (const record of rels.records) out[record.get('type')] = record.get('n');
  return out;
}
