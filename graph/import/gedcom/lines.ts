import { decode, DecodeError, type Encoding } from '../text.js';
import type { Problem } from '../types.js';

/** One GEDCOM line with its substructure; CONT/CONC are already folded into `value`. */
export interface GedcomNode {
  level: number;
  xref?: string;
  tag: string;
  value: string;
  line: number;
  /** 1-based column where the value starts. */
  valueColumn: number;
  text: string;
  children: GedcomNode[];
}

const LINE = /^(\s*)(\d{1,2}) +(?:(@[^@\s]+@) +)?([A-Za-z0-9_]{1,31})(?: (.*))?$/;

/** Reads the `1 CHAR` header line from the raw bytes (the header itself is ASCII). */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 8192)).toString('latin1');
  return /^\s*1 +CHAR +(\S+)/m.exec(head)?.[1]?.toUpperCase() ?? null;
}

export function gedcomEncoding(bytes: Uint8Array, file: string): Encoding {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new DecodeError({
      file,
      path: 'encoding',
      line: 1,
      column: 1,
      message: 'UTF-16 GEDCOM files are not supported: save the file as UTF-8',
    });
  }
  const charset = declaredCharset(bytes);
  if (charset === 'ANSEL') return 'ansel';
  if (charset === 'ANSI' || charset === 'IBMPC' || charset === 'LATIN1' || charset === 'ISO-8859-1') return 'latin1';
  // UTF-8, ASCII (a subset of it) and a missing CHAR line: read as UTF-8, strictly.
  return 'utf-8';
}

/**
 * Splits GEDCOM text into a tree of records. Problems: malformed lines, level jumps, and a
 * missing `0 TRLR` (a truncated file), each with its line and column.
 */
export function parseGedcomLines(
  text: string,
  file: string,
): { records: GedcomNode[]; problems: Problem[]; lines: number } {
  const problems: Problem[] = [];
  const records: GedcomNode[] = [];
  const stack: GedcomNode[] = [];
  const lines = text.split(/\r\n|\r|\n/);
  let sawTrailer = false;
  lines.forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === '') return;
    const m = LINE.exec(raw);
    if (!m) {
      problems.push({
        file,
        path: `line ${line}`,
        line,
        column: 1,
        message: `not a GEDCOM line: "${raw.slice(0, 60)}"`,
      });
      return;
    }
    const level = Number(m[2]);
    const tag = m[4]!.toUpperCase();
    const value = m[5] ?? '';
    const valueColumn = raw.length - value.length + 1;
    while (stack.length > 0 && stack[stack.length - 1]!.level >= level) stack.pop();
    const parent = stack[stack.length - 1];
    if (level > 0 && (!parent || level > parent.level + 1)) {
      problems.push({
        file,
        path: `line ${line}`,
        line,
        column: m[1]!.length + 1,
        message: `level ${level} does not follow level ${parent?.level ?? 'none'}`,
      });
      return;
    }
    if (parent && (tag === 'CONT' || tag === 'CONC')) {
      parent.value += (tag === 'CONT' ? '\n' : '') + value;
      parent.text += `\n${raw.trim()}`;
      return;
    }
    const node: GedcomNode = { level, xref: m[3], tag, value, line, valueColumn, text: raw.trim(), children: [] };
    if (level === 0) {
      if (tag === 'TRLR') sawTrailer = true;
      records.push(node);
    } else parent!.children.push(node);
    stack.push(node);
  });
  if (!sawTrailer) {
    const last = lines.length - (lines[lines.length - 1] === '' ? 1 : 0);
    problems.push({
      file,
      path: 'TRLR',
      line: last,
      column: 1,
      message: 'the file ends without "0 TRLR": it is truncated',
    });
  }
  return { records, problems, lines: lines.length };
}

export function decodeGedcom(bytes: Uint8Array, file: string): string {
  return decode(bytes, gedcomEncoding(bytes, file), file);
}

export const child = (node: GedcomNode, tag: string) => node.children.find((c) => c.tag === tag);
export const childrenOf = (node: GedcomNode, tag: string) => node.children.filter((c) => c.tag === tag);

/** The node and its substructure as written, for a claim's excerpt (at most 4000 characters). */
export function blockText(node: GedcomNode): string {
  const lines: string[] = [];
  const walk = (n: GedcomNode) => {
    lines.push(n.text);
    n.children.forEach(walk);
  };
  walk(node);
  const text = lines.join('\n');
  return text.length > 4000 ? `${text.slice(0, 3996)} ...` : text;
}
