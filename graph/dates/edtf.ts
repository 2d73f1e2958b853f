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

interface PartBounds {
  min: number;
  max: number;
  approximate: boolean;
  uncertain: boolean;
  precision: number;
}

// How far an approximate ("~") or uncertain ("?") date may stray beyond its written unit, by
// precision (1 = year, 2 = month, 3 = day). Sources say "three years ago" and "about late
// 2017"; Gramps widens "about" dates the same way. Documented in graph/README.md.
const FUZZ_DAYS: Record<number, number> = { 1: 365, 2: 61, 3: 7 };
const DAY = 86_400_000;

// Plain calendar dates (level 0, with a level-1 qualifier on the whole date) are nearly every
// date a dataset holds; the edtf library's Earley parser takes ~0.1 ms per call, so these are
// read directly. Anything else (seasons, "X" digits, per-component qualifiers, years before 1000,
// days the month does not have) goes to the library. test/edtf.fast-path.test.ts compares both.
const PLAIN_DATE = /^([1-9]\d{3})(?:-(\d{2})(?:-(\d{2}))?)?([~?%]?)$/;

function plainPart(text: string): PartBounds | null {
  const match = PLAIN_DATE.exec(text);
  if (!match) return null;
  const year = Number(match[1]);
  const month = match[2] === undefined ? null : Number(match[2]);
  const day = match[3] === undefined ? null : Number(match[3]);
  if (month !== null && (month < 1 || month > 12)) return null;
  if (day !== null && (day < 1 || day > new Date(Date.UTC(year, month!, 0)).getUTCDate())) return null;
  const min = Date.UTC(year, (month ?? 1) - 1, day ?? 1);
  const next =
    day !== null
      ? Date.UTC(year, month! - 1, day + 1)
      : month !== null
        ? Date.UTC(year, month, 1)
        : Date.UTC(year + 1, 0, 1);
  const qualifier = match[4];
  return fuzzed({
    min,
    max: next - 1,
    approximate: qualifier === '~' || qualifier === '%',
    uncertain: qualifier === '?' || qualifier === '%',
    precision: day !== null ? 3 : month !== null ? 2 : 1,
  });
}

function fuzzed(part: PartBounds): PartBounds {
  const fuzz = part.approximate || part.uncertain ? (FUZZ_DAYS[part.precision] ?? 0) * DAY : 0;
  return { ...part, min: part.min - fuzz, max: part.max + fuzz };
}

function parsePart(text: string): PartBounds {
  return plainPart(text) ?? libraryPart(text);
}

function libraryPart(text: string): PartBounds {
  let parsed: ReturnType<typeof edtf>;
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
  return fuzzed({ min: parsed.min, max: parsed.max, approximate, uncertain, precision });
}

/** Exposed for the test that checks the fast path against the library. */
export const parsePartForTest = { plain: plainPart, library: libraryPart };

function firstLine(error: unknown): string {
  return String(error instanceof Error ? error.message : error).split('\n')[0] ?? '';
}

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * Parses an EDTF level 0-2 date or interval. Intervals are split here rather than handed to the
 * library whole because it mis-reads open starts ("../2018-03") and season intervals.
 */
export function parseEdtf(text: string): DateBounds {
  const cached = PARSED.get(text);
  if (cached) return cached;
  const parsed = Object.freeze(parseUncached(text));
  // A dataset repeats the same few thousand dates across many records; the cache is dropped
  // whole when full, which keeps it bounded without bookkeeping.
  if (PARSED.size >= PARSED_LIMIT) PARSED.clear();
  PARSED.set(text, parsed);
  return parsed;
}

const PARSED = new Map<string, Readonly<DateBounds>>();
const PARSED_LIMIT = 100_000;

function parseUncached(text: string): DateBounds {
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
