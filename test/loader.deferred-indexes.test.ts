import { beforeAll, expect, it } from 'vitest';
import { freshGraph } from './support/graph.js';
import { DatabaseUnavailableError, read } from '../graph/db/driver.js';
import { loadDataset } from '../graph/store/load.js';
import { exportDataset } from '../graph/store/export.js';
import { withIndexesDeferred } from '../graph/store/admin.js';
import { schemaItems } from '../graph/schema/index.js';
import { searchEntities } from '../graph/queries/search.js';
import { generateDataset } from '../seeds/generate.js';
import { disclosureOf, isProtected } from '../graph/safety/disclosure.js';

beforeAll(freshGraph);

/** The schema's indexes and constraints that are ONLINE now, by name. */
async function onlineIndexes(): Promise<string[]> {
  const result = await read<{ name: string }>("SHOW INDEXES YIELD name, state WHERE state = 'ONLINE' RETURN name");
  return result.records.map((r) => r.get('name'));
}

const schemaNames = () => schemaItems().map((item) => item.name).sort();

it('a first load into an empty graph builds its indexes afterwards and ends with every index online', async () => {
  const data = generateDataset({ people: 300 });
  const summary = await loadDataset(data, { file: 'synthetic-300', deferIndexes: true });
  expect(summary.indexesDeferred).toBe(true);
  expect((await onlineIndexes()).filter((n) => schemaNames().includes(n)).sort()).toEqual(schemaNames());

  const back = await exportDataset();
  expect(back.entities.length).toBe(data.entities.length);
  expect(back.relationships.length).toBe(data.relationships.length);
  // The full-text index was rebuilt: a public person is found by name.
  const person = data.entities.find((e) => e.type === 'Person' && !isProtected(disclosureOf(e)))!;
  const hits = await searchEntities(person.names[0]!.value, { limit: 50, offset: 0 });
  expect(hits.items.map((h) => h.id)).toContain(person.id);

  // The graph is no longer empty: a second load updates in place with every index kept.
  const again = await loadDataset(data, { file: 'synthetic-300', deferIndexes: true });
  expect(again.indexesDeferred).toBe(false);
  expect(again.created).toEqual({ nodes: 0, relationships: 0 });
}, 300_000);

it('restores every index when the deferred work fails; search answers 503 while the full-text index is away', async () => {
  await expect(withIndexesDeferred(async () => {
    expect(await onlineIndexes()).not.toContain('entity_names');
    // Meanwhile search says "unavailable, retry" (503), not an internal error.
    await expect(searchEntities('Umarova', { limit: 5, offset: 0 })).rejects.toBeInstanceOf(DatabaseUnavailableError);
    throw new Error('write failed');
  })).rejects.toThrow('write failed');
  expect((await onlineIndexes()).filter((n) => schemaNames().includes(n)).sort()).toEqual(schemaNames());
});
