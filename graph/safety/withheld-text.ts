import { type Match, TermSet, tokenize, type Token } from './term-scan.js';
import { keptNames, type Mention, nameForms, nameWords } from './withheld-terms.js';

/**
 * The names of a record's own bearers: a namesake's own records keep the name they share. Made
 * only when a text of the record names someone withheld (rarely), so given as a function.
 */
export type Owners = () => readonly TermSet<true>[];

export const NO_OWNERS: Owners = () => [];

/** A bearer's names in every order they are written in. */
export function ownerOf(names: readonly string[]): TermSet<true> {
  const own = new TermSet<true>();
  for (const name of names) for (const form of nameForms(nameWords(name), name)) own.addWords(form, true);
  return own;
}

const overlaps = (m: Match<unknown>, spans: readonly [number, number][]) =>
  spans.some(([first, last]) => m.first <= last && first <= m.last);

/**
 * How free text (names of other records, descriptions, excerpts, locators, ids, URLs) speaks of
 * withheld people: where it names them, and the text with each mention replaced. A withheld term
 * is left alone where it lies inside a name the reader may read that no withheld term equals
 * ("Aigerim Sultanova"), or inside a name of the record's own bearers (a public namesake's own
 * record keeps "Aigerim Bekova" although a withheld child bears the same name).
 */
export class WithheldText {
  private readonly kept: TermSet<true>;

  constructor(
    private readonly terms: TermSet<Mention>,
    readableNames: Iterable<string>,
  ) {
    this.kept = keptNames(readableNames, terms);
  }

  private found(text: string, owners: Owners): Match<Mention>[] {
    if (!text) return [];
    const tokens: Token[] = tokenize(text);
    const matches = this.terms.find(tokens, text);
    if (matches.length === 0) return matches;
    const spans = [this.kept, ...owners()].flatMap((set) =>
      set.find(tokens, text).map((m): [number, number] => [m.first, m.last]),
    );
    return spans.length ? matches.filter((m) => !overlaps(m, spans)) : matches;
  }

  mentions(text: string | undefined, owners: Owners = NO_OWNERS): boolean {
    return text !== undefined && this.found(text, owners).length > 0;
  }

  /** A URL names someone in its path or query, written plainly or percent-encoded. */
  urlMentions(url: string, owners: Owners = NO_OWNERS): boolean {
    let decoded = url;
    try {
      decoded = decodeURIComponent(url.replace(/\+/g, ' '));
    } catch {
      // A malformed escape: the URL as written is all there is to read.
    }
    return this.mentions(url, owners) || this.mentions(decoded, owners);
  }

  scrub(text: string, owners: Owners = NO_OWNERS): string {
    const matches = this.found(text, owners);
    if (matches.length === 0) return text;
    let out = '';
    let cursor = 0;
    for (const m of matches) {
      if (m.start < cursor) continue; // two matches within one written word: the first replaced it
      out += text.slice(cursor, m.start) + m.value.replacement;
      cursor = m.end;
    }
    return out + text.slice(cursor);
  }
}
