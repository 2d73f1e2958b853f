import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { read } from '../graph/db/driver.js';
import { validateAndLoad } from '../graph/store/check.js';
import type { LoadOptions, LoadSummary } from '../graph/store/load.js';
import { ValidationError } from '../graph/store/validate.js';

/** The seed case: the Bitter Winter article on Kazakh "CCP orphans" (April 2019). */
export const seedCasePath = fileURLToPath(new URL('./bitter-winter-2019.json', import.meta.url));

/** How the seed file is named in load summaries and validation problems. */
export const seedCaseFile = 'seeds/bitter-winter-2019.json';

/** Reads the seed case and loads it (idempotent: every write is a MERGE on a stable id). */
export async function loadSeedCase(options: Omit<LoadOptions, 'file'> = {}): Promise<LoadSummary> {
  const text = await readFile(seedCasePath, 'utf8');
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (error) {
    throw new ValidationError([
      {
        file: seedCaseFile,
        path: '',
        message: `not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
      },
    ]);
  }
  return validateAndLoad(input, { ...options, file: seedCaseFile });
}

/** True when the database holds no entity yet: the server loads the seeds then. */
export async function isEmpty(): Promise<boolean> {
  const result = await read<{ any: boolean }>('OPTIONAL MATCH (n:Entity) WITH n LIMIT 1 RETURN n IS NOT NULL AS any');
  return result.records[0]?.get('any') !== true;
}
