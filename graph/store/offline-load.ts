import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { connect, disconnect, write } from '../db/driver.js';
import { PROJECT_ROOT, startEmbeddedNeo4j, type EmbeddedNeo4j } from '../neo4j/embedded.js';
import { runOfflineImport, storeDirectory, storeIsAbsent } from '../neo4j/offline-import.js';
import { applySchema, nodeCount } from './admin.js';
import { chunks } from './batches.js';
import { NEW_GENERATION } from '../db/generation.js';
import { writeImportFiles, type Fixup } from './import-files.js';
import { lastKnownSteps } from './last-known.js';
import { locationSteps } from './location.js';
import { protectionSteps, type Step } from './load-plan.js';
import { claimCount, claimedFacts } from './facts.js';
import { type CheckedDataset, labelsOf, outsideReferences, ValidationError } from './validate.js';

export class GraphNotEmptyError extends Error {
  constructor(readonly nodes: number) {
    super(
      `the offline import builds a new database, and this one already holds ${nodes} nodes: import into it with \`kinline import\` (without --offline), or start from an empty data directory`,
    );
  }
}

export interface OfflineLoadOptions {
  /** The embedded Neo4j's data directory; it must hold no nodes. */
  home: string;
  file?: string;
  /** Bolt port of the server started on the result; 0 picks a free one. */
  port?: number;
  heapMiB?: number;
  pageCacheMiB?: number;
  log?: (line: string) => void;
  /** The caller has just seen the database hold no nodes and stopped it: skip checking again. */
  checkedEmpty?: boolean;
}

export interface OfflineLoadSummary {
  file: string;
  entities: number;
  relationships: number;
  claims: number;
  /** Where the time went: CSV files, the importer, starting Neo4j, indexes, derived properties. */
  seconds: { files: number; importer: number; start: number; schema: number; derived: number };
}

const BATCH = 10_000;

/** Starts the embedded server on `home` and connects the driver to it. */
async function open(options: OfflineLoadOptions): Promise<EmbeddedNeo4j> {
  const neo4j = await startEmbeddedNeo4j({
    home: options.home,
    port: options.port ?? 0,
    heapMiB: options.heapMiB,
    pageCacheMiB: options.pageCacheMiB,
    log: options.log,
  });
  connect(neo4j.connection);
  return neo4j;
}

/** Refuses a database that holds anything: the importer replaces the whole store. */
async function checkEmpty(options: OfflineLoadOptions): Promise<boolean> {
  if (storeIsAbsent(options.home)) return false;
  if (options.checkedEmpty) return true;
  const neo4j = await open(options);
  try {
    const nodes = await nodeCount();
    if (nodes > 0) throw new GraphNotEmptyError(nodes);
  } finally {
    await disconnect();
    await neo4j.stop();
  }
  return true;
}

function fixupSteps(fixups: Map<string, Fixup[]>, match: (name: string) => string): Step[] {
  return [...fixups].flatMap(([name, rows]) =>
    chunks(rows, BATCH).map((batch) => ({
      cypher: `UNWIND $rows AS row ${match(name)} SET x += row.props`,
      params: { rows: batch },
    })),
  );
}

/** The importer writes only what the files hold: a reference into an existing graph would dangle. */
function refuseOutsideReferences(data: CheckedDataset, file: string): void {
  const outside = outsideReferences(data);
  if (outside.length > 0)
    throw new ValidationError(
      outside.map((id) => ({
        file,
        path: '',
        record: id,
        message: `"${id}" is not in the file: the offline import builds a new database from the file alone`,
      })),
    );
}

/**
 * The first load of a large dataset into an empty embedded database, through Neo4j's offline
 * importer instead of Bolt transactions (issue 7: the Bolt path peaks near 7,000 records/s on
 * two cores). Takes a dataset validated against the empty database (it must reference nothing
 * outside itself), writes CSV files, runs the importer with the server
 * stopped, starts the server, builds the schema's constraints and indexes, and derives what the
 * loader derives in Cypher (protected birth and death records, last-known dates). The resulting
 * graph equals what loadDataset writes (test/import.offline-matches-loader.test.ts). Returns the
 * running server, connected.
 */
export async function offlineLoad(
  data: CheckedDataset,
  options: OfflineLoadOptions,
): Promise<{ neo4j: EmbeddedNeo4j; summary: OfflineLoadSummary }> {
  const file = options.file ?? '<input>';
  refuseOutsideReferences(data, file);
  const replace = await checkEmpty(options);
  const home = resolve(PROJECT_ROOT, options.home);
  const staging = join(home, `offline-import-${process.pid}`);
  const seconds = { files: 0, importer: 0, start: 0, schema: 0, derived: 0 };
  let t = performance.now();
  const lap = () => {
    const s = (performance.now() - t) / 1000;
    t = performance.now();
    return s;
  };
  try {
    const files = await writeImportFiles(data, staging);
    seconds.files = lap();
    // All or nothing: a failure leaves no half-built store behind (it held nothing before). That
    // includes the derived steps: without them a protected child's birth record would be public.
    const removeStore = () => {
      rmSync(storeDirectory(options.home), { recursive: true, force: true });
      rmSync(join(home, 'data', 'transactions', 'neo4j'), { recursive: true, force: true });
    };
    try {
      await runOfflineImport({
        home: options.home,
        args: files.args,
        reportFile: join(staging, 'import.report'),
        heapMiB: options.heapMiB,
        replace,
      });
    } catch (error) {
      removeStore();
      throw error;
    }
    seconds.importer = lap();
    const neo4j = await open(options);
    seconds.start = lap();
    try {
      await applySchema();
      seconds.schema = lap();
      const steps: Step[] = [
        ...fixupSteps(files.nodeFixups, (label) => `MATCH (x:${label} {id: row.id})`),
        ...fixupSteps(files.relationshipFixups, (type) => `MATCH ()-[x:${type} {id: row.id}]->()`),
        ...protectionSteps(data, BATCH).steps(),
        ...locationSteps(data, BATCH).steps(),
        ...lastKnownSteps(
          data,
          labelsOf(data),
          { entities: new Map(), relationships: new Map(), claimsAbout: new Set() },
          BATCH,
        ).steps(),
      ];
      for (const step of steps) await write(step.cypher, step.params);
      await write(NEW_GENERATION);
      seconds.derived = lap();
    } catch (error) {
      await disconnect();
      await neo4j.stop();
      removeStore();
      throw error;
    }
    return {
      neo4j,
      summary: {
        file,
        entities: data.entities.length,
        relationships: data.relationships.length,
        claims: claimCount(claimedFacts(data)),
        seconds,
      },
    };
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}
