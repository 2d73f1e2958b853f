import { read } from './driver.js';

/**
 * A token that every load replaces and a wipe removes. Whatever a process derives from the whole
 * graph and caches compares this one value to
 * know whether to rebuild, including after a load by another process (the CLI).
 */
export const NEW_GENERATION = "MERGE (g:KinlineGeneration {id: 'graph'}) SET g.token = randomUUID()";

export async function graphGeneration(): Promise<string | null> {
  const result = await read<{ token: string | null }>(
    "OPTIONAL MATCH (g:KinlineGeneration {id: 'graph'}) RETURN g.token AS token",
  );
  return result.records[0]?.get('token') ?? null;
}
