import { appendFileSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import neo4j from 'neo4j-driver';
import { exactDriver } from '../db/driver.js';
import { nodeCount, wipe } from '../store/admin.js';
import { defaultDocumentsDir, documentTarget } from './documents.js';
import { BackupError, type Line, type NodeLine, type RelationshipLine, cypherName, decodeProps } from './format.js';
import { backupLines, type VerifiedBackup, verifyBackup } from './verify.js';

export interface RestoreOptions {
  /** Default: defaultDocumentsDir(). */
  documentsDir?: string;
  /** Replace a database (and documents folder) that is not empty. */
  force?: boolean;
  batchSize?: number;
}

export interface RestoreSummary extends VerifiedBackup {}

/** The target holds something and --force was not given: nothing was written. */
export class TargetNotEmptyError extends Error {}

async function checkTarget(documentsDir: string, force: boolean): Promise<void> {
  const nodes = await nodeCount();
  const documents = existsSync(documentsDir) ? readdirSync(documentsDir).length : 0;
  if ((nodes > 0 || documents > 0) && !force) {
    const what = [nodes > 0 && `the database holds ${nodes} nodes`, documents > 0 && `${documentsDir} is not empty`];
    throw new TargetNotEmptyError(
      `${what.filter(Boolean).join(' and ')}: a backup is restored into an empty database; --force replaces what is there`,
    );
  }
  if (nodes > 0) await wipe();
  rmSync(documentsDir, { recursive: true, force: true });
}

/** Runs one batch of writes in one transaction. */
async function inOneTransaction(work: (run: (cypher: string, params: object) => Promise<unknown[]>) => Promise<void>) {
  const session = exactDriver().session({ defaultAccessMode: neo4j.session.WRITE });
  try {
    await session.executeWrite((tx) =>
      work(async (cypher, params) => (await tx.run(cypher, params)).records.map((r) => r.toObject())),
    );
  } finally {
    await session.close();
  }
}

function byKey<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** Creates a batch of nodes, a statement per label set, and notes each one's new element id. */
async function createNodes(batch: NodeLine['node'][], created: Map<string, string>): Promise<void> {
  await inOneTransaction(async (run) => {
    for (const [labels, nodes] of byKey(batch, (n) => n.labels.map(cypherName).join(':'))) {
      const rows = await run(
        `UNWIND $rows AS row CREATE (n${labels ? `:${labels}` : ''}) SET n = row.props RETURN row.k AS k, elementId(n) AS id`,
        { rows: nodes.map((n) => ({ k: n.k, props: decodeProps(n.props) })) },
      );
      for (const row of rows as { k: string; id: string }[]) created.set(row.k, row.id);
    }
  });
}

async function createRelationships(batch: RelationshipLine['rel'][], created: Map<string, string>): Promise<void> {
  await inOneTransaction(async (run) => {
    for (const [type, rels] of byKey(batch, (r) => r.type)) {
      await run(
        `UNWIND $rows AS row MATCH (a) WHERE elementId(a) = row.s MATCH (b) WHERE elementId(b) = row.e
         CREATE (a)-[r:${cypherName(type)}]->(b) SET r = row.props`,
        { rows: rels.map((r) => ({ s: created.get(r.s), e: created.get(r.e), props: decodeProps(r.props) })) },
      );
    }
  });
}

/**
 * Restores a backup into an empty database and documents folder (or, with `force`, replaces
 * what is there). The whole file is checked first (verifyBackup), so a damaged or altered backup
 * writes nothing; then nodes and relationships are written in batches of one transaction each.
 * A restore that is interrupted half-way is run again with `force`.
 */
export async function restoreBackup(file: string, options: RestoreOptions = {}): Promise<RestoreSummary> {
  const documentsDir = options.documentsDir ?? defaultDocumentsDir();
  const batchSize = options.batchSize ?? 5_000;
  const verified = await verifyBackup(file);
  await checkTarget(documentsDir, options.force === true);
  const created = new Map<string, string>();
  let nodes: NodeLine['node'][] = [];
  let rels: RelationshipLine['rel'][] = [];
  const flush = async () => {
    if (nodes.length > 0) await createNodes(nodes, created);
    if (rels.length > 0) await createRelationships(rels, created);
    nodes = [];
    rels = [];
  };
  let first = true;
  for await (const text of backupLines(file)) {
    if (first || text.startsWith('{"sha256"')) {
      first = false;
      continue;
    }
    const line = JSON.parse(text) as Line;
    if ('node' in line) nodes.push(line.node);
    else if ('rel' in line) rels.push(line.rel);
    else if ('doc' in line) {
      const target = documentTarget(documentsDir, line.doc.path);
      mkdirSync(dirname(target), { recursive: true });
      if (!existsSync(target)) writeFileSync(target, '');
      appendFileSync(target, Buffer.from(line.doc.chunk, 'base64'));
    }
    if (nodes.length >= batchSize || rels.length >= batchSize) await flush();
  }
  await flush();
  if (created.size !== verified.end.nodes) throw new BackupError('the backup changed while it was restored');
  return verified;
}
