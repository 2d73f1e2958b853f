import { isUnspaced, TermSet, tokenize } from './term-scan.js';

/** A person a reader may not read by name, as the export shows them instead. */
export interface WithheldPerson {
  id: string;
  publicId: string;
  pseudonym: string;
  /** Every name as written, pseudonyms excluded. */
  names: readonly string[];
  identityNumbers: readonly string[];
  /** Birth and death dates (EDTF). */
  dates: readonly string[];
}

/** What a found term stands for: whose it is and what the reader sees in its place. */
export interface Mention {
  person: string;
  replacement: string;
}

export const WITHHELD = '[withheld]';

/** A given name alone is a term only from this many letters: "Ali" or "Li" alone match too much. */
const GIVEN_NAME_MIN_LETTERS = 4;
const letters = (words: readonly string[]) => words.join('').replace(/[^\p{L}]/gu, '').length;
const words = (text: string) => tokenize(text).map((t) => t.text);

/** Too short to be a name of its own: three letters, or two in a script without spaces (李娜). */
const tooShort = (name: string, folded: readonly string[]) => folded.join('').length < (isUnspaced(name) ? 2 : 3);

/** A placeholder the pseudonym itself repeats ("Child 1" -> "Child 1 of family K") is no secret. */
function inPseudonym(folded: readonly string[], pseudonym: readonly string[]): boolean {
  for (let i = 0; i + folded.length <= pseudonym.length; i++)
    if (folded.every((word, k) => pseudonym[i + k] === word)) return true;
  return false;
}

/**
 * The orders a name is written in: as stored, "Surname, Given" (last word first) and the reverse
 * ("Given Surname" for a name stored "Surname, Given"), and all words run together (ids, URLs,
 * "AigerimBekova" with a zero-width space) for names in spaced scripts.
 */
export function nameForms(folded: readonly string[], name: string): string[][] {
  if (folded.length < 2) return [[...folded]];
  const forms = [[...folded], [folded.at(-1)!, ...folded.slice(0, -1)], [...folded.slice(1), folded[0]!]];
  if (!isUnspaced(name)) forms.push([folded.join('')]);
  return forms;
}

/** "Bekova, Aigerim" -> "Aigerim"; "Aigerim Bekova" -> "Aigerim": the given name as written. */
function givenName(name: string): string | undefined {
  const comma = name.indexOf(',');
  const given = (comma >= 0 ? name.slice(comma + 1) : name).trim().split(/\s+/u)[0];
  return given && given !== name.trim() ? given : undefined;
}

// English month names, computed once: "March", and GEDCOM's "MAR".
const MONTH_NAMES = Array.from({ length: 12 }, (_, m) =>
  new Date(Date.UTC(2000, m, 1)).toLocaleString('en', { month: 'long', timeZone: 'UTC' }),
);
const MONTHS = MONTH_NAMES.map((name) => name.slice(0, 3).toUpperCase());

/** An EDTF day ("2012-03-04", "2012-03-04~") as the texts of sources may write it. */
function dateForms(edtf: string): string[] {
  const m = /^(\d{4})-(\d{2})-(\d{2})[~?%]?$/.exec(edtf);
  if (!m) return [];
  const [, y, mm, dd] = m as unknown as [string, string, string, string];
  const month = MONTHS[Number(mm) - 1];
  const monthName = MONTH_NAMES[Number(mm) - 1];
  const day = String(Number(dd));
  return [
    `${y}-${mm}-${dd}`,
    `${dd}.${mm}.${y}`,
    `${day} ${month} ${y}`,
    `${day} ${monthName} ${y}`,
    `${monthName} ${day} ${y}`,
  ];
}

/**
 * Every term that points at a withheld person: each name in the orders above, the given name alone
 * (4+ letters, unless the pseudonym repeats it), the real id (exactly as written), identity numbers,
 * and birth and death days. Names and ids give way to the pseudonym and the public id; numbers and
 * dates to "[withheld]".
 */
export function withheldTerms(people: readonly WithheldPerson[]): TermSet<Mention> {
  const terms = new TermSet<Mention>();
  for (const person of people) {
    const pseudonym = words(person.pseudonym);
    const named: Mention = { person: person.id, replacement: person.pseudonym };
    for (const name of person.names) {
      const folded = words(name);
      if (tooShort(name, folded) || inPseudonym(folded, pseudonym)) continue;
      for (const form of nameForms(folded, name)) terms.addWords(form, named);
      const given = givenName(name);
      const givenWords = given ? words(given) : [];
      if (letters(givenWords) >= GIVEN_NAME_MIN_LETTERS && !inPseudonym(givenWords, pseudonym))
        terms.addWords(givenWords, named);
    }
    terms.addWords(words(person.id), { person: person.id, replacement: person.publicId }, { exact: person.id });
    const withheld: Mention = { person: person.id, replacement: WITHHELD };
    for (const number of person.identityNumbers) if (number.length >= 4) terms.addWords(words(number), withheld);
    for (const date of person.dates) for (const form of dateForms(date)) terms.addWords(words(form), withheld);
  }
  return terms;
}

/**
 * Names a reader may read that no withheld term equals: wherever one is written whole, a withheld
 * term inside it is left alone ("Aigerim Sultanova" keeps "Aigerim" although a withheld child is
 * called Aigerim Bekova). A name that equals a withheld one is kept only in its bearer's own records
 * (see redact-dataset.ts), since elsewhere it cannot be told from the withheld person's.
 */
export function keptNames(names: Iterable<string>, withheld: TermSet<Mention>): TermSet<true> {
  const kept = new TermSet<true>();
  for (const name of names) {
    const folded = words(name);
    if (folded.length > 0 && !withheld.has(folded.join(' '))) kept.addWords(folded, true);
  }
  return kept;
}

/** The folded words of a name, to find where a record's own bearer is named in it. */
export const nameWords = words;
