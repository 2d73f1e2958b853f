import { read } from '../db/driver.js';
import type { EntityType } from '../schema/index.js';
import { type LoadOptions, type LoadSummary, loadDataset } from './load.js';
import { type CheckedDataset, validateDataset } from './validate.js';

/** The types of those of `ids` the graph holds as entities. */
export async function entityTypesOf(ids: string[]): Promise<Map<string, EntityType>> {
  const result = await read<{ id: string; type: EntityType }>(
    'UNWIND $ids AS id MATCH (n:Entity {id: id}) RETURN n.id AS id, n.type AS type',
    { ids },
  );
  return new Map(result.records.map((r) => [r.get('id'), r.get('type')]));
}

/**
 * Validates raw input (a seed file, generated data, a test's fixture) against the graph it is
 * about to be loaded into, whose entities it may reference.
 */
export const checkAgainstGraph = (input: unknown, file = '<input>'): Promise<CheckedDataset> =>
  validateDataset(input, file, entityTypesOf);

/** The one validation, then the load: for raw input that no import has checked yet. */
export async function validateAndLoad(input: unknown, options: LoadOptions = {}): Promise<LoadSummary> {
  return loadDataset(await checkAgainstGraph(input, options.file), options);
}
