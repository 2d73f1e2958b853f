/**
 * Folds names so that spellings across scripts meet in one search key: "Umarova", "Umarová" and
 * "Умарова" all fold to "umarova". Chinese and Arabic-script names are kept as written (they
 * match through stored aliases: graph/README.md, Search).
 */
const CYRILLIC: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'i',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'iu',
  я: 'ia',
  // Kazakh additions (2021 Latin alphabet, simplified to ASCII)
  ә: 'a',
  ғ: 'g',
  қ: 'q',
  ң: 'ng',
  ө: 'o',
  ұ: 'u',
  ү: 'u',
  һ: 'h',
  і: 'i',
};

export function foldName(text: string): string {
  const lower = text.toLowerCase();
  let out = '';
  for (const char of lower) out += CYRILLIC[char] ?? char;
  return out
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[‘’ʼ'`´]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Every name as written plus its folded form: the text the full-text index holds. */
export function searchText(names: readonly string[]): string {
  const keys = new Set<string>();
  for (const name of names) {
    keys.add(name);
    const folded = foldName(name);
    if (folded) keys.add(folded);
  }
  return [...keys].join(' | ');
}

const LUCENE_SPECIAL = /[+\-!(){}[\]^"~*?:\\/&|]/g;

/** Words shorter than this match exactly or as a prefix, never fuzzily: "Ali~1" would expand to hundreds of names. */
const FUZZY_MIN_LENGTH = 5;

/** Builds a Lucene query from user text: every folded word must match, the last as a prefix. */
export function luceneQuery(text: string): string | null {
  // The index lowercases what it holds; lowercased words keep "Aigerim" and "aigerim" from expanding twice.
  const words = [...new Set([...foldName(text).split(' '), ...text.toLowerCase().split(/\s+/)])]
    .map((word) => word.replace(LUCENE_SPECIAL, ' ').trim())
    .flatMap((word) => word.split(/\s+/))
    .filter((word) => word.length > 0)
    .slice(0, 12);
  if (words.length === 0) return null;
  const folded = foldName(text)
    .split(' ')
    .filter(Boolean)
    .slice(0, 12)
    .map((w) => w.replace(LUCENE_SPECIAL, ''));
  const exactAll =
    folded.length > 0
      ? `(${folded.map((w, i) => (i === folded.length - 1 ? `(${w} OR ${w}*)` : w)).join(' AND ')})^2`
      : '';
  // Fuzzy terms catch one-letter variants of transliteration (Qorgas / Korgas); all-words scores higher.
  const any = [...new Set(words)].map((w) => ([...w].length >= FUZZY_MIN_LENGTH ? `${w}~1` : w)).join(' OR ');
  return [exactAll, any].filter(Boolean).join(' OR ');
}
