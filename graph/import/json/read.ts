import { DatasetBuilder } from '../builder.js';
import { decode, DecodeError } from '../text.js';
import type { ParsedFile } from '../types.js';

/** Line and column of each record's `"id": "..."` in the file, so problems can point at it. */
function idPositions(text: string): Map<string, { line: number; column: number }> {
  const out = new Map<string, { line: number; column: number }>();
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lineStarts.push(i + 1);
  const re = /"id"\s*:\s*"((?:[^"\\]|\\.)*)"/g;
  let m: RegExpExecArray | null;
  let line = 0;
  while ((m = re.exec(text))) {
    while (line + 1 < lineStarts.length && lineStarts[line + 1]! <= m.index) line++;
    if (!out.has(m[1]!)) out.set(m[1]!, { line: line + 1, column: m.index - lineStarts[line]! + 1 });
  }
  return out;
}

/** The lossless Kinline JSON (graph/schema Dataset), as written by `kinline export --format json`. */
export function parseJsonDataset(bytes: Uint8Array, file: string): ParsedFile {
  const out = new DatasetBuilder(file, 'json');
  let text: string;
  try {
    text = decode(bytes, 'utf-8', file);
  } catch (error) {
    if (error instanceof DecodeError) {
      out.parsed.problems.push(error.problem);
      return out.parsed;
    }
    throw error;
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const at = /position (\d+)/.exec(String(error))?.[1];
    const before = at ? text.slice(0, Number(at)) : '';
    const line = before.split('\n').length;
    out.parsed.problems.push({
      file,
      path: '',
      line,
      column: before.length - before.lastIndexOf('\n'),
      message: `not JSON: ${(error as Error).message}`,
    });
    return out.parsed;
  }
  const record = value as { entities?: unknown; relationships?: unknown };
  const isObject = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (
    !isObject(value) ||
    !Array.isArray(record.entities) ||
    !Array.isArray(record.relationships) ||
    ![...record.entities, ...record.relationships].every(isObject)
  ) {
    out.parsed.problems.push({
      file,
      path: '',
      line: 1,
      column: 1,
      message: 'not a Kinline dataset: expected {"kinline": 1, "entities": [{...}], "relationships": [{...}]}',
    });
    return out.parsed;
  }
  const positions = idPositions(text);
  // Shape problems are left to the validator, which sees the value as written.
  out.parsed.dataset = value as ParsedFile['dataset'];
  const each = (list: unknown, kind: 'entities' | 'relationships') => {
    if (!Array.isArray(list)) return;
    list.forEach((item, i) => {
      const id = (item as { id?: unknown })?.id;
      const at = typeof id === 'string' ? positions.get(id) : undefined;
      if (at) out.parsed.positions.set(`${kind}[${i}]`, { file, ...at });
    });
  };
  each(record.entities, 'entities');
  each(record.relationships, 'relationships');
  out.parsed.records = (record.entities as unknown[]).length + (record.relationships as unknown[]).length;
  return out.parsed;
}
