import type { Clearance } from '../access/roles.js';
import type { Dataset, Entity, Statement } from '../schema/index.js';
import { ATTRIBUTE_CLAIM } from '../schema/index.js';
import { ENTITY } from '../vocabulary/entity-types.js';
import { chunks } from './batches.js';
import { claimRows, type Existing, inlineProps, type Section, type Step } from './load-plan.js';

/**
 * Attribute statements in Neo4j (graph/README.md, "Every fact cited"): each claim of each
 * statement is an `:AttributeClaim` node that CITES its source, as event and relationship claims
 * are `:Claim` nodes, and carries the statement beside it: the entity's id (`entity`), the
 * `field`, the value (`valueJson`), the `rank` and the statement's place (`statement`). Kept
 * apart from `:Claim` so every query of fact claims reads what it always read.
 */

/** The id of an entity's statement: its claims are `<statement id>#<seq>`, as fact claims are. */
export const statementId = (entity: string, seq: number) => `${entity}@${seq}`;

/** Every entity's statements, by statement id, for guards (protection.ts) and rows. */
export function statedFacts(data: Dataset): { entity: Entity; about: string; statement: Statement; seq: number }[] {
  return data.entities.flatMap((entity) =>
    (entity.statements ?? []).map((statement, seq) => ({ entity, about: statementId(entity.id, seq), statement, seq })),
  );
}

/** The texts of a value a protected person's name or number may hide in. */
export function valueTexts(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value === 'number') return [String(value)];
  if (value && typeof value === 'object') return Object.values(value).filter((v): v is string => typeof v === 'string');
  return [];
}

/** The AttributeClaim rows of a dataset: the fact-claim props plus the statement's own. */
export function statementClaimRows(data: Dataset, needsOf: (id: string) => Clearance | undefined) {
  return statedFacts(data).flatMap(({ entity, about, statement, seq }) =>
    claimRows(about, 'Statement', statement.claims, needsOf).map((row) => ({
      ...row,
      props: {
        ...row.props,
        entity: entity.id,
        statement: seq,
        field: statement.field,
        valueJson: JSON.stringify(statement.value),
        rank: statement.rank ?? null,
        valueNeeds: needsOf(about) ?? null,
      },
    })),
  );
}

/**
 * Writes the statements of the dataset's entities. An entity written again is written whole
 * (load-plan.ts: `SET n = row.props`), so its stored statements are replaced, not merged.
 */
export function statementSteps(
  data: Dataset,
  existing: Existing,
  needsOf: (id: string) => Clearance | undefined,
  batchSize: number,
): Section {
  const rewritten = data.entities.filter((e) => existing.entities.has(e.id)).map((e) => e.id);
  const rows = statementClaimRows(data, needsOf);
  function* steps(): Generator<Step> {
    for (const batch of chunks(rewritten, batchSize))
      yield {
        cypher: `UNWIND $rows AS id MATCH (c:${ATTRIBUTE_CLAIM} {entity: id}) DETACH DELETE c`,
        params: { rows: batch },
      };
    for (const batch of chunks(rows, batchSize))
      yield {
        cypher: `UNWIND $rows AS row MATCH (s:${ENTITY.Source} {id: row.sourceId})
                 CREATE (c:${ATTRIBUTE_CLAIM} ${inlineProps(batch)})-[:CITES]->(s)`,
        params: { rows: batch },
      };
  }
  return { rows: rewritten.length + rows.length, steps };
}
