/**
 * The backup file (`kinline backup`): gzip-compressed JSON lines. The first line is the header,
 * then every node, every relationship, every stored document (in chunks), an end line with the
 * counts, and a last line with the SHA-256 of every line before it. A restore checks that sum
 * before it writes anything.
 *
 * Property values keep Neo4j's types: strings, booleans and floats as JSON; integers as
 * `{"i": "123"}` (Neo4j has 64-bit integers and floats, JSON one kind of number); floats JSON
 * cannot spell as `{"f": "NaN"}`; points (a located record's `location`) as
 * `{"p": [srid, x, y]}` (or `[srid, x, y, z]`). Lists hold the same. Anything else (temporal
 * values, which Kinline does not store) is refused at backup time rather than written wrongly.
 */
import { int, integer, isPoint, Point } from 'neo4j-driver';

export const BACKUP_FORMAT = 'kinline-backup';
export const BACKUP_VERSION = 1;

export interface Header {
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
  neo4j: string;
}

/** `k` is the node's key within this file (its element id at backup time). */
export type NodeLine = { node: { k: string; labels: string[]; props: EncodedProps } };
export type RelationshipLine = { rel: { type: string; s: string; e: string; props: EncodedProps } };
/** One chunk of a stored document, base64; a document's chunks follow each other in order. */
export type DocumentLine = { doc: { path: string; chunk: string } };
export type EndLine = { end: { nodes: number; relationships: number; documents: number } };
export type ChecksumLine = { sha256: string };
export type Line = NodeLine | RelationshipLine | DocumentLine | EndLine;

export type Encoded = string | number | boolean | { i: string } | { f: string } | { p: number[] } | Encoded[];
export type EncodedProps = Record<string, Encoded>;

/** Labels and relationship types go into Cypher as names, so only plain identifiers pass. */
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
export function cypherName(name: string): string {
  if (!NAME.test(name)) throw new BackupError(`the backup names a label or type "${name}" that is not a plain name`);
  return `\`${name}\``;
}

/** The backup cannot be used (damaged, altered, not a backup): nothing was written. */
export class BackupError extends Error {}

export function encodeValue(value: unknown, where: string): Encoded {
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'bigint') return { i: value.toString() };
  if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0) ? value : { f: String(value) };
  if (Array.isArray(value)) return value.map((item) => encodeValue(item, where));
  if (isPoint(value)) {
    const point = value as Point;
    return { p: [integer.toNumber(point.srid), point.x, point.y, ...(point.z === undefined ? [] : [point.z])] };
  }
  throw new BackupError(`${where} holds a value Kinline cannot back up (${Object.prototype.toString.call(value)})`);
}

export function decodeValue(value: Encoded): unknown {
  if (Array.isArray(value)) return value.map(decodeValue);
  if (typeof value !== 'object') return value;
  if ('i' in value) return BigInt(value.i);
  if ('p' in value) {
    const [srid, x, y, z] = value.p as [number, number, number, number | undefined];
    return new Point(int(srid), x, y, z);
  }
  return Number(value.f);
}

export const encodeProps = (props: Record<string, unknown>, where: string): EncodedProps =>
  Object.fromEntries(Object.entries(props).map(([key, value]) => [key, encodeValue(value, `${where}.${key}`)]));

export const decodeProps = (props: EncodedProps): Record<string, unknown> =>
  Object.fromEntries(Object.entries(props).map(([key, value]) => [key, decodeValue(value)]));
