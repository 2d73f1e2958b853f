import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import { ATTRIBUTE_CLAIM, ENTITY_TYPES, RELATIONSHIP_TYPES, type Dataset } from '../schema/index.js';
import { claimRows } from './load-plan.js';
import { claimedFacts } from './facts.js';
import { entityToProps, relationshipToProps } from './mapping.js';
import { protectDataset } from './protection.js';
import { publishedBy } from './published.js';
import { statementClaimRows } from './statements.js';
import type { Props } from '../db/props.js';

/** Separates list elements inside one CSV field; a control character no text in a dataset needs. */
const ARRAY_DELIMITER = '\u001f';

/** A property the importer's CSV cannot carry exactly (an empty list or string): set after import. */
export interface Fixup {
  id: string;
  props: Props;
}

export interface ImportFiles {
  /** The importer's arguments: the CSV format, then `--nodes=Entity:<type>=path`, `--relationships=CITES=path`, ... */
  args: string[];
  nodeFixups: Map<string, Fixup[]>;
  relationshipFixups: Map<string, Fixup[]>;
}

/** The same property values loadDataset sends through the driver, as the importer's column types. */
function columnType(key: string, value: unknown): string {
  if (typeof value === 'string') return 'string';
  if (typeof value === 'number') return 'double'; // the driver sends every JS number as a float
  if (typeof value === 'boolean') return 'boolean';
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return 'string[]';
  throw new Error(`property ${key} has a value the bulk importer cannot store (${typeof value})`);
}

/** True when a list's CSV cell reads back as exactly this list (the importer skips empty cells). */
function cellKeepsValue(list: string[]): boolean {
  return list.length > 0 && list.every((v) => v !== '' && !v.includes(ARRAY_DELIMITER));
}

const quote = (text: string) => `"${text.includes('"') ? text.replaceAll('"', '""') : text}"`;

/** Streams lines to a file, waiting whenever the disk falls behind. */
class CsvFile {
  private readonly out: WriteStream;
  private buffer: string[] = [];
  constructor(readonly path: string) {
    this.out = createWriteStream(path, { encoding: 'utf8' });
  }
  /** Queues a line; the caller awaits flush() when `full` says so (no promise per line). */
  line(text: string): void {
    this.buffer.push(text);
  }
  get full(): boolean {
    return this.buffer.length >= 5_000;
  }
  async flush(): Promise<void> {
    const chunk = `${this.buffer.join('\n')}\n`;
    this.buffer = [];
    if (!this.out.write(chunk)) await new Promise<void>((done) => this.out.once('drain', () => done()));
  }
  async close(): Promise<void> {
    if (this.buffer.length > 0) await this.flush();
    await new Promise<void>((done, fail) => this.out.end((error?: Error | null) => (error ? fail(error) : done())));
  }
}

interface Row {
  id: string;
  props: Props;
  from?: string;
  to?: string;
}

/**
 * Writes one group of rows (one label or type) with a typed header over every key they hold.
 * Values a cell cannot carry are left empty and returned as fixups.
 */
async function writeGroup(path: string, rows: Row[], idColumn: string[], endpoints: boolean): Promise<Fixup[]> {
  const types = new Map<string, string>();
  for (const row of rows) {
    for (const key in row.props) {
      const value = row.props[key];
      if (value === null || value === undefined || key === 'id') continue;
      const type = columnType(key, value);
      const seen = types.get(key);
      if (seen === undefined) types.set(key, type);
      else if (seen !== type) throw new Error(`property ${key} holds both ${seen} and ${type} values`);
    }
  }
  const keys = [...types.keys()].sort();
  const file = new CsvFile(path);
  file.line([...idColumn, ...keys.map((key) => `${key}:${types.get(key)}`)].map(quote).join(','));
  const fixups: Fixup[] = [];
  for (const row of rows) {
    let line = endpoints ? `${quote(row.from!)},${quote(row.to!)},${quote(row.id)}` : quote(row.id);
    let lost: Props | undefined;
    for (const key of keys) {
      const value = row.props[key];
      line += ',';
      if (value === null || value === undefined) continue;
      if (typeof value === 'string') {
        if (value !== '') line += quote(value);
        else (lost ??= {})[key] = value;
      } else if (Array.isArray(value)) {
        if (cellKeepsValue(value)) line += quote(value.join(ARRAY_DELIMITER));
        else (lost ??= {})[key] = value;
      } else {
        line += String(value);
      }
    }
    file.line(line);
    if (lost) fixups.push({ id: row.id, props: lost });
    if (file.full) await file.flush();
  }
  await file.close();
  return fixups;
}

/**
 * The files Neo4j's offline importer (`neo4j-admin database import full`) reads to build the
 * graph loadDataset would write into an empty database: the same labels, relationship types and
 * property values (mapping.ts), one file per node label and relationship type, claims and CITES.
 */
export async function writeImportFiles(data: Dataset, dir: string): Promise<ImportFiles> {
  mkdirSync(dir, { recursive: true });
  // Text may span lines; lists are split on a character no text uses (cellKeepsValue checks).
  const format = [
    '--multiline-fields=true',
    `--array-delimiter=U+${ARRAY_DELIMITER.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`,
  ];
  const files: ImportFiles = { args: format, nodeFixups: new Map(), relationshipFixups: new Map() };
  // A new database: nothing stored to keep public ids of, or to rescan.
  const guard = protectDataset(data);
  const published = publishedBy(data);
  for (const label of ENTITY_TYPES) {
    const rows = data.entities
      .filter((e) => e.type === label)
      .map((e) => ({ id: e.id, props: entityToProps(e, guard.entity(e.id), published) }));
    if (rows.length === 0) continue;
    const path = join(dir, `${label}.csv`);
    files.nodeFixups.set(label, await writeGroup(path, rows, ['id:ID(Entity)'], false));
    files.args.push(`--nodes=Entity:${label}=${path}`);
  }
  for (const type of RELATIONSHIP_TYPES) {
    const rows = data.relationships
      .filter((r) => r.type === type)
      .map((r) => ({ id: r.id, from: r.from, to: r.to, props: relationshipToProps(r, guard.relationship(r.id)) }));
    if (rows.length === 0) continue;
    const path = join(dir, `${type}.csv`);
    files.relationshipFixups.set(
      type,
      await writeGroup(path, rows, [':START_ID(Entity)', ':END_ID(Entity)', 'id'], true),
    );
    files.args.push(`--relationships=${type}=${path}`);
  }
  const claims = claimedFacts(data).flatMap((fact) =>
    claimRows(fact.about, fact.kind, fact.claims, guard.claim, published),
  );
  if (claims.length > 0) {
    const claimPath = join(dir, 'Claim.csv');
    files.nodeFixups.set('Claim', await writeGroup(claimPath, claims, ['id:ID(Claim)'], false));
    const cites = new CsvFile(join(dir, 'CITES.csv'));
    cites.line(':START_ID(Claim),:END_ID(Entity)');
    for (const claim of claims) {
      cites.line(`${quote(claim.id)},${quote(claim.sourceId)}`);
      if (cites.full) await cites.flush();
    }
    await cites.close();
    files.args.push(`--nodes=Claim=${claimPath}`, `--relationships=CITES=${join(dir, 'CITES.csv')}`);
  }
  // Attribute statements' claims (statements.ts), in an id space of their own.
  const stated = statementClaimRows(data, guard.claim);
  if (stated.length > 0) {
    const path = join(dir, `${ATTRIBUTE_CLAIM}.csv`);
    files.nodeFixups.set(ATTRIBUTE_CLAIM, await writeGroup(path, stated, [`id:ID(${ATTRIBUTE_CLAIM})`], false));
    const cites = new CsvFile(join(dir, 'CITES-attribute.csv'));
    cites.line(`:START_ID(${ATTRIBUTE_CLAIM}),:END_ID(Entity)`);
    for (const claim of stated) {
      cites.line(`${quote(claim.id)},${quote(claim.sourceId)}`);
      if (cites.full) await cites.flush();
    }
    await cites.close();
    files.args.push(`--nodes=${ATTRIBUTE_CLAIM}=${path}`, `--relationships=CITES=${join(dir, 'CITES-attribute.csv')}`);
  }
  return files;
}
