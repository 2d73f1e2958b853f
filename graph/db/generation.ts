import { read } from './driver.js';

/**
 * A token that every load replaces and a wipe removes. Whatever a process derives from the whole
 * graph and caches compares this one value to
 * know whether to rebuild, including after a load by another process (the CLI).
 */
export const NEW_GENERATION = `MERGE (g:KinlineGeneration {id: 'graph'})
  WITH g, g.token AS before SET g.token = randomUUID() RETURN before, g.token AS after`;

/** The token a change replaced and the one it set (NEW_GENERATION's row), for the caches it brings along. */
export function generationStep(result: { records: { get(key: string): unknown }[] }): {
  before: string | null;
  after: string;
} {
  const row = result.records[0]!;
  return { before: (row.get('before') as string | null) ?? null, after: row.get('after') as string };
}

export async function graphGeneration(): Promise<string | null> {
  const result = await read<{ token: string | null }>(
    "OPTIONAL MATCH (g:KinlineGeneration {id: 'graph'}) RETURN g.token AS token",
  );
  return result.records[0]?.get('token') ?? null;
}
