import { read } from '../db/driver.js';
import { graphGeneration } from '../db/generation.js';
import { ENTITY } from '../vocabulary/entity-types.js';

/**
 * A last line of defence behind presentEntity(): every name, alias, identity number and real id
 * tied to a protected person, with what to show instead. Response bodies and exports are scanned
 * with it, so a code path that forgot to redact still cannot leak (graph/README.md, Safety: "hiding a
 * person must not be undone by the edges around it").
 */
export interface Lexicon {
  /** Replaces every protected term in `text`. */
  scrub(text: string): string;
  size: number;
}

const MAX_WORDS = 6;
// Tokens: letters, digits and the joiners of slugs and names; "#" splits claim ids from their fact.
const TOKEN = /[\p{L}\p{N}\p{M}_.:'’-]+/gu;

/** The first token at or after `from`, as [start, end]; null when there is none. */
function tokenAt(text: string, from: number, scanner: RegExp): [number, number] | null {
  scanner.lastIndex = from;
  const found = scanner.exec(text);
  return found ? [found.index, found.index + found[0].length] : null;
}

// Replacements land inside JSON strings, XML and CSV: keep them free of quoting characters.
const safe = (text: string) => text.replace(/["\\<>&\n\r,]/g, ' ');

export function buildLexicon(input: ReadonlyMap<string, string>): Lexicon {
  const terms = new Map([...input].map(([term, replacement]) => [term, safe(replacement)]));
  // Every beginning of a term, a whole token at a time: most tokens start no term and are ruled
  // out by one set lookup.
  const prefixes = new Set<string>();
  for (const term of terms.keys()) {
    for (const token of term.matchAll(TOKEN)) prefixes.add(term.slice(0, token.index + token[0].length));
  }
  return {
    size: terms.size,
    scrub(text: string): string {
      if (terms.size === 0) return text;
      // Every response passes through here: a match is extended token by token only while it is
      // still the beginning of some term, so most tokens cost one set lookup.
      const scanner = new RegExp(TOKEN);
      let out = '';
      let cursor = 0;
      for (let token = tokenAt(text, 0, scanner); token; ) {
        const start = token[0];
        let matched = -1;
        for (let words = 1, end = token[1]; words <= MAX_WORDS && prefixes.has(text.slice(start, end)); words++) {
          // Longest match wins, so "Aigerim Bekova" beats "Aigerim".
          if (terms.has(text.slice(start, end))) matched = end;
          const next = tokenAt(text, end, scanner);
          if (!next) break;
          end = next[1];
        }
        if (matched >= 0) {
          out += text.slice(cursor, start) + terms.get(text.slice(start, matched))!;
          cursor = matched;
        }
        token = tokenAt(text, matched >= 0 ? matched : token[1], scanner);
      }
      return cursor === 0 ? text : out + text.slice(cursor);
    },
  };
}

/**
 * `(text) => some pseudonym contains text`, for texts of 3+ characters. Checking every name
 * against every pseudonym is quadratic (36,000 protected people: ~10 minutes with the event loop
 * blocked, issue 7); an index of 3-grams narrows each check to the pseudonyms sharing the text's
 * rarest 3-gram.
 */
function substringOfAny(pseudonyms: string[]): (text: string) => boolean {
  const byGram = new Map<string, string[]>();
  for (const p of new Set(pseudonyms)) {
    for (const gram of new Set(Array.from({ length: Math.max(0, p.length - 2) }, (_, i) => p.slice(i, i + 3)))) {
      const list = byGram.get(gram);
      if (list) list.push(p);
      else byGram.set(gram, [p]);
    }
  }
  return (text) => {
    let fewest: string[] | undefined;
    for (let i = 0; i + 3 <= text.length; i++) {
      const list = byGram.get(text.slice(i, i + 3));
      if (!list) return false;
      if (!fewest || list.length < fewest.length) fewest = list;
    }
    return fewest?.some((p) => p.includes(text)) ?? false;
  };
}

interface ProtectedRow {
  id: string;
  publicId: string;
  pseudonym: string;
  namesJson: string | null;
  identityNumbers: string[] | null;
}

/** Reads the protected terms from the graph. */
export async function loadLexicon(): Promise<Lexicon> {
  const terms = new Map<string, string>();
  const people = await read<ProtectedRow>(
    `MATCH (p:${ENTITY.Person} {protected: true})
     RETURN p.id AS id, p.publicId AS publicId, p.pseudonym AS pseudonym, p.namesJson AS namesJson, p.identityNumbers AS identityNumbers`,
  );
  const inPseudonym = substringOfAny(people.records.map((r) => r.get('pseudonym')));
  for (const record of people.records) {
    const row = record.toObject();
    terms.set(row.id, row.publicId);
    for (const number of row.identityNumbers ?? []) terms.set(number, '[redacted]');
    const names = row.namesJson ? (JSON.parse(row.namesJson) as { value: string }[]).map((n) => n.value) : [];
    for (const name of names) {
      // A placeholder name that is part of a pseudonym ("Child 1") is not a secret.
      if (name.length >= 3 && !inPseudonym(name)) terms.set(name, row.pseudonym);
    }
  }
  const adjacent = await read<{ id: string; publicId: string }>(
    `MATCH (p:${ENTITY.Person} {protected: true})-[r]-(x)
     WITH r, x, type(r) = 'PARTICIPATED_IN' AS viaEvent
     UNWIND (CASE WHEN viaEvent THEN [[r.id, r.publicId], [x.id, x.publicId]] ELSE [[r.id, r.publicId]] END) AS pair
     RETURN DISTINCT pair[0] AS id, pair[1] AS publicId`,
  );
  for (const record of adjacent.records) {
    const id = record.get('id');
    if (id && !terms.has(id)) terms.set(id, record.get('publicId'));
  }
  return buildLexicon(terms);
}

let cached: { lexicon: Lexicon; checkedAt: number; generation: string | null } | null = null;
let refreshing: Promise<Lexicon> | null = null;
const CHECK_MS = 5_000;

/**
 * The current lexicon. Every 5 s one cheap read compares the graph's generation token (changed by
 * every load, db/generation.ts); only a changed graph is read again: at 100,000 people that is
 * ~250,000 terms and seconds of work, which must not recur while nothing changed.
 */
export async function currentLexicon(): Promise<Lexicon> {
  if (cached && Date.now() - cached.checkedAt < CHECK_MS) return cached.lexicon;
  refreshing ??= refresh().finally(() => (refreshing = null));
  if (!cached) return refreshing;
  // Database down: keep the last lexicon (nothing can be loaded meanwhile); the next check retries.
  refreshing.catch(() => undefined);
  return cached.lexicon;
}

async function refresh(): Promise<Lexicon> {
  // Read before the terms: a load in between leaves an old token here, so the next check reloads.
  const generation = await graphGeneration();
  if (cached && cached.generation === generation) {
    cached.checkedAt = Date.now();
    return cached.lexicon;
  }
  const lexicon = await loadLexicon();
  cached = { lexicon, checkedAt: Date.now(), generation };
  return lexicon;
}

export function invalidateLexicon(): void {
  cached = null;
}
