import { createHash } from 'node:crypto';
import { createWriteStream, renameSync, rmSync } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import neo4j, { type ManagedTransaction, type Transaction } from 'neo4j-driver';
import { exactDriver, serverVersion } from '../db/driver.js';
import { defaultDocumentsDir, documentLines } from './documents.js';
import { BACKUP_FORMAT, BACKUP_VERSION, type Header, type Line, encodeProps } from './format.js';

export interface BackupOptions {
  /** Default: defaultDocumentsDir(); a folder that does not exist backs up no documents. */
  documentsDir?: string;
  /** Rows the driver fetches per page of the snapshot. */
  pageSize?: number;
  /** Snapshots tried before giving up while the graph keeps changing under them. */
  attempts?: number;
}

export interface BackupSummary {
  nodes: number;
  relationships: number;
  documents: number;
  sha256: string;
  attempts: number;
}

/**
 * What must not move while the snapshot is read. Neo4j's transactions are read-committed, not
 * snapshots: a read transaction sees what other transactions commit meanwhile. Every write Kinline
 * makes to what a backup holds replaces the graph generation (loads), appends to the audit log
 * (accounts, exports, imports) or adds or removes records (a batch of a batched import), so when
 * these are the same before and after the read, nothing was committed in between and the read is
 * a consistent snapshot; otherwise it is read again.
 */
const FENCE = `OPTIONAL MATCH (g:KinlineGeneration {id: 'graph'})
  OPTIONAL MATCH (h:AuditHead {id: 'audit'})
  CALL () { MATCH (n) RETURN count(n) AS nodes }
  CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
  RETURN [g.token, h.hash, nodes, relationships] AS fence`;

// Sessions are not backed up: a restored server starts with everyone signed out.
const NODES = `MATCH (n) WHERE NOT n:Session
  RETURN elementId(n) AS k, labels(n) AS labels, properties(n) AS props`;
const RELATIONSHIPS = `MATCH (a)-[r]->(b) WHERE NOT a:Session AND NOT b:Session
  RETURN type(r) AS type, elementId(a) AS s, elementId(b) AS e, properties(r) AS props`;

class GraphMoved extends Error {}

async function fence(tx: Transaction | ManagedTransaction): Promise<string> {
  const result = await tx.run(FENCE);
  return JSON.stringify(result.records[0]?.get('fence'), (_key, value) =>
    typeof value === 'bigint' ? value.toString() : value,
  );
}

/** The graph, read in one read transaction a page at a time, as backup lines. */
async function* graphLines(pageSize: number, counted: BackupSummary): AsyncGenerator<Line> {
  const session = exactDriver().session({ defaultAccessMode: neo4j.session.READ, fetchSize: pageSize });
  const tx = await session.beginTransaction();
  try {
    const before = await fence(tx);
    for await (const record of tx.run(NODES)) {
      const k = record.get('k') as string;
      counted.nodes++;
      yield { node: { k, labels: record.get('labels'), props: encodeProps(record.get('props'), `node ${k}`) } };
    }
    for await (const record of tx.run(RELATIONSHIPS)) {
      counted.relationships++;
      const [type, s, e] = [record.get('type'), record.get('s'), record.get('e')] as string[];
      yield { rel: { type: type!, s: s!, e: e!, props: encodeProps(record.get('props'), `relationship ${type}`) } };
    }
    if ((await fence(tx)) !== before) throw new GraphMoved();
    await tx.commit();
  } finally {
    if (tx.isOpen()) await tx.rollback();
    await session.close();
  }
}

async function* backupText(documentsDir: string, pageSize: number, counted: BackupSummary): AsyncGenerator<string> {
  const hash = createHash('sha256');
  const emit = (value: unknown) => {
    const text = `${JSON.stringify(value)}\n`;
    hash.update(text);
    return text;
  };
  const header: Header = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    createdAt: new Date().toISOString(),
    neo4j: await serverVersion(),
  };
  yield emit(header);
  for await (const line of graphLines(pageSize, counted)) yield emit(line);
  const documents = new Set<string>();
  for await (const line of documentLines(documentsDir)) {
    documents.add(line.doc.path);
    yield emit(line);
  }
  counted.documents = documents.size;
  yield emit({ end: { nodes: counted.nodes, relationships: counted.relationships, documents: counted.documents } });
  counted.sha256 = hash.digest('hex');
  yield `${JSON.stringify({ sha256: counted.sha256 })}\n`;
}

/**
 * Writes a backup of everything (graph, claims, accounts, audit log, stored documents; not
 * sessions) to `file` while the app runs. The file appears only once it is complete.
 */
export async function writeBackup(file: string, options: BackupOptions = {}): Promise<BackupSummary> {
  const attempts = options.attempts ?? 5;
  const partial = `${file}.partial`;
  for (let attempt = 1; ; attempt++) {
    const counted: BackupSummary = { nodes: 0, relationships: 0, documents: 0, sha256: '', attempts: attempt };
    try {
      await pipeline(
        Readable.from(backupText(options.documentsDir ?? defaultDocumentsDir(), options.pageSize ?? 2_000, counted)),
        createGzip(),
        createWriteStream(partial),
      );
      renameSync(partial, file);
      return counted;
    } catch (error) {
      rmSync(partial, { force: true });
      if (!(error instanceof GraphMoved)) throw error;
      if (attempt >= attempts)
        throw new Error(
          `the graph kept changing while it was read (${attempts} attempts): try again when it is quieter`,
        );
    }
  }
}
