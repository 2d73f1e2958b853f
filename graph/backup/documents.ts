import { createReadStream, existsSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { config } from '../config.js';
import { BackupError, type DocumentLine } from './format.js';

/**
 * Stored documents (scans, PDFs a source cites) live in `documents/` beside the embedded Neo4j's
 * data directory (`data/documents` by default); a backup carries them when that folder exists.
 */
export const defaultDocumentsDir = () => join(dirname(config().neo4jData), 'documents');

const CHUNK_BYTES = 512 * 1024;

/** Every file under `dir`, as paths relative to it with `/`, in a stable order. */
export function documentFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

/** One line per chunk of each document (an empty document: one empty chunk). */
export async function* documentLines(dir: string): AsyncGenerator<DocumentLine> {
  for (const path of documentFiles(dir)) {
    let empty = true;
    for await (const chunk of createReadStream(join(dir, path), { highWaterMark: CHUNK_BYTES })) {
      empty = false;
      yield { doc: { path, chunk: (chunk as Buffer).toString('base64') } };
    }
    if (empty) yield { doc: { path, chunk: '' } };
  }
}

/** Where a document of the backup goes: always inside `dir`, whatever the file says. */
export function documentTarget(dir: string, path: string): string {
  const target = resolve(dir, path);
  if (path.startsWith('/') || !target.startsWith(resolve(dir) + sep))
    throw new BackupError(`the backup holds a document outside the documents folder: "${path}"`);
  return target;
}
