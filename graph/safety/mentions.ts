import { foldName } from '../search/fold.js';
import { type Clearance, CLEARANCES } from '../access/roles.js';

/**
 * Finds where a text mentions a protected person, however it is written: Unicode compatibility
 * forms, case, marks, Cyrillic transliteration, any spacing (no-break and zero-width spaces
 * included), punctuation and percent-encoding fold away ("AIGERIM\u00a0 Bekova", "bekova, aigerim",
 * "aigerim-bekova" and "%D0%90%D0%B9%D0%B3..." all meet "Aigerim Bekova"); a name written as one
 * word ("AigerimBekova", or split only by a zero-width space) and a possessive ("Aigerim's") are
 * found too. Used when records are written, to store the clearance a record needs
 * (graph/store/protection.ts), never to rewrite text.
 */

const INVISIBLE = /[\u00ad\u180e\u200b-\u200f\u2060-\u2064\ufeff]/g;
const PERCENT_ENCODED = /(?:%[0-9a-f]{2})+/gi;
const APOSTROPHE = /[‘’ʼ'`´]/;
const APOSTROPHES = new RegExp(APOSTROPHE.source, 'g');

/** A URL's percent-encoded bytes as the text they spell ("%D0%90" is "А"); malformed runs stay. */
function percentDecoded(text: string): string {
  return text.replace(PERCENT_ENCODED, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      return run;
    }
  });
}
// Han, kana and Hangul are written without spaces: each character is its own token, so a
// Chinese name inside a sentence is still a run of whole tokens.
const UNSPACED = /([\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}])/gu;

/** Text as a sequence of folded tokens joined by single spaces. */
export function foldText(text: string): string {
  return foldName(percentDecoded(text).normalize('NFKC').replace(INVISIBLE, '').replace(UNSPACED, ' $1 '))
    .split(' ')
    .filter(Boolean)
    .join(' ');
}

/**
 * The foldings a text is matched in: as foldText reads it (apostrophes dropped, so "Ma'ruf" meets
 * "Maruf"), and, when it has apostrophes, with them as word breaks (so "Aigerim's" meets "Aigerim").
 */
function foldings(text: string): string[] {
  const folded = foldText(text);
  if (!APOSTROPHE.test(text)) return [folded];
  return [folded, foldText(text.replace(APOSTROPHES, ' '))];
}

const MAX_TOKENS = 8;
const HAS_UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/** Shorter than this, a name written as one word ("Li Na" as "lina") is some other word. */
const MIN_JOINED = 8;

/** A folded form of several words also as one word ("aigerim bekova" as "aigerimbekova"). */
function withJoined(form: string): string[] {
  if (!form.includes(' ') || HAS_UNSPACED.test(form)) return [form];
  const joined = form.replaceAll(' ', '');
  return joined.length >= MIN_JOINED ? [form, joined] : [form];
}

/** Long enough to identify someone: three letters, or two characters of a script without spaces. */
const identifying = (folded: string) =>
  folded.replaceAll(' ', '').length >= (HAS_UNSPACED.test(folded) ? 2 : 3) && folded.split(' ').length <= MAX_TOKENS;

/**
 * A name written as a person's name: two to four words, each capitalised (or in a script without
 * case), no digits. "Aigerim Bekova" is one; "Father of the four children (case BW-2019-01)" and
 * "Child 1", placeholders a curator wrote, are not, and their first word alone ("Father", "Child")
 * names no one.
 */
const personalName = (name: string) => {
  const words = name
    .normalize('NFKC')
    .trim()
    .split(/[\s\u00a0]+/);
  return words.length >= 2 && words.length <= 4 && words.every((w) => /^[\p{Lu}\p{Lo}][\p{L}\p{M}'’.-]*$/u.test(w));
};

/** The folded forms under which a person's name may appear: as written, surname first, given name alone. */
export function nameForms(name: string): string[] {
  const folded = foldText(name);
  if (!folded) return [];
  const tokens = folded.split(' ');
  const forms = withJoined(folded);
  if (tokens.length >= 2 && !HAS_UNSPACED.test(folded)) {
    forms.push(...withJoined([tokens.at(-1)!, ...tokens.slice(0, -1)].join(' ')));
    if (tokens[0]!.length >= 4 && personalName(name)) forms.push(tokens[0]!);
  }
  return forms;
}

const rank = (c: Clearance) => CLEARANCES.indexOf(c);
export const higher = (a: Clearance | undefined, b: Clearance | undefined): Clearance | undefined =>
  !a ? b : !b ? a : rank(a) >= rank(b) ? a : b;

export interface MentionMatcher {
  /** The highest clearance needed by the protected people that `text` mentions; undefined: none. */
  needs(...texts: (string | null | undefined)[]): Clearance | undefined;
  size: number;
}

/**
 * A matcher over terms (folded names, ids, identity numbers) with the clearance each needs.
 * `publicTerms` are folded names of people anyone may read: a protected person's name that a
 * public namesake also bears identifies no one, and matching it would hide the namesake's own
 * records (the namesake keeps their names).
 */
export function mentionMatcher(
  terms: Iterable<[string, Clearance]>,
  publicNames: Iterable<string> = [],
): MentionMatcher {
  const publicSpans = new Set<string>();
  for (const name of publicNames) {
    const tokens = foldText(name).split(' ').filter(Boolean);
    for (let i = 0; i < tokens.length; i++)
      for (let j = i + 1; j <= Math.min(tokens.length, i + MAX_TOKENS); j++)
        for (const span of withJoined(tokens.slice(i, j).join(' '))) publicSpans.add(span);
  }
  const needsByTerm = new Map<string, Clearance>();
  for (const [term, needs] of terms) {
    if (!identifying(term) || publicSpans.has(term)) continue;
    needsByTerm.set(term, higher(needsByTerm.get(term), needs)!);
  }
  const prefixes = new Set<string>();
  // One-word terms long enough to be met split over several words ("650102 2009 0101 1234").
  let longestWord = 0;
  for (const term of needsByTerm.keys()) {
    const tokens = term.split(' ');
    for (let i = 1; i <= tokens.length; i++) prefixes.add(tokens.slice(0, i).join(' '));
    if (tokens.length === 1 && term.length >= MIN_JOINED) longestWord = Math.max(longestWord, term.length);
  }
  /** The clearance a run of words starting at `start` needs when read as one word. */
  const asOneWord = (tokens: string[], start: number): Clearance | undefined => {
    let found: Clearance | undefined;
    let word = tokens[start]!;
    for (let end = start + 1; end < tokens.length && end - start < MAX_TOKENS; end++) {
      word += tokens[end];
      if (word.length > longestWord) break;
      found = higher(found, needsByTerm.get(word));
    }
    return found;
  };
  return {
    size: needsByTerm.size,
    needs(...texts) {
      if (needsByTerm.size === 0) return undefined;
      let found: Clearance | undefined;
      for (const text of texts.flatMap((t) => (t ? foldings(t) : []))) {
        const tokens = text.split(' ');
        for (let start = 0; start < tokens.length; start++) {
          if (longestWord) found = higher(found, asOneWord(tokens, start));
          let span = tokens[start]!;
          for (let end = start + 1; prefixes.has(span); end++) {
            found = higher(found, needsByTerm.get(span));
            if (found === 'confidential') return found;
            if (end >= tokens.length || end - start >= MAX_TOKENS) break;
            span = `${span} ${tokens[end]}`;
          }
        }
      }
      return found;
    },
  };
}

/**
 * The terms that identify one protected person: every form of every name, its id and identity
 * numbers. A name that is part of the person's own pseudonym ("Child 1" of "Child 1 of family
 * BW-2019-01") is shown anyway, so it is no secret.
 */
export function termsOfPerson(
  person: {
    id: string;
    names: readonly { value: string }[];
    identityNumbers?: readonly string[] | null;
    /** A case list's number identifies its person as an identity number does. */
    identifiers?: readonly { value: string }[] | null;
    pseudonym?: string | null;
  },
  needs: Clearance,
): [string, Clearance][] {
  const shown = ` ${foldText(person.pseudonym ?? '')} `;
  const forms = [
    ...person.names.flatMap((n) => nameForms(n.value)).filter((form) => !shown.includes(` ${form} `)),
    ...withJoined(foldText(person.id)),
    // "KZ-ID-140719-51" is also written "KZID14071951".
    ...[...(person.identityNumbers ?? []), ...(person.identifiers ?? []).map((i) => i.value)].flatMap((number) =>
      withJoined(foldText(number)),
    ),
  ];
  return [...new Set(forms)].filter(Boolean).map((form) => [form, needs]);
}
