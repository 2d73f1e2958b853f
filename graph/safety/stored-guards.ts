import type { Dataset, Entity, Relationship, Statement } from '../schema/index.js';
import { CLEARANCE_LEVELS, type ClearanceLevel } from '../vocabulary/disclosure.js';
import { ENTITY } from '../vocabulary/entity-types.js';
import { IDENTIFYING_KINDS } from '../vocabulary/event-kinds.js';

/** What a record needs of a reader, as stored with it (graph/store/protection.ts). */
export interface StoredGuard {
  needs?: string;
  detailNeeds?: string;
  detailKeys?: string[];
}

const WITHHELD = '[withheld]';
const rank = (level: string | undefined) => (level ? CLEARANCE_LEVELS.indexOf(level as ClearanceLevel) : -1);

/**
 * The export form of the read layer's stored guards (graph/read/scope.ts): records named after a
 * protected person become their public id and pseudonym (a birth or death record is left out),
 * fields that mention one are left out, and claims whose texts mention one keep only their source
 * and confidence. Persons are left to redactDataset, which withholds them by disclosure. Ids that
 * change are changed wherever they are referenced (relationship ends, claim sources).
 */
export function applyStoredGuards(
  dataset: Dataset,
  clearance: ClearanceLevel,
  stored: {
    guards?: ReadonlyMap<string, StoredGuard>;
    publicIds: ReadonlyMap<string, string>;
    pseudonyms: ReadonlyMap<string, string>;
  },
): Dataset {
  const guards = stored.guards;
  if (!guards || guards.size === 0) return dataset;
  const lacks = (level: string | undefined) => rank(level) > rank(clearance);
  const renamed = new Map<string, string>();
  const dropped = new Set<string>();
  const publicIdOf = (id: string) => {
    const publicId = stored.publicIds.get(id);
    if (!publicId) throw new Error('a withheld record has no stored public id');
    return publicId;
  };
  for (const e of dataset.entities) {
    if (e.type === ENTITY.Person || !lacks(guards.get(e.id)?.needs)) continue;
    if (e.type === ENTITY.Event && (IDENTIFYING_KINDS as readonly string[]).includes(e.kind)) dropped.add(e.id);
    else renamed.set(e.id, publicIdOf(e.id));
  }
  for (const r of dataset.relationships) if (lacks(guards.get(r.id)?.needs)) renamed.set(r.id, publicIdOf(r.id));
  const idOf = (id: string) => renamed.get(id) ?? id;
  const claimsOf = <C extends Relationship['claims'][number]>(about: string, claims: C[], withheldFact: boolean): C[] =>
    claims.map((claim, seq) => {
      const source = idOf(claim.source);
      if (!withheldFact && !lacks(guards.get(`${about}#${seq}`)?.needs)) return { ...claim, source };
      const { translation: _t, note: _n, date: _d, ...kept } = claim;
      return { ...kept, source, locator: WITHHELD, excerpt: WITHHELD } as C;
    });
  /**
   * A statement is left out where its field is, or where its value mentions someone withheld
   * (its own id's guard); its claims as fact claims (graph/store/statements.ts has the ids).
   */
  const statementsOf = (id: string, statements: Statement[], guard: StoredGuard | undefined): Statement[] =>
    statements.flatMap((st, seq) => {
      const about = `${id}@${seq}`;
      const fieldWithheld = guard?.detailKeys?.includes(st.field) && lacks(guard.detailNeeds);
      if (fieldWithheld || lacks(guards.get(about)?.needs)) return [];
      return [{ ...st, claims: claimsOf(about, st.claims, false) }];
    });
  const entities = dataset.entities
    .filter((e) => !dropped.has(e.id))
    .map((e): Entity => {
      const guard = guards.get(e.id);
      if (renamed.has(e.id)) {
        const name = stored.pseudonyms.get(e.id) ?? `Withheld ${e.type.toLowerCase()}`;
        const shell = { id: idOf(e.id), type: e.type, names: [{ value: name, kind: 'primary' }] } as Record<
          string,
          unknown
        >;
        if ('kind' in e) shell.kind = e.kind;
        if (e.type === ENTITY.Event) {
          if (e.date) shell.date = e.date;
          shell.claims = claimsOf(e.id, e.claims, true);
        }
        return shell as Entity;
      }
      let out = e as Record<string, unknown>;
      if (guard?.detailKeys && lacks(guard.detailNeeds))
        // A key stored as JSON (identifiers) is guarded under its stored name.
        out = Object.fromEntries(
          Object.entries(out).filter(
            ([k]) => !guard.detailKeys!.includes(k) && !guard.detailKeys!.includes(`${k}Json`),
          ),
        );
      if (e.type === ENTITY.Event) out = { ...out, claims: claimsOf(e.id, e.claims, false) };
      if (e.statements) out = { ...out, statements: statementsOf(e.id, e.statements, guard) };
      return out as Entity;
    });
  const relationships = dataset.relationships
    .filter((r) => !dropped.has(r.from) && !dropped.has(r.to))
    .map((r) => ({
      ...r,
      id: idOf(r.id),
      from: idOf(r.from),
      to: idOf(r.to),
      claims: claimsOf(r.id, r.claims, false),
    }));
  return { ...dataset, entities, relationships };
}
