import edtf from 'edtf';

/**
 * An EDTF (ISO 8601-2) date as written, plus the bounds we query on.
 * Bounds are ISO calendar dates (YYYY-MM-DD). `null` on the end side means open ("..", still
 * ongoing) or unknown (empty); `openEnd` tells which.
 */
export interface DateBounds {
  edtf: string;
  /** null: open start ("../2018-03", "before March 2018"). */
  startEarliest: string | null;
  startLatest: string;
  endEarliest: string | null;
  endLatest: string | null;
  openEnd: 'none' | 'open' | 'unknown';
  approximate: boolean;
  uncertain: boolean;
}

export class EdtfError extends Error {}

interface PartBounds { min: number; max: number; approximate: boolean; uncertain: boolean; precision: number }

// How far an approximate ("~") or uncertain ("?") date may stray beyond its written unit, by
// precision (1 = year, 2 = month, 3 = day). Sources say "three years ago" and "about late
// 2017"; Gramps widens "about" dates the same way. Documented in graph/README.md.
const FUZZ_DAYS: Record<number, number> = { 1: 365, 2: 61, 3: 7 };
const DAY = 86_400_000;

function parsePart(text: string): PartBounds {
  let parsed;
  try {
    parsed = edtf(text);
  } catch (error) {
    throw new EdtfError(`"${text}" is not a valid EDTF date (${firstLine(error)})`);
  }
  if (!Number.isFinite(parsed.min) || !Number.isFinite(parsed.max)) {
    throw new EdtfError(`"${text}" has no finite bounds`);
  }
  const approximate = Boolean(parsed.approximate?.value);
  const uncertain = Boolean(parsed.uncertain?.value);
  const precision = typeof parsed.precision === 'number' ? parsed.precision : 2;
  const fuzz = approximate || uncertain ? (FUZZ_DAYS[precision] ?? 0) * DAY : 0;
  return { min: parsed.min - fuzz, max: parsed.max + fuzz, approximate, uncertain, precision };
}

function firstLine(error: unknown): string {
  return String(error instanceof Error ? error.message : error).split('\n')[0] ?? '';
}

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * Parses an EDTF level 0-2 date or interval. Intervals are split here rather than handed to the
 * library whole because it mis-reads open starts ("../2018-03") and season intervals.
 */
export function parseEdtf(text: string): DateBounds {
  const value = text.trim();
  if (value !== text || value.length === 0 || value.length > 64) {
    throw new EdtfError(`"${text}" is not a valid EDTF date (empty, padded or too long)`);
  }
  const slash = value.indexOf('/');
  if (slash < 0) {
    const part = parsePart(value);
    return bounds(value, part, part, 'none');
  }
  const [startText, endText] = [value.slice(0, slash), value.slice(slash + 1)];
  if (endText.includes('/')) throw new EdtfError(`"${text}" has more than one "/"`);
  if (startText === '..' || startText === '') {
    if (endText === '..' || endText === '') throw new EdtfError(`"${text}" has neither a start nor an end`);
    const end = parsePart(endText);
    return { ...bounds(value, end, end, 'none'), startEarliest: null };
  }
  const start = parsePart(startText);
  if (endText === '..' || endText === '') {
    return bounds(value, start, null, endText === '..' ? 'open' : 'unknown');
  }
  const end = parsePart(endText);
  if (end.max < start.min) throw new EdtfError(`"${text}" ends before it starts`);
  return bounds(value, start, end, 'none');
}

function bounds(text: string, start: PartBounds, end: PartBounds | null, openEnd: DateBounds['openEnd']): DateBounds {
  return {
    edtf: text,
    startEarliest: isoDay(start.min),
    startLatest: isoDay(start.max),
    endEarliest: end ? isoDay(Math.max(end.min, start.min)) : null,
    endLatest: end ? isoDay(end.max) : null,
    openEnd,
    approximate: start.approximate || Boolean(end?.approximate),
    uncertain: start.uncertain || Boolean(end?.uncertain),
  };
}

/** True when the text parses; used by the zod schema to reject bad dates with a reason. */
export function edtfProblem(text: string): string | null {
  try {
    parseEdtf(text);
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
