/**
 * The generation a RELATIVE_OF's words imply. `relation` says what `from` is to `to` ("maternal
 * uncle"); the answer is `from`'s generation relative to `to`'s: -1 one generation up (an uncle),
 * +1 one down (a niece), 0 the same (a cousin), undefined when the words do not say (a "relative",
 * a "cousin once removed", a word not listed here). Only the family view uses it, to place people
 * in rows; it never changes what is stored or named.
 */

/** Words one generation up (-1), down (+1) or level (0), in English, Spanish and French. */
const BASE: Record<string, number> = {
  father: -1,
  mother: -1,
  parent: -1,
  dad: -1,
  mum: -1,
  mom: -1,
  uncle: -1,
  aunt: -1,
  son: 1,
  daughter: 1,
  child: 1,
  nephew: 1,
  niece: 1,
  brother: 0,
  sister: 0,
  sibling: 0,
  cousin: 0,
  husband: 0,
  wife: 0,
  spouse: 0,
  partner: 0,
  // Spanish
  padre: -1,
  madre: -1,
  tio: -1,
  tia: -1,
  suegro: -1,
  suegra: -1,
  hijo: 1,
  hija: 1,
  sobrino: 1,
  sobrina: 1,
  yerno: 1,
  nuera: 1,
  hermano: 0,
  hermana: 0,
  primo: 0,
  prima: 0,
  esposo: 0,
  esposa: 0,
  cunado: 0,
  cunada: 0,
  abuelo: -2,
  abuela: -2,
  nieto: 2,
  nieta: 2,
  bisabuelo: -3,
  bisabuela: -3,
  bisnieto: 3,
  bisnieta: 3,
  tatarabuelo: -4,
  tatarabuela: -4,
  // French
  pere: -1,
  mere: -1,
  oncle: -1,
  tante: -1,
  fils: 1,
  fille: 1,
  neveu: 1,
  frere: 0,
  soeur: 0,
  cousine: 0,
  epoux: 0,
  epouse: 0,
};

/** Words that say nothing certain about the generation, whatever else the phrase says. */
const VAGUE = /\b(removed|relative|kin|relation|family|pariente|familiar)\b/;

const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

export function generationOfRelation(relation: string | undefined): number | undefined {
  if (!relation) return undefined;
  const text = fold(relation);
  if (VAGUE.test(text)) return undefined;
  // "tío abuelo" (great-uncle): two generations up.
  if (/\bti[oa] abuel[oa]\b/.test(text)) return -2;
  const found = /\b((?:great[- ]?)*)(?:(?:step|half)[- ]?)?(grand[- ]?)?([a-z]+)\b/g;
  for (const m of text.matchAll(found)) {
    const base = BASE[m[3]!];
    if (base === undefined) continue;
    const more = (m[1]!.match(/great/g)?.length ?? 0) + (m[2] ? 1 : 0);
    if (more === 0) return base;
    if (Math.abs(base) !== 1) return undefined;
    return base * (1 + more);
  }
  return undefined;
}
