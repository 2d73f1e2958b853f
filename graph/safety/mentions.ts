import { foldName } from '../search/fold.js';
import { type Clearance, CLEARANCES } from '../access/roles.js';

/**
 * Finds where a text mentions a protected person, however it is written: Unicode compatibility
 * forms, case, marks, Cyrillic transliteration, any spacing (no-break and zero-width spaces
 * included) and punctuation fold away ("AIGERIM\u00a0 Bekova", "bekova, aigerim" and
 * "aigerim-bekova" all meet "Aigerim Bekova"). Used when records are written, to store the
 * clearance a record needs (graph/store/protection.ts), never to rewrite text.
 */

const INVISIBLE = /[\u00ad\u180e\u200b-\u200f\u2060-\u2064\ufeff]/g;
// Han, kana and Hangul are written without spaces: each character is its own token, so a
// Chinese name inside a sentence is still a run of whole tokens.
const UNSPACED = /([\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}])/gu;

/** Text as a sequence of folded tokens joined by single spaces. */
export function foldText(text: string): string {
  return foldName(text.normalize('NFKC').replace(INVISIBLE, '').replace(UNSPACED, ' $1 '))
    .split(' ')
    .filter(Boolean)
    .join(' ');
}

const MAX_TOKENS = 8;
const HAS_UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/** Long enough to identify someone: three letters, or two characters of a script without spaces. */
const identifying = (folded: string) =>
  folded.replaceAll(' ', '').length >= (HAS_UNSPACED.test(folded) ? 2 : 3) && folded.split(' ').length <= MAX_TOKENS;

/** The folded forms under which a person's name may appear: as written, surname first, given name alone. */
export function nameForms(name: string): string[] {
  const folded = foldText(name);
  if (!folded) return [];
  const tokens = folded.split(' ');
  const forms = [folded];
  if (tokens.length >= 2 && !HAS_UNSPACED.test(folded)) {
    forms.push([tokens.at(-1)!, ...tokens.slice(0, -1)].join(' '));
    if (tokens[0]!.length >= 4) forms.push(tokens[0]!);
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
        publicSpans.add(tokens.slice(i, j).join(' '));
  }
  const needsByTerm = new Map<string, Clearance>();
  for (const [term, needs] of terms) {
    if (!identifying(term) || publicSpans.has(term)) continue;
    needsByTerm.set(term, higher(needsByTerm.get(term), needs)!);
  }
  const prefixes = new Set<string>();
  for (const term of needsByTerm.keys()) {
    const tokens = term.split(' ');
    for (let i = 1; i <= tokens.length; i++) prefixes.add(tokens.slice(0, i).join(' '));
  }
  return {
    size: needsByTerm.size,
    needs(...texts) {
      if (needsByTerm.size === 0) return undefined;
      let found: Clearance | undefined;
      for (const text of texts) {
        if (!text) continue;
        const tokens = foldText(text).split(' ');
        for (let start = 0; start < tokens.length; start++) {
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

/** The terms that identify one protected person: every form of every name, its id and identity numbers. */
export function termsOfPerson(
  person: { id: string; names: readonly { value: string }[]; identityNumbers?: readonly string[] | null },
  needs: Clearance,
): [string, Clearance][] {
  const forms = [
    ...person.names.flatMap((n) => nameForms(n.value)),
    foldText(person.id),
    ...(person.identityNumbers ?? []).map(foldText),
  ];
  return [...new Set(forms)].filter(Boolean).map((form) => [form, needs]);
}
