/**
 * A batched load in a process of its own, for a test to kill (test/import.interrupted-completes):
 * the generated people of `KINLINE_TEST_PEOPLE` in batches of 500 rows, printing `batch N` as each
 * one commits.
 */
import { connect, disconnect } from '../../graph/db/driver.js';
import { validateAndLoad } from '../../graph/store/check.js';
import { generateDataset } from '../../seeds/generate.js';
import { config } from '../../graph/config.js';

const { neo4jUri, neo4jUser, neo4jPassword } = config();
connect({ uri: neo4jUri!, user: neo4jUser, password: neo4jPassword });
let batch = 0;
await validateAndLoad(generateDataset({ people: Number(process.env.KINLINE_TEST_PEOPLE), seed: 5 }), {
  transaction: 'batched',
  batchSize: 500,
  file: 'interrupted',
  onProgress: () => process.stdout.write(`batch ${++batch}\n`),
});
process.stdout.write('done\n');
await disconnect();
