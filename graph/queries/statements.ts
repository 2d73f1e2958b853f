import { read } from '../db/driver.js';
import type { Props } from '../db/props.js';
import type { ReadScope } from '../read/scope.js';
import { ATTRIBUTE_CLAIM, type StatementRank } from '../schema/index.js';
import { ENTITY } from '../vocabulary/entity-types.js';
import type { StatementView } from '../views/entity.js';
import { claimView } from './claims.js';

/**
 * The statements of one entity as this reader sees them (graph/store/statements.ts stores them).
 * They are its fields: none of a record this reader may not read (a protected person's birth
 * dates, numbers and gender as any source gives them), none of a field withheld from them
 * (`detailKeys`), and a value that mentions someone withheld is withheld with its texts.
 */
export async function statementsAbout(scope: ReadScope, entity: Props): Promise<StatementView[]> {
  if (!scope.mayRead(entity)) return [];
  const detailKeys = scope.mayRead({ needs: entity.detailNeeds }) ? [] : ((entity.detailKeys as string[]) ?? []);
  const fieldWithheld = (field: string) => detailKeys.includes(field) || detailKeys.includes(`${field}Json`);
  const result = await read<{ c: Props; s: Props }>(
    `MATCH (c:${ATTRIBUTE_CLAIM} {entity: $id})-[:CITES]->(s:${ENTITY.Source})
     RETURN properties(c) AS c, properties(s) AS s ORDER BY c.statement, c.seq`,
    { id: entity.id },
  );
  const views = new Map<number, StatementView>();
  const about = scope.visibleId(entity);
  for (const record of result.records) {
    const c = record.get('c');
    if (fieldWithheld(String(c.field))) continue;
    const valueReadable = scope.mayRead({ needs: c.valueNeeds });
    let view = views.get(Number(c.statement));
    if (!view) {
      view = {
        field: String(c.field),
        rank: ((c.rank as StatementRank | null) ?? 'normal') as StatementRank,
        ...(valueReadable ? { value: JSON.parse(String(c.valueJson)) } : { withheld: true as const }),
        claims: [],
      };
      views.set(Number(c.statement), view);
    }
    view.claims.push(claimView(scope, c, record.get('s'), about, !valueReadable));
  }
  return [...views.values()];
}
