import { read } from '../db/driver.js';
import { ATTRIBUTE_CLAIM, type Statement, type StatementRank } from '../schema/index.js';
import { type ClaimProps, claimFromProps, type Identities, noteIdentity } from './export.js';

interface AttributeClaimProps extends ClaimProps {
  id: string;
  entity: string;
  statement: number;
  field: string;
  valueJson: string;
  rank: StatementRank | null;
  needs: string | null;
  valueNeeds: string | null;
}

/**
 * The statements of the stored entities (all, or those of `entities`), in the order they were
 * loaded, each claim's guard noted by its id and each value's by its statement's id, as
 * graph/safety/stored-guards.ts reads them.
 */
export async function storedStatements(
  identities: Identities,
  entities?: readonly string[],
): Promise<Map<string, Statement[]>> {
  const rows = await read<{ c: AttributeClaimProps }>(
    entities
      ? `UNWIND $ids AS id MATCH (c:${ATTRIBUTE_CLAIM} {entity: id})
         RETURN properties(c) AS c ORDER BY c.entity, c.statement, c.seq`
      : `MATCH (c:${ATTRIBUTE_CLAIM}) RETURN properties(c) AS c ORDER BY c.entity, c.statement, c.seq`,
    { ids: entities ?? [] },
  );
  const out = new Map<string, Statement[]>();
  for (const record of rows.records) {
    const c = record.get('c');
    noteIdentity(identities, { id: c.id, needs: c.needs });
    if (c.valueNeeds) noteIdentity(identities, { id: c.about, needs: c.valueNeeds });
    const list = out.get(c.entity) ?? [];
    let statement = list[c.statement];
    if (!statement) {
      statement = { field: c.field, value: JSON.parse(c.valueJson), claims: [] };
      if (c.rank) statement.rank = c.rank;
      list[c.statement] = statement;
    }
    statement.claims.push(claimFromProps(c));
    out.set(c.entity, list);
  }
  // Statements are numbered from 0 per entity; a gap (never written) would leave a hole.
  for (const [id, list] of out) out.set(id, list.filter(Boolean));
  return out;
}
