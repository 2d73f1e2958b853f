import { createHash } from 'node:crypto';
import { read } from '../db/driver.js';
import type { Dataset } from '../schema/index.js';

/**
 * The progress of a batched load, kept in the database beside what it writes (issue 18): one
 * `KinlineImportRun` node, `running` from before the first batch until the transaction that ends
 * the load, its last committed batch written in that batch's own transaction. A load killed
 * half-way leaves it `running`: `/api/health` says an import is incomplete, and the next run of
 * the same data completes it (every write is keyed on a stable id, so the run starts again and
 * writes what is missing); other data is refused until then, naming what is incomplete.
 */
export const IMPORT_RUN = 'KinlineImportRun';

export interface ImportRun {
  file: string;
  fingerprint: string;
  status: 'running' | 'complete';
  startedAt: string;
  /** The last batch committed (0: none yet), and the rows written by then of all the run's rows. */
  lastBatch: number;
  rowsDone: number;
  rows: number;
}

/** The same data gives the same fingerprint: the file's name and every record's id, in order. */
export function fingerprintOf(file: string, data: Dataset): string {
  const hash = createHash('sha256').update(file);
  for (const e of data.entities) hash.update(`\n${e.id}`);
  for (const r of data.relationships) hash.update(`\n${r.id}`);
  return hash.digest('hex');
}

/** Another load's data, while a batched load is incomplete: nothing was written. */
export class IncompleteImportError extends Error {
  constructor(readonly run: ImportRun) {
    super(
      `the batched import of ${run.file} (started ${run.startedAt}) stopped after batch ${run.lastBatch} (${run.rowsDone} of ${run.rows} rows): run it again to complete it before loading anything else`,
    );
  }
}

export async function incompleteImport(): Promise<ImportRun | null> {
  const result = await read(
    `MATCH (r:${IMPORT_RUN} {id: 'current'}) WHERE r.status = 'running'
     RETURN r { .file, .fingerprint, .status, .startedAt, .lastBatch, .rowsDone, .rows } AS run`,
  );
  return (result.records[0]?.get('run') as ImportRun | undefined) ?? null;
}

/** Starts (or takes over) the run, before the first batch. */
export const START_RUN = `MERGE (r:${IMPORT_RUN} {id: 'current'})
  SET r.file = $file, r.fingerprint = $fingerprint, r.status = 'running', r.startedAt = $startedAt,
      r.rows = toInteger($rows), r.rowsDone = 0, r.lastBatch = 0`;

/** Runs in each batch's transaction. */
export const BATCH_DONE = `MATCH (r:${IMPORT_RUN} {id: 'current'}) SET r.lastBatch = toInteger($batch), r.rowsDone = toInteger($rowsDone)`;

/** Runs in the load's last transaction, with the new graph generation. */
export const RUN_COMPLETE = `MERGE (r:${IMPORT_RUN} {id: 'current'})
  SET r.status = 'complete', r.finishedAt = $finishedAt, r.file = $file, r.fingerprint = $fingerprint`;
