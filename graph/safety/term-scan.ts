/**
 * Finds terms (names, ids, numbers) in free text however the text writes them: Unicode
 * compatibility forms (NFKD/NFKC: fullwidth letters, ligatures), case, diacritics, any spacing or
 * punctuation between words (double spaces, no-break spaces, "_", "-", "/", ",", "%20" once
 * decoded), zero-width characters (U+200B/C/D, U+2060, U+FEFF) and soft hyphens. Scripts written
 * without spaces between words (Chinese, Japanese, Korean, Thai, ...) are matched character by
 * character, so a name is found inside a sentence.
 *
 * Matching is by words, not by regular expression: at 100,000 people an alternation of every
 * protected name makes each text cost milliseconds, whereas one set lookup per word (a match is
 * extended only while it is still the beginning of some term, as in lexicon.ts) does not grow
 * with the number of terms.
 */

/** A word: letters, digits, combining marks, and the invisible format characters inside it. */
const WORD = /[\p{L}\p{N}\p{M}\p{Cf}]+/gu;
const UNSPACED_CHAR =
  /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}\p{sc=Thai}\p{sc=Lao}\p{sc=Khmer}\p{sc=Myanmar}]/u;
const UNSPACED_SPLIT = new RegExp(`(${UNSPACED_CHAR.source})|((?:(?!${UNSPACED_CHAR.source}).)+)`, 'gsu');
const ASCII = /^[\x00-\x7f]*$/;

/** One folded word of a text, with the span [start, end) it came from. */
export interface Token {
  text: string;
  start: number;
  end: number;
}

const folded = new Map<string, string[]>();

/** The folded parts of one word: NFKD, marks and format characters dropped, recomposed, lowercased. */
function foldWord(word: string): string[] {
  if (ASCII.test(word)) return [word.toLowerCase()];
  let parts = folded.get(word);
  if (!parts) {
    parts = word
      .normalize('NFKD')
      .replace(/[\p{M}\p{Cf}]/gu, '')
      .normalize('NFC')
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean);
    if (folded.size > 100_000) folded.clear();
    folded.set(word, parts);
  }
  return parts;
}

const ASCII_WORD = /[a-z0-9]+/g;

/** The folded words of `text`, in order; unspaced scripts give one token per character. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  if (ASCII.test(text)) {
    // Most texts: lowercasing is all the folding they need.
    for (const match of text.toLowerCase().matchAll(ASCII_WORD))
      tokens.push({ text: match[0], start: match.index, end: match.index + match[0].length });
    return tokens;
  }
  const push = (word: string, start: number) => {
    for (const part of foldWord(word)) tokens.push({ text: part, start, end: start + word.length });
  };
  for (const match of text.matchAll(WORD)) {
    const word = match[0];
    if (!UNSPACED_CHAR.test(word)) {
      push(word, match.index);
      continue;
    }
    for (const piece of word.matchAll(UNSPACED_SPLIT)) push(piece[0], match.index + piece.index);
  }
  return tokens;
}

/** True when the text holds letters of a script written without spaces between words. */
export const isUnspaced = (text: string) => UNSPACED_CHAR.test(text);

export interface Match<T> {
  /** Token indexes of the first and last word matched. */
  first: number;
  last: number;
  start: number;
  end: number;
  value: T;
}

interface Entry<T> {
  value: T;
  /** For terms that must appear exactly as written (ids): the original text, lowercased. */
  exact?: string;
}

/** A set of terms, each a sequence of folded words with a value (what to put instead, whose it is). */
export class TermSet<T> {
  private readonly byKey = new Map<string, Entry<T>[]>();
  private readonly prefixes = new Set<string>();
  private longest = 0;

  /** Adds a term of these words; `exact` terms match only where the text has them as written. */
  addWords(words: readonly string[], value: T, options: { exact?: string } = {}): void {
    if (words.length === 0) return;
    const key = words.join(' ');
    const list = this.byKey.get(key);
    const entry: Entry<T> = { value, ...(options.exact ? { exact: options.exact.toLowerCase() } : {}) };
    if (list) list.push(entry);
    else this.byKey.set(key, [entry]);
    for (let i = 1; i <= words.length; i++) this.prefixes.add(words.slice(0, i).join(' '));
    this.longest = Math.max(this.longest, words.length);
  }

  has(key: string): boolean {
    return this.byKey.has(key);
  }

  /** Non-overlapping matches, left to right; at each word the longest term wins. */
  find(tokens: readonly Token[], text: string): Match<T>[] {
    const out: Match<T>[] = [];
    if (this.byKey.size === 0) return out;
    for (let i = 0; i < tokens.length; ) {
      let best: Match<T> | undefined;
      let key = tokens[i]!.text;
      for (let j = i; j < tokens.length && j - i < this.longest && this.prefixes.has(key); ) {
        const entries = this.byKey.get(key);
        if (entries) {
          const start = tokens[i]!.start;
          const end = tokens[j]!.end;
          const entry = entries.find((e) => e.exact === undefined || e.exact === text.slice(start, end).toLowerCase());
          if (entry) best = { first: i, last: j, start, end, value: entry.value };
        }
        j++;
        if (j < tokens.length) key += ` ${tokens[j]!.text}`;
      }
      if (best) {
        out.push(best);
        i = best.last + 1;
      } else i++;
    }
    return out;
  }
}
