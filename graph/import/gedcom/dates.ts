import { edtfProblem } from '../../dates/edtf.js';

/**
 * GEDCOM 5.5.1 DATE_VALUE -> EDTF (ISO 8601-2), as issue 6 asks:
 * ABT/CAL/EST x -> x~, BEF x -> [..x] (on or before x), AFT x -> [x..] (on or after x),
 * BET x AND y -> [x..y] (some time between), FROM x TO y -> x/y (lasting from x to y),
 * FROM x -> x/.., TO y -> ../y. BEF, AFT and BET date one moment (a birth after 1950), so they are
 * EDTF sets, not intervals that last (graph/README.md, Dates).
 * Dual years ("1637/38", PAF's "1637/1638"): with a day or month the new-style (second) year is
 * used; a bare dual year is one of both years ("[1815..1816]").
 */
export type GedcomDate =
  | { ok: true; edtf: string }
  /** A recognised but incomplete date ("10 JAN": no year): kept as text, not as a date. */
  | { ok: false; incomplete: true; message: string }
  | { ok: false; incomplete: false; message: string };

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const pad = (n: number, width = 2) => String(n).padStart(width, '0');

class DateTextError extends Error {
  constructor(
    message: string,
    readonly incomplete = false,
  ) {
    super(message);
  }
}

/** One calendar date: [day] [month] year [B.C.]. Returns 1 or 2 EDTF strings (dual year). */
function simpleDate(text: string): string[] {
  const words = text
    .replace(/@#D[A-Z ]+@/g, '')
    .trim()
    .split(/\s+/)
    .filter(Boolean);
  let bc = false;
  if (words.length && /^(B\.?C\.?|BCE)$/i.test(words[words.length - 1]!)) {
    bc = true;
    words.pop();
  }
  const yearWord = words.pop();
  if (!yearWord) throw new DateTextError('no date');
  const dual = /^(\d{1,4})\/(\d{1,4})$/.exec(yearWord);
  if (!dual && !/^\d{1,4}$/.test(yearWord)) {
    if (MONTHS.includes(yearWord.toUpperCase()) && words.every((w) => /^\d{1,2}$/.test(w)))
      throw new DateTextError(`"${text.trim()}" has no year`, true);
    throw new DateTextError(`"${yearWord}" is not a year`);
  }
  const monthWord = words.pop();
  const dayWord = words.pop();
  if (words.length > 0) throw new DateTextError(`unexpected "${words.join(' ')}"`);
  let month: number | undefined;
  if (monthWord !== undefined) {
    month = MONTHS.indexOf(monthWord.toUpperCase()) + 1;
    if (month === 0) throw new DateTextError(`"${monthWord}" is not a month (JAN..DEC)`);
  }
  let day: number | undefined;
  if (dayWord !== undefined) {
    if (!/^\d{1,2}$/.test(dayWord)) throw new DateTextError(`"${dayWord}" is not a day`);
    day = Number(dayWord);
  }
  const yearText = (y: number) => (bc ? `-${pad(y - 1, 4)}` : pad(y, 4));
  const render = (y: number) =>
    [yearText(y), month ? pad(month) : null, day ? pad(day) : null].filter(Boolean).join('-');
  if (!dual) return [render(Number(yearWord))];
  const first = Number(dual[1]);
  const secondDigits = dual[2]!;
  const second =
    secondDigits.length >= 3
      ? Number(secondDigits)
      : Number(String(first).slice(0, -secondDigits.length) + secondDigits);
  if (month !== undefined) return [render(second)];
  return second === first ? [render(first)] : [render(first), render(second)];
}

// A bare dual year ("1815/1816", Old and New Style) is one of the two years.
const eitherYear = (parts: string[]) => (parts.length === 1 ? parts[0]! : `[${parts[0]}..${parts[1]}]`);
const approx = (parts: string[]) => eitherYear(parts.map((p) => `${p}~`));

function convert(raw: string): string {
  const text = raw.trim().replace(/\s+/g, ' ').toUpperCase();
  if (!text) throw new DateTextError('empty date');
  if (/^\(.*\)$/.test(text)) throw new DateTextError(`"${raw.trim()}" is a date phrase, not a date`, true);
  let m: RegExpExecArray | null;
  if ((m = /^(ABT|CAL|EST|ABOUT|CIRCA|C\.) (.+)$/.exec(text))) return approx(simpleDate(m[2]!));
  if ((m = /^INT (.+?)(?: \(.*\))?$/.exec(text))) return approx(simpleDate(m[1]!));
  if ((m = /^BEF (.+)$/.exec(text))) return `[..${simpleDate(m[1]!).at(-1)}]`;
  if ((m = /^AFT (.+)$/.exec(text))) return `[${simpleDate(m[1]!)[0]}..]`;
  if ((m = /^BET (.+) AND (.+)$/.exec(text))) return `[${simpleDate(m[1]!)[0]}..${simpleDate(m[2]!).at(-1)}]`;
  if ((m = /^FROM (.+) TO (.+)$/.exec(text))) return `${simpleDate(m[1]!)[0]}/${simpleDate(m[2]!).at(-1)}`;
  if ((m = /^FROM (.+)$/.exec(text))) return `${simpleDate(m[1]!)[0]}/..`;
  if ((m = /^TO (.+)$/.exec(text))) return `../${simpleDate(m[1]!).at(-1)}`;
  return eitherYear(simpleDate(text));
}

const memo = new Map<string, GedcomDate>();

export function gedcomDateToEdtf(raw: string): GedcomDate {
  let result = memo.get(raw);
  if (!result) {
    result = convertChecked(raw);
    if (memo.size > 50_000) memo.clear();
    memo.set(raw, result);
  }
  return result;
}

function convertChecked(raw: string): GedcomDate {
  try {
    const edtf = convert(raw);
    const problem = edtfProblem(edtf);
    if (problem) return { ok: false, incomplete: false, message: `GEDCOM date "${raw.trim()}" gives ${problem}` };
    return { ok: true, edtf };
  } catch (error) {
    const incomplete = error instanceof DateTextError && error.incomplete;
    return { ok: false, incomplete, message: `unreadable GEDCOM date "${raw.trim()}": ${(error as Error).message}` };
  }
}

/** EDTF -> GEDCOM DATE_VALUE, for the GEDCOM export (the inverse of the mapping above). */
export function edtfToGedcomDate(edtf: string): string | null {
  const one = (part: string): string | null => {
    const m = /^(-?)(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?([~?%]?)$/.exec(part);
    if (!m) return null;
    const year = m[1] ? `${Number(m[2]) + 1} B.C.` : String(Number(m[2]));
    const words = [m[4] ? String(Number(m[4])) : null, m[3] ? MONTHS[Number(m[3]) - 1] : null, year]
      .filter(Boolean)
      .join(' ');
    return m[5] ? `ABT ${words}` : words;
  };
  // The sets BEF, AFT and BET are read as (above): "[..x]", "[x..]", "[x..y]".
  const set = /^\[([^,.[\]]*)\.\.([^,.[\]]*)\]$/.exec(edtf);
  if (set) {
    const [from, to] = [set[1] ? one(set[1]) : '', set[2] ? one(set[2]) : ''];
    if (from === null || to === null) return null;
    // "ABT 1103/1104" (an approximate dual year) is the only approximate range GEDCOM can say.
    if (from.startsWith('ABT') || to.startsWith('ABT')) {
      const [ys, ye] = [from.slice(4), to.slice(4)];
      return from.startsWith('ABT') && to.startsWith('ABT') && /^\d+$/.test(ys) && /^\d+$/.test(ye)
        ? `ABT ${ys}/${ye}`
        : null;
    }
    if (from && to) return `BET ${from} AND ${to}`;
    return from ? `AFT ${from}` : to ? `BEF ${to}` : null;
  }
  const [start, end, extra] = edtf.split('/');
  if (extra !== undefined) return null;
  if (end === undefined) return one(start!);
  if (start === '..' || start === '') {
    const e = one(end);
    return e && !e.startsWith('ABT') ? `TO ${e}` : null;
  }
  if (end === '..' || end === '') {
    const s = one(start!);
    return s && !s.startsWith('ABT') ? `FROM ${s}` : null;
  }
  const s = one(start!);
  const e = one(end);
  if (!s || !e || s.startsWith('ABT') || e.startsWith('ABT')) return null;
  return `FROM ${s} TO ${e}`;
}
