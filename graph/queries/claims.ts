import { read } from '../db/driver.js';
import { presentEntity } from '../safety/present.js';
import { ENTITY } from '../vocabulary/entity-types.js';
import type { ClaimView } from '../views/entity.js';

/**
 * The claims behind relationships and events, keyed by the fact's id: one indexed lookup on
 * Claim.about per fact (graph/README.md, Provenance).
 */
export async function claimsAbout(ids: readonly string[]): Promise<Map<string, ClaimView[]>> {
  const out = new Map<string, ClaimView[]>();
  if (ids.length === 0) return out;
  const result = await read<{ c: Record<string, unknown>; s: Record<string, unknown> }>(
    `UNWIND $ids AS about
     MATCH (c:Claim {about: about})-[:CITES]->(s:${ENTITY.Source})
     RETURN properties(c) AS c, properties(s) AS s ORDER BY c.about, c.seq`,
    { ids: [...new Set(ids)] },
  );
  for (const record of result.records) {
    const c = record.get('c');
    const s = record.get('s');
    const view: ClaimView = {
      about: String(c.about),
      source: { ...presentEntity(s), ...pick(s, ['date', 'url', 'publisher']) },
      locator: String(c.locator),
      excerpt: String(c.excerpt),
      confidence: String(c.confidence),
      ...pick(c, ['translation', 'date', 'note']),
    };
    const list = out.get(view.about) ?? [];
    list.push(view);
    out.set(view.about, list);
  }
  return out;
}

function pick(props: Record<string, unknown>, keys: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of keys) if (typeof props[key] === 'string') out[key] = props[key] as string;
  return out;
}
