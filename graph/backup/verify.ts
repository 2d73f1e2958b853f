import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  BackupError,
  type EndLine,
  type Header,
  type Line,
  cypherName,
} from './format.js';

/** The lines of a backup file, as text, decompressed; a damaged file is a BackupError. */
export async function* backupLines(file: string): AsyncGenerator<string> {
  const gunzip = createReadStream(file).pipe(createGunzip());
  // Decoded as a stream, so a character split between two chunks stays whole.
  gunzip.setEncoding('utf8');
  let rest = '';
  try {
    for await (const chunk of gunzip) {
      const lines = (rest + (chunk as string)).split('\n');
      rest = lines.pop() ?? '';
      yield* lines;
    }
  } catch (error) {
    throw new BackupError(`the backup is damaged and cannot be read (${(error as Error).message})`);
  }
  if (rest !== '') yield rest;
}

function parsed(text: string, number: number): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new BackupError(`line ${number} of the backup is not JSON`);
  }
}

/** Checks one line's shape, so that a restore never stops half-way on a line it cannot use. */
function checkLine(line: Line, number: number, nodeKeys: Set<string>): void {
  const bad = (why: string) => new BackupError(`line ${number} of the backup ${why}`);
  if ('node' in line) {
    for (const label of line.node.labels) cypherName(label);
    if (nodeKeys.has(line.node.k)) throw bad(`repeats node ${line.node.k}`);
    nodeKeys.add(line.node.k);
  } else if ('rel' in line) {
    cypherName(line.rel.type);
    if (!nodeKeys.has(line.rel.s) || !nodeKeys.has(line.rel.e)) throw bad('links a node the backup does not hold');
  } else if (!('doc' in line) && !('end' in line)) throw bad('is of no known kind');
}

export interface VerifiedBackup {
  header: Header;
  end: EndLine['end'];
  sha256: string;
}

interface Seen {
  header?: Header;
  end?: EndLine['end'];
  nodeKeys: Set<string>;
  relationships: number;
}

/** The shape of a line that is not the last; the first is the header. */
function checkShape(text: string, number: number, seen: Seen): void {
  const line = parsed(text, number) as Line | Header | null;
  if (!line || typeof line !== 'object') throw new BackupError(`line ${number} of the backup is of no known kind`);
  if (number === 1) {
    seen.header = line as Header;
    return;
  }
  if (seen.end) throw new BackupError(`line ${number} of the backup follows its end`);
  checkLine(line as Line, number, seen.nodeKeys);
  if ('rel' in line) seen.relationships++;
  if ('end' in line) seen.end = line.end;
}

function recordedSum(text: string | undefined): string | undefined {
  try {
    const sum = (JSON.parse(text ?? '') as { sha256?: unknown }).sha256;
    return typeof sum === 'string' ? sum : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Reads the whole backup once and checks it before anything is written: the SHA-256 of every
 * line but the last against the one recorded in the last, then the header, each line's shape, and
 * the end line's counts (a truncated file has none).
 */
export async function verifyBackup(file: string): Promise<VerifiedBackup> {
  const hash = createHash('sha256');
  const seen: Seen = { nodeKeys: new Set(), relationships: 0 };
  // A line that cannot be read is reported only once the checksum holds: a changed byte is "altered".
  let problem: BackupError | undefined;
  let previous: string | undefined;
  let number = 0;
  for await (const text of backupLines(file)) {
    if (previous !== undefined) {
      hash.update(`${previous}\n`);
      try {
        if (!problem) checkShape(previous, number, seen);
      } catch (error) {
        if (!(error instanceof BackupError)) throw error;
        problem = error;
      }
    }
    previous = text;
    number++;
  }
  const recorded = recordedSum(previous);
  if (recorded === undefined) throw new BackupError('the backup is incomplete or damaged: it has no checksum line');
  const sha256 = hash.digest('hex');
  if (sha256 !== recorded)
    throw new BackupError(`the backup was altered: its SHA-256 is ${sha256}, but ${recorded} was recorded`);
  if (problem) throw problem;
  const { header, end } = seen;
  if (header?.format !== BACKUP_FORMAT) throw new BackupError('this file is not a Kinline backup');
  if (header.version !== BACKUP_VERSION)
    throw new BackupError(`this backup is of version ${header.version}; this Kinline reads ${BACKUP_VERSION}`);
  if (!end) throw new BackupError('the backup is incomplete: it has no end');
  if (end.nodes !== seen.nodeKeys.size || end.relationships !== seen.relationships)
    throw new BackupError('the backup holds other counts than its end line says');
  return { header, end, sha256 };
}
