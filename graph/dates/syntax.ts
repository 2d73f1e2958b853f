/**
 * The shape of an EDTF (ISO 8601-2) value as written: dates, seasons, sets and intervals, without
 * bounds. Shared by the bounds (edtf.ts, server) and the phrase in words (phrase.ts, server and
 * client), so it imports nothing and runs in a browser.
 */

/** One calendar date, season or year, as written (digits may be "X": unspecified). */
export interface DatePart {
  kind: 'date';
  text: string;
  /** Astronomical year as written: "2017", "-0100", "19XX", "Y170000002". */
  year: string;
  month?: string;
  day?: string;
  /** ISO 8601-2 division of the year (21-41) in place of a month. */
  season?: number;
  approximate: boolean;
  uncertain: boolean;
}

/** A member of a set: a date, a run of consecutive dates ("a..b"), or an open run ("..a", "a.."). */
export type SetMember =
  | DatePart
  | { kind: 'range'; from: DatePart; to: DatePart }
  | { kind: 'before'; to: DatePart }
  | { kind: 'after'; from: DatePart };

/** `[...]`: exactly one of the members; `{...}`: all of them. */
export interface SetPart {
  kind: 'set';
  text: string;
  mode: 'one' | 'all';
  members: SetMember[];
}

export type Part = DatePart | SetPart;

/** An interval side: a part, `..` (open: still going on, or no known start) or empty (unknown). */
export type Side = Part | 'open' | 'unknown';

export type EdtfSyntax = { kind: 'single'; part: Part } | { kind: 'interval'; start: Side; end: Side };

export class EdtfSyntaxError extends Error {}

const COMPONENT = /^([~?%]?)([\dX]+)([~?%]?)$/;
const SEASON_MIN = 21;
const SEASON_MAX = 41;

/** One date: [qualifier]YYYY[-MM[-DD]] with a qualifier before or after any component, or a Y-year. */
export function parseDatePart(text: string): DatePart {
  const bigYear = /^Y(-?\d+)(?:E\d+)?(?:S\d+)?([~?%]?)$/.exec(text);
  if (bigYear) return { kind: 'date', text, year: text.replace(/[~?%]$/, ''), ...qualifiers(bigYear[2] ?? '') };
  // A time of day (level 0 "2019-04-12T10:00:00Z") says nothing a phrase or a bound needs here.
  const dateText = text.replace(/T[\d:.]+(Z|[+-]\d{2}(:?\d{2})?)?$/, '');
  const negative = dateText.startsWith('-') ? '-' : '';
  const pieces = (negative ? dateText.slice(1) : dateText).split('-');
  if (pieces.length < 1 || pieces.length > 3) throw new EdtfSyntaxError(`"${text}" is not a date`);
  const components = pieces.map((piece) => {
    const significant = /^(.*?)(S\d+)?$/.exec(piece)!;
    const m = COMPONENT.exec(significant[1]!);
    if (!m) throw new EdtfSyntaxError(`"${text}" is not a date`);
    return { digits: m[2]!, marks: `${m[1]}${m[3]}` };
  });
  const [year, second, third] = components;
  if (!year || year.digits.length < 2) throw new EdtfSyntaxError(`"${text}" has no year`);
  const marks = components.map((c) => c.marks).join('');
  const part: DatePart = { kind: 'date', text, year: `${negative}${year.digits}`, ...qualifiers(marks) };
  if (second) {
    if (second.digits.length !== 2) throw new EdtfSyntaxError(`"${text}" has a month that is not two digits`);
    const number = Number(second.digits);
    if (!second.digits.includes('X') && number >= SEASON_MIN && number <= SEASON_MAX) {
      if (third) throw new EdtfSyntaxError(`"${text}" has a day after a season`);
      part.season = number;
    } else part.month = second.digits;
  }
  if (third) {
    if (third.digits.length !== 2) throw new EdtfSyntaxError(`"${text}" has a day that is not two digits`);
    part.day = third.digits;
  }
  return part;
}

function qualifiers(marks: string): { approximate: boolean; uncertain: boolean } {
  return { approximate: /[~%]/.test(marks), uncertain: /[?%]/.test(marks) };
}

function parseMember(text: string, index: number, count: number): SetMember {
  const dots = text.indexOf('..');
  if (dots < 0) return parseDatePart(text);
  const [left, right] = [text.slice(0, dots), text.slice(dots + 2)];
  if (right.includes('..')) throw new EdtfSyntaxError(`"${text}" has ".." twice`);
  if (left === '' && right === '') throw new EdtfSyntaxError('".." alone is not a member');
  if (left === '') {
    if (index !== 0) throw new EdtfSyntaxError(`"${text}": only the first member may start with ".."`);
    return { kind: 'before', to: parseDatePart(right) };
  }
  if (right === '') {
    if (index !== count - 1) throw new EdtfSyntaxError(`"${text}": only the last member may end with ".."`);
    return { kind: 'after', from: parseDatePart(left) };
  }
  return { kind: 'range', from: parseDatePart(left), to: parseDatePart(right) };
}

/** A part: a set in brackets or braces, or one date. */
export function parsePartSyntax(text: string): Part {
  const open = text[0];
  if (open === '[' || open === '{') {
    const close = open === '[' ? ']' : '}';
    if (!text.endsWith(close)) throw new EdtfSyntaxError(`"${text}" does not close its ${open}`);
    const inner = text.slice(1, -1);
    if (inner.trim() === '') throw new EdtfSyntaxError(`"${text}" is an empty set`);
    const texts = inner.split(',');
    const members = texts.map((member, i) => parseMember(member, i, texts.length));
    return { kind: 'set', text, mode: open === '[' ? 'one' : 'all', members };
  }
  if (/[[\]{},]/.test(text)) throw new EdtfSyntaxError(`"${text}" is not a date`);
  return parseDatePart(text);
}

/** The shape of an EDTF value; throws EdtfSyntaxError when it has none. Bounds are checked in edtf.ts. */
export function parseSyntax(text: string): EdtfSyntax {
  const slash = text.indexOf('/');
  if (slash < 0) return { kind: 'single', part: parsePartSyntax(text) };
  const [startText, endText] = [text.slice(0, slash), text.slice(slash + 1)];
  if (endText.includes('/')) throw new EdtfSyntaxError(`"${text}" has more than one "/"`);
  const side = (t: string): Side => (t === '..' ? 'open' : t === '' ? 'unknown' : parsePartSyntax(t));
  return { kind: 'interval', start: side(startText), end: side(endText) };
}
