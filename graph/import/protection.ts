import { read } from '../db/driver.js';
import { disclosureOf } from '../safety/disclosure.js';
import type { Dataset } from '../schema/index.js';
import type { Problem } from '../store/validate.js';
import { type DisclosureLevel, disclosureRank } from '../vocabulary/disclosure.js';
import { ENTITY } from '../vocabulary/entity-types.js';

/** A stored person whose disclosure level an import changes. */
export interface ProtectionChange {
  /** Index of the person in the dataset's entities (`entities[i]`, the path problems point at). */
  index: number;
  person: string;
  /** The public id stored for them: what the audit log names (never a name, nor a real id). */
  publicId: string | null;
  from: DisclosureLevel;
  to: DisclosureLevel;
  lowered: boolean;
  /** The field that makes the change: `disclosure` when the record gives one, else `minor`. */
  field: 'disclosure' | 'minor';
}

const BATCH = 5_000;

/**
 * The people of `data` the graph holds already whose disclosure level the import would change,
 * the stored level computed from the stored node as disclosureOf computes it from a record (a
 * stored minor without a disclosure is pseudonymous; the same person re-imported without `minor`
 * would be public).
 */
export async function protectionChanges(data: Dataset): Promise<ProtectionChange[]> {
  const people = data.entities.flatMap((e, index) => (e.type === ENTITY.Person ? [{ e, index }] : []));
  const changes: ProtectionChange[] = [];
  for (let i = 0; i < people.length; i += BATCH) {
    const batch = people.slice(i, i + BATCH);
    const rows = await read<{
      id: string;
      disclosure: DisclosureLevel | null;
      minor: boolean | null;
      publicId: string | null;
    }>(
      `UNWIND $ids AS id MATCH (p:${ENTITY.Person} {id: id})
       RETURN p.id AS id, p.disclosure AS disclosure, p.minor AS minor, p.publicId AS publicId`,
      { ids: batch.map((p) => p.e.id) },
    );
    const stored = new Map(rows.records.map((r) => [r.get('id'), r.toObject()]));
    for (const { e, index } of batch) {
      const before = stored.get(e.id);
      if (!before || e.type !== ENTITY.Person) continue;
      const from = disclosureOf({ disclosure: before.disclosure ?? undefined, minor: before.minor === true });
      const to = disclosureOf(e);
      if (from === to) continue;
      changes.push({
        index,
        person: e.id,
        publicId: before.publicId,
        from,
        to,
        lowered: disclosureRank(to) < disclosureRank(from),
        field: e.disclosure !== undefined ? 'disclosure' : 'minor',
      });
    }
  }
  return changes;
}

/** The problem that rejects an import lowering a person's protection without --allow-unprotect. */
export function loweringProblem(change: ProtectionChange, file: string): Problem {
  const why =
    change.field === 'minor' && change.from === 'pseudonymous'
      ? ' (the stored record is a minor; this one does not say so)'
      : '';
  return {
    file,
    path: `entities[${change.index}].${change.field}`,
    record: change.person,
    message:
      `would lower the protection of person "${change.person}" from ${change.from} to ${change.to}${why}; ` +
      'protection is never lowered silently: an admin may allow it with --allow-unprotect --as ADMIN',
  };
}
