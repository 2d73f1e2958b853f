import { DIVISIONS } from './seasons.js';
import { type DatePart, type Part, type SetMember, type SetPart, type Side, parseSyntax } from './syntax.js';

/**
 * An EDTF value in plain English, for readers: "June or July 2017", "about 2016", "after 2015",
 * "winter 2016–17", "from 20 to 21 May 1977". The words say what the EDTF says and no more; the
 * bounds (edtf.ts) are what queries use. Imports nothing Node-only: the client phrases with it.
 * See graph/README.md, Dates, for the forms and their words.
 */

/** English month names, January first. */
export const MONTH_NAMES: readonly string[] = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

class PhraseError extends Error {}

/** A date's words split where a list may share them: "20" + "May 1977", "June" + "2017". */
interface Words {
  lead: string;
  tail: string;
  /** Which part `tail` is: lists share a tail only between dates of one precision. */
  shape: 'day' | 'month' | 'season' | 'other';
}

const full = (w: Words) => (w.lead ? `${w.lead} ${w.tail}` : w.tail);

function yearWords(year: string): string {
  if (year.startsWith('Y')) return `the year ${Number(year.slice(1).replace(/[ES].*$/, ''))}`;
  const negative = year.startsWith('-');
  const digits = negative ? year.slice(1) : year;
  if (digits.includes('X')) {
    const known = digits.replace(/X+$/, '');
    if (/X/.test(known) || negative) throw new PhraseError(`unspecified digits inside ${year}`);
    const width = digits.length - known.length;
    if (width === 1) return `the ${known}0s`;
    const low = Number(known.padEnd(digits.length, '0'));
    const high = Number(known.padEnd(digits.length, '9'));
    return `some year from ${low} to ${high}`;
  }
  const n = Number(digits);
  if (!Number.isInteger(n)) throw new PhraseError(`"${year}" is not a year`);
  // Astronomical year numbering: year 0 is 1 BC, -0100 is 101 BC.
  return negative || n === 0 ? `${(negative ? n : 0) + 1} BC` : String(n);
}

function monthName(month: string): string {
  const name = MONTH_NAMES[Number(month) - 1];
  if (!/^\d{2}$/.test(month) || !name) throw new PhraseError(`"${month}" is not a month`);
  return name;
}

/** The words of a season: "winter 2016–17", "spring 2017 (southern hemisphere)". */
function seasonWords(part: DatePart): Words {
  const division = DIVISIONS[part.season!];
  if (!division) throw new PhraseError(`no division ${part.season}`);
  let year = yearWords(part.year);
  if (division.first + division.months > 13 && /^\d{4}$/.test(part.year)) {
    const next = String(Number(part.year) + 1);
    year = `${part.year}–${next.slice(0, 2) === part.year.slice(0, 2) ? next.slice(2) : next}`;
  }
  const hemisphere = division.hemisphere ? ` (${division.hemisphere} hemisphere)` : '';
  const seasonal = division.months === 3 && !division.name.startsWith('the');
  return { lead: division.name, tail: `${year}${hemisphere}`, shape: seasonal ? 'season' : 'other' };
}

/** The words of one date, without its qualifier. */
function bareWords(part: DatePart): Words {
  if (part.season !== undefined) return seasonWords(part);
  const year = yearWords(part.year);
  if (!part.month || part.month === 'XX') return { lead: '', tail: year, shape: 'other' };
  if (part.month.includes('X')) return { lead: '', tail: year, shape: 'other' };
  const month = monthName(part.month);
  if (!part.day || part.day.includes('X')) return { lead: month, tail: year, shape: 'month' };
  const day = Number(part.day);
  const last = /^\d+$/.test(part.year) ? new Date(Date.UTC(2000, Number(part.month), 0)).getUTCDate() : 31;
  const leap = Number(part.year) % 4 === 0 && (Number(part.year) % 100 !== 0 || Number(part.year) % 400 === 0);
  const days = part.month === '02' ? (leap ? 29 : 28) : last;
  if (!/^\d{2}$/.test(part.day) || day < 1 || day > days)
    throw new PhraseError(`"${part.day}" is not a day of ${month}`);
  return { lead: String(day), tail: `${month} ${year}`, shape: 'day' };
}

const plain = (part: DatePart) => !part.approximate && !part.uncertain;

function qualified(part: DatePart, text: string): string {
  if (part.approximate && part.uncertain) return `possibly about ${text}`;
  if (part.approximate) return `about ${text}`;
  if (part.uncertain) return `possibly ${text}`;
  return text;
}

function dateWords(part: DatePart): string {
  return qualified(part, full(bareWords(part)));
}

/** Words that share their tail: "20 or 21 May 1977" rather than "20 May 1977 or 21 May 1977". */
function shared(parts: DatePart[]): { leads: string[]; tail: string } | null {
  if (parts.length < 2 || !parts.every(plain)) return null;
  const words = parts.map(bareWords);
  const first = words[0]!;
  if (first.shape === 'other' || !words.every((w) => w.shape === first.shape && w.tail === first.tail)) {
    // Days of different months in one year: "31 January or 1 February 1977".
    if (!words.every((w) => w.shape === 'day') || !parts.every((p) => p.year === parts[0]!.year)) return null;
    const year = yearWords(parts[0]!.year);
    return { leads: words.map((w) => `${w.lead} ${w.tail.slice(0, -year.length - 1)}`), tail: year };
  }
  return { leads: words.map((w) => w.lead), tail: first.tail };
}

function list(items: string[], conjunction: 'or' | 'and'): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items.at(-1)}`;
}

/** "June or July 2017", or each date in full when they share nothing. */
function datesWords(parts: DatePart[], conjunction: 'or' | 'and'): string {
  const common = shared(parts);
  if (common) return `${list(common.leads, conjunction)} ${common.tail}`;
  return list(parts.map(dateWords), conjunction);
}

/** "from June to September 2017", "from 2016 to about 2018". */
function spanWords(from: DatePart, to: DatePart, [before, between]: [string, string]): string {
  const common = shared([from, to]);
  if (common) return `${before}${common.leads[0]} ${between} ${common.leads[1]} ${common.tail}`;
  return `${before}${dateWords(from)} ${between} ${dateWords(to)}`;
}

/** The next year, month or day after `part` at its own precision, to tell "a or b" from a run. */
function follows(from: DatePart, to: DatePart): boolean {
  if (from.approximate !== to.approximate || from.uncertain !== to.uncertain) return false;
  if (from.season !== undefined || to.season !== undefined) return false;
  if (!/^-?\d+$/.test(from.year) || !/^-?\d+$/.test(to.year)) return false;
  if (Boolean(from.month) !== Boolean(to.month) || Boolean(from.day) !== Boolean(to.day)) return false;
  const at = (p: DatePart) => Date.UTC(Number(p.year), Number(p.month ?? 1) - 1, Number(p.day ?? 1));
  const next = new Date(at(from));
  if (from.day) next.setUTCDate(next.getUTCDate() + 1);
  else if (from.month) next.setUTCMonth(next.getUTCMonth() + 1);
  else next.setUTCFullYear(next.getUTCFullYear() + 1);
  return next.getTime() === at(to);
}

function memberWords(member: SetMember, mode: SetPart['mode']): string {
  switch (member.kind) {
    case 'date':
      return dateWords(member);
    case 'before':
      return `before ${dateWords(member.to)}`;
    case 'after':
      return `after ${dateWords(member.from)}`;
    case 'range':
      return mode === 'one'
        ? spanWords(member.from, member.to, ['between ', 'and'])
        : spanWords(member.from, member.to, ['', 'to']);
  }
}

function setWords(set: SetPart): string {
  const conjunction = set.mode === 'one' ? 'or' : 'and';
  // A run of two ("[2017-06..2017-07]") reads as the two dates: "June or July 2017".
  const members = set.members.flatMap((m): SetMember[] =>
    m.kind === 'range' && follows(m.from, m.to) ? [m.from, m.to] : [m],
  );
  if (members.every((m): m is DatePart => m.kind === 'date')) return datesWords(members, conjunction);
  return list(
    members.map((m) => memberWords(m, set.mode)),
    conjunction,
  );
}

function partWords(part: Part): string {
  return part.kind === 'set' ? setWords(part) : dateWords(part);
}

function intervalWords(start: Side, end: Side): string {
  if (typeof start !== 'string' && typeof end !== 'string') {
    if (start.kind === 'date' && end.kind === 'date') return spanWords(start, end, ['from ', 'to']);
    return `from ${partWords(start)} to ${partWords(end)}`;
  }
  if (typeof start !== 'string') {
    return `from ${partWords(start)}, ${end === 'open' ? 'still ongoing' : 'end unknown'}`;
  }
  if (typeof end !== 'string') return `until ${partWords(end)}, start unknown`;
  throw new PhraseError('an interval needs a start or an end');
}

/** The phrase of an EDTF value; throws on text that is not EDTF Kinline reads. */
export function phraseEdtf(edtf: string): string {
  let syntax: ReturnType<typeof parseSyntax>;
  try {
    syntax = parseSyntax(edtf);
  } catch (error) {
    throw new PhraseError((error as Error).message);
  }
  const words = syntax.kind === 'single' ? partWords(syntax.part) : intervalWords(syntax.start, syntax.end);
  if (/NaN|undefined/.test(words)) throw new PhraseError(`"${edtf}" gave "${words}"`);
  return words;
}

/**
 * The phrase of a stored EDTF value, for display: never throws and never shows "NaN" or
 * "undefined". A value it cannot phrase is shown as the EDTF itself.
 */
export function phraseOf(edtf: string): string {
  try {
    return phraseEdtf(edtf);
  } catch {
    return `EDTF ${edtf}`;
  }
}
