/**
 * The write API's cost (issue 14): creating a relationship with its claim (validated, loaded,
 * guarded and revised in one transaction) and reading the history of an entity with 1,000
 * revisions, each beside a raw-Cypher baseline doing the bare writes and reads, in the same run.
 * Part of `npm run bench` (the large stage); alone: `npx tsx bench/writes.ts [--quick] [--people N]`.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { Reader } from '../graph/access/roles.js';
import { connect, disconnect, read, write } from '../graph/db/driver.js';
import { startEmbeddedNeo4j } from '../graph/neo4j/embedded.js';
import { scopeFor } from '../graph/read/scope.js';
import { storedEntity } from '../graph/revisions/snapshot.js';
import type { Dataset } from '../graph/schema/index.js';
import { applySchema } from '../graph/store/admin.js';
import { validateAndLoad } from '../graph/store/check.js';
import { newPublicId } from '../graph/store/protection.js';
import { ENTITY } from '../graph/vocabulary/entity-types.js';
import { historyOf } from '../graph/write/history.js';
import { createRelationship } from '../graph/write/relationships.js';
import { generateDataset } from '../seeds/generate.js';
import { percentile } from './measure.js';

const WRITER: Reader = { userId: 'bench', username: 'bench-writer', role: 'admin', clearance: 'confidential' };
const REVISIONS = 1000;

export interface Timing {
  runs: number;
  p50: number;
  p95: number;
}

export interface WriteFigures {
  createRelationship: { api: Timing; raw: Timing };
  history1000: { api: Timing; raw: Timing };
}

const timing = (ms: number[]): Timing => ({
  runs: ms.length,
  p50: Math.round(percentile(ms, 50) * 10) / 10,
  p95: Math.round(percentile(ms, 95) * 10) / 10,
});

async function timed(runs: number, work: (i: number) => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    await work(i);
    out.push(performance.now() - start);
  }
  return out;
}

/** Public people and a source of the loaded dataset, to link and cite. */
function subjects(data: Dataset) {
  const people = data.entities
    .filter((e) => e.type === ENTITY.Person && !('disclosure' in e && e.disclosure) && !('minor' in e && e.minor))
    .map((e) => e.id);
  const source = data.entities.find((e) => e.type === ENTITY.Source)!.id;
  return { people, source };
}

const RAW_CREATE = `MATCH (a:${ENTITY.Person} {id: $from}) MATCH (b:${ENTITY.Person} {id: $to}) MATCH (s:${ENTITY.Source} {id: $source})
  CREATE (a)-[:SIBLING_OF {id: $id, publicId: $publicId, confidence: 'probable', version: 1}]->(b)
  CREATE (c:Claim {id: $id + '#0', about: $id, aboutKind: 'Relationship', seq: 0, sourceId: $source,
                   locator: 'p. 1', excerpt: 'they are siblings', confidence: 'probable'})-[:CITES]->(s)
  CREATE (:Revision {id: $id + '@v1', target: $id, targetKind: 'relationship', version: 1, action: 'create',
                     author: 'raw', at: $at, afterJson: $after})`;

export async function writeStage(
  data: Dataset,
  creates: number,
  repeats: number,
  log: (...args: unknown[]) => void = console.log,
): Promise<WriteFigures> {
  const scope = scopeFor(WRITER);
  const { people, source } = subjects(data);
  const claims = [{ source, locator: 'p. 1', excerpt: 'they are siblings', confidence: 'probable' as const }];
  const pair = (i: number, offset: number) => ({ from: people[offset + 2 * i]!, to: people[offset + 2 * i + 1]! });
  // Warm-up: plans and page cache for both.
  await createRelationship(scope, { id: 'rel-bench-warm', type: 'SIBLING_OF', ...pair(0, 0), claims });
  const api = await timed(creates, (i) =>
    createRelationship(scope, { id: `rel-bench-api-${i}`, type: 'SIBLING_OF', ...pair(i + 1, 0), claims }),
  );
  const raw = await timed(creates, (i) => {
    const id = `rel-bench-raw-${i}`;
    const ends = pair(i, 2 * (creates + 2));
    const after = JSON.stringify({ id, type: 'SIBLING_OF', ...ends, claims });
    return write(RAW_CREATE, { id, ...ends, source, publicId: newPublicId(), at: new Date().toISOString(), after });
  });
  const createRelationshipFigures = { api: timing(api), raw: timing(raw) };
  log('writes', 'create relationship + claim', JSON.stringify(createRelationshipFigures));

  // An entity with 1,000 revisions, each holding the record before and after (as a write stores them).
  const target = people.at(-1)!;
  const record = JSON.stringify((await storedEntity(target))!.record);
  await write(
    `UNWIND range(1, toInteger($n)) AS v
     CREATE (:Revision {id: $target + '@v' + v, target: $target, targetKind: 'entity', version: v, action: 'update',
                        author: 'bench', at: $at, reason: 'bench edit ' + v, beforeJson: $record, afterJson: $record})`,
    { n: REVISIONS, target, record, at: new Date().toISOString() },
  );
  await historyOf(scope, 'entity', target, { limit: REVISIONS }); // warm-up
  const history = await timed(repeats, () => historyOf(scope, 'entity', target, { limit: REVISIONS }));
  const rawHistory = await timed(repeats, () =>
    read('MATCH (r:Revision {target: $target}) RETURN properties(r) AS r ORDER BY r.version DESC LIMIT 1000', {
      target,
    }),
  );
  const history1000 = { api: timing(history), raw: timing(rawHistory) };
  log('writes', `history of ${REVISIONS} revisions`, JSON.stringify(history1000));
  return { createRelationship: createRelationshipFigures, history1000 };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: { quick: { type: 'boolean', default: false }, people: { type: 'string' } },
  });
  const people = Number(values.people ?? (values.quick ? 1000 : 100_000));
  const home = `data/bench-${process.pid}-writes`;
  const neo4j = await startEmbeddedNeo4j({ home, port: 0, heapMiB: 2048, pageCacheMiB: 1024 });
  connect(neo4j.connection);
  try {
    await applySchema();
    const data = generateDataset({ people });
    await validateAndLoad(data, { file: `synthetic-${people}` });
    const figures = await writeStage(data, values.quick ? 20 : 100, values.quick ? 5 : 20);
    writeFileSync('bench/results/writes.json', `${JSON.stringify({ people, ...figures }, null, 2)}\n`);
  } finally {
    await disconnect();
    await neo4j.stop();
    rmSync(home, { recursive: true, force: true });
  }
}
