import { read } from '../db/driver.js';
import type { Props } from '../db/props.js';
import { needsOf, type ReadScope } from '../read/scope.js';
import { ENTITY } from '../vocabulary/entity-types.js';
import type { ClaimView } from '../views/entity.js';
import { phraseOf } from '../dates/phrase.js';

/** What a reader without the clearance a claim needs sees of its texts. */
export const WITHHELD_TEXT = '[withheld: mentions a protected person]';

/** A relationship or event as this reader knows it. */
export interface Fact {
  /** Its real id (claims are stored by it). */
  id: string;
  /** The id this reader sees: a public id when the fact concerns someone withheld from them. */
  visibleId: string;
  /** The fact concerns someone this reader may not read: its claims' texts are withheld. */
  withheld: boolean;
}

/**
 * The claims behind relationships and events, keyed by the fact's real id, each `about` the id
 * this reader sees: one indexed lookup on Claim.about per fact (graph/README.md, Provenance). A
 * claim's texts are withheld when they mention someone this reader may not read (the claim's own
 * `needs`), or when the fact is withheld from them (kinship with such a person, their birth or a
 * record named after them): the source, the confidence and that the claim exists stay visible.
 */
export async function claimsAbout(scope: ReadScope, facts: readonly Fact[]): Promise<Map<string, ClaimView[]>> {
  const out = new Map<string, ClaimView[]>();
  if (facts.length === 0) return out;
  const byId = new Map(facts.map((f) => [f.id, f]));
  const ids = [...byId.keys()];
  const result = await read<{ c: Record<string, unknown>; s: Record<string, unknown> }>(
    `UNWIND $ids AS about
     MATCH (c:Claim {about: about})-[:CITES]->(s:${ENTITY.Source})
     RETURN properties(c) AS c, properties(s) AS s ORDER BY c.about, c.seq`,
    { ids },
  );
  for (const record of result.records) {
    const c = record.get('c');
    const fact = byId.get(String(c.about))!;
    const view = claimView(scope, c, record.get('s'), fact.visibleId, fact.withheld);
    const list = out.get(fact.id) ?? [];
    list.push(view);
    out.set(fact.id, list);
  }
  return out;
}

/**
 * One stored claim (a fact's `:Claim` or an attribute's `:AttributeClaim`) as this reader sees it:
 * its texts withheld where they mention someone this reader may not read, or where `factWithheld`.
 */
export function claimView(scope: ReadScope, c: Props, s: Props, about: string, factWithheld: boolean): ClaimView {
  const ownTextReadable = scope.mayRead(c);
  const readable = ownTextReadable && !factWithheld;
  // Texts that name someone protected, shown to a reader cleared for them: a read by name.
  if (ownTextReadable && needsOf(c)) scope.namedProtected.add(String(c.id));
  return {
    about,
    source: { ...scope.present(s), ...pick(scope.present(s, { detail: true }), ['date', 'url', 'publisher']) },
    locator: ownTextReadable ? String(c.locator) : WITHHELD_TEXT,
    excerpt: readable ? String(c.excerpt) : WITHHELD_TEXT,
    confidence: String(c.confidence),
    // A claim's date on a withheld fact may be the birth the fact would reveal.
    ...(readable ? pick(c, ['translation', 'note', 'date', 'dateAsWritten']) : {}),
    ...(readable && typeof c.date === 'string' ? { datePhrase: phraseOf(c.date) } : {}),
    ...(readable ? {} : { withheld: true as const }),
  };
}

function pick(props: Record<string, unknown>, keys: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of keys) if (typeof props[key] === 'string') out[key] = props[key] as string;
  return out;
}
