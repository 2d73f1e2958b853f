import edtf from 'edtf';
import { divisionSpan } from './seasons.js';
import { EdtfSyntaxError, parseDatePart, parsePartSyntax, type SetMember } from './syntax.js';

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
  /**
   * An "on or after" member (`[2015..]`) leaves a latest bound with no limit: startLatest (and
   * endLatest, when set) then hold NO_LATEST until a source's publication date closes them
   * (closeBySource).
   */
  openAfter: boolean;
}

/** The latest bound of an "on or after" date that no source date has closed. */
export const NO_LATEST = '9999-12-31';

/**
 * The last day a date names, for a single year or day to show (a birth year, a citation's
 * year): "[2019..]" (2019 or later) has no last day, so it gives its first one.
 */
export const lastNamedDay = (b: DateBounds): string =>
  b.openAfter ? (b.startEarliest ?? b.startLatest) : b.startLatest;

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
  if (text.startsWith('[') || text.startsWith('{')) return setPart(text);
  return plainPart(text) ?? seasonPart(text) ?? libraryPart(text);
}

/** A member date of a set: like any date, but never a set itself. */
function memberDate(text: string): PartBounds {
  if (text.startsWith('[') || text.startsWith('{')) throw new EdtfError(`"${text}": a set cannot hold a set`);
  return parsePart(text);
}

/**
 * Seasons and other divisions of the year (seasons.ts): the library reads 21-24 as calendar
 * quarters and knows no hemispheres, so they are read here.
 */
function seasonPart(text: string): PartBounds | null {
  let part: ReturnType<typeof parseDatePart>;
  try {
    part = parseDatePart(text);
  } catch {
    return null;
  }
  if (part.season === undefined || !/^-?\d{4}$/.test(part.year)) return null;
  const span = divisionSpan(Number(part.year), part.season);
  if (!span) return null;
  return fuzzed({ ...span, approximate: part.approximate, uncertain: part.uncertain, precision: 2 });
}

/**
 * EDTF level 2 sets: `[a,b]` (one of), `{a,b}` (all of), runs `a..b`, and open runs `[..a]` (on or
 * before a) and `[a..]` (on or after a). Every member counts: the set runs from its earliest
 * member's first day to its latest member's last day (the library keeps only the first member).
 */
function setPart(text: string): PartBounds {
  let members: SetMember[];
  try {
    const syntax = parsePartSyntax(text);
    if (syntax.kind !== 'set') throw new EdtfSyntaxError('not a set');
    members = syntax.members;
  } catch (error) {
    throw new EdtfError(`"${text}" is not a valid EDTF set (${firstLine(error)})`);
  }
  const parts = members.map((member): PartBounds => {
    if (member.kind === 'date') return memberDate(member.text);
    if (member.kind === 'before') return { ...memberDate(member.to.text), min: Number.NEGATIVE_INFINITY };
    if (member.kind === 'after') return { ...memberDate(member.from.text), max: Number.POSITIVE_INFINITY };
    const [from, to] = [memberDate(member.from.text), memberDate(member.to.text)];
    if (to.max < from.min) throw new EdtfError(`"${text}": ${member.to.text} is before ${member.from.text}`);
    return {
      ...from,
      max: to.max,
      approximate: from.approximate || to.approximate,
      uncertain: from.uncertain || to.uncertain,
    };
  });
  return {
    min: Math.min(...parts.map((p) => p.min)),
    max: Math.max(...parts.map((p) => p.max)),
    approximate: parts.some((p) => p.approximate),
    uncertain: parts.some((p) => p.uncertain),
    precision: Math.max(...parts.map((p) => p.precision)),
  };
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
const earliestDay = (ms: number) => (Number.isFinite(ms) ? isoDay(ms) : null);
const latestDay = (ms: number) => (Number.isFinite(ms) ? isoDay(ms) : NO_LATEST);

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
    startEarliest: earliestDay(start.min),
    startLatest: latestDay(start.max),
    endEarliest: end ? earliestDay(Math.max(end.min, start.min)) : null,
    endLatest: end ? latestDay(end.max) : null,
    openEnd,
    approximate: start.approximate || Boolean(end?.approximate),
    uncertain: start.uncertain || Boolean(end?.uncertain),
    openAfter: !Number.isFinite(start.max) || (end !== null && !Number.isFinite(end.max)),
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
