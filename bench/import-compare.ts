/**
 * Import, side by side (issue 7 §1): Kinline's loader (validation, mapping, existence check,
 * writes) against the practical limit, a minimal raw `UNWIND ... CREATE` of the same nodes,
 * relationships, claims and CITES through neo4j-driver into the same schema, with the rows
 * prepared beforehand (not timed). Both start from an empty graph with the schema applied.
 */
import { disconnect, write } from '../graph/db/driver.js';
import { ENTITY_TYPES, type Dataset } from '../graph/schema/index.js';
import { validateAndLoad } from '../graph/store/check.js';
import { offlineLoad, type OfflineLoadSummary } from '../graph/store/offline-load.js';
import { entityToProps, relationshipToProps } from '../graph/store/mapping.js';
import { protectDataset } from '../graph/store/protection.js';
import { nothingOutside, validateDataset } from '../graph/store/validate.js';
import { cpuSeconds } from './measure.js';
import { ENTITY } from '../graph/vocabulary/entity-types.js';
import { DEFAULT_CONFIDENCE } from '../graph/vocabulary/confidence.js';

const BATCH = 10_000;

export interface ImportRun {
  records: number;
  seconds: number;
  recordsPerSecond: number;
  /** CPU seconds Neo4j spent on the import. */
  neo4jCpuSeconds: number;
}

type Statement = { cypher: string; rows: unknown[] };

/** The raw statements, with every row computed in advance. */
export function rawStatements(data: Dataset): Statement[] {
  const out: Statement[] = [];
  const guard = protectDataset(data);
  const push = (cypher: string, rows: unknown[]) => {
    for (let i = 0; i < rows.length; i += BATCH) out.push({ cypher, rows: rows.slice(i, i + BATCH) });
  };
  for (const label of ENTITY_TYPES) {
    push(
      `UNWIND $rows AS row CREATE (n:Entity:${label}) SET n = row`,
      data.entities.filter((e) => e.type === label).map((e) => entityToProps(e, guard.entity(e.id))),
    );
  }
  const labelOf = new Map(data.entities.map((e) => [e.id, e.type]));
  const groups = new Map<string, unknown[]>();
  for (const r of data.relationships) {
    const key = `${r.type}:${labelOf.get(r.from)}:${labelOf.get(r.to)}`;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key)!.push({ from: r.from, to: r.to, props: relationshipToProps(r, guard.relationship(r.id)) });
  }
  for (const [key, rows] of groups) {
    const [type, from, to] = key.split(':');
    push(
      `UNWIND $rows AS row MATCH (a:${from} {id: row.from}) MATCH (b:${to} {id: row.to}) CREATE (a)-[r:${type}]->(b) SET r = row.props`,
      rows,
    );
  }
  const facts = [
    ...data.entities.flatMap((e) =>
      e.type === ENTITY.Event ? [{ about: e.id, aboutKind: ENTITY.Event, claims: e.claims }] : [],
    ),
    ...data.relationships.map((r) => ({ about: r.id, aboutKind: 'Relationship', claims: r.claims })),
  ];
  const claims = facts.flatMap((f) =>
    f.claims.map((c, seq) => ({
      id: `${f.about}#${seq}`,
      about: f.about,
      aboutKind: f.aboutKind,
      seq,
      sourceId: c.source,
      locator: c.locator,
      excerpt: c.excerpt,
      confidence: c.confidence ?? DEFAULT_CONFIDENCE,
      date: c.date ?? null,
    })),
  );
  push(
    `UNWIND $rows AS row MATCH (s:${ENTITY.Source} {id: row.sourceId}) CREATE (c:Claim) SET c = row CREATE (c)-[:CITES]->(s)`,
    claims,
  );
  return out;
}

const recordsOf = (data: Dataset) => data.entities.length + data.relationships.length;

async function timed(neo4jPid: number, records: number, work: () => Promise<unknown>): Promise<ImportRun> {
  const cpu = cpuSeconds(neo4jPid);
  const started = performance.now();
  await work();
  const seconds = (performance.now() - started) / 1000;
  return {
    records,
    seconds,
    recordsPerSecond: Math.round(records / seconds),
    neo4jCpuSeconds: cpuSeconds(neo4jPid) - cpu,
  };
}

export function rawImport(data: Dataset, neo4jPid: number): Promise<ImportRun> {
  const statements = rawStatements(data);
  return timed(neo4jPid, recordsOf(data), async () => {
    for (const s of statements) await write(s.cypher, { rows: s.rows });
  });
}

/** Kinline's loader in its default mode ('single', written batched above its row limit). */
export function kinlineImport(data: Dataset, neo4jPid: number): Promise<ImportRun> {
  return timed(neo4jPid, recordsOf(data), () => validateAndLoad(data, { file: `synthetic-${data.entities.length}` }));
}

export interface OfflineRun {
  records: number;
  seconds: number;
  recordsPerSecond: number;
  phases: OfflineLoadSummary['seconds'];
}

/**
 * Kinline's offline import (graph/store/offline-load.ts) into a new, empty database: validation,
 * CSV files, Neo4j's importer, server start, indexes and derived properties, until the server
 * answers with the whole graph. Neo4j's own CPU is not reported (the importer is its own process).
 */
export async function offlineImport(data: Dataset, home: string): Promise<OfflineRun> {
  const started = performance.now();
  const file = `synthetic-${data.entities.length}`;
  const { neo4j, summary } = await offlineLoad(await validateDataset(data, file, nothingOutside), {
    home,
    file,
    heapMiB: 2048,
    pageCacheMiB: 1024,
  });
  const seconds = (performance.now() - started) / 1000;
  await disconnect();
  await neo4j.stop();
  return {
    records: recordsOf(data),
    seconds,
    recordsPerSecond: Math.round(recordsOf(data) / seconds),
    phases: summary.seconds,
  };
}
