import { read } from '../db/driver.js';
import { citationsOf } from '../queries/citations.js';
import { entityDetail } from '../queries/entity.js';
import type { ReadScope } from '../read/scope.js';
import { RELATIONSHIP_TYPES } from '../schema/index.js';
import type { EntityDetail } from '../views/entity.js';
import type { FactCitations } from '../views/evidence.js';

/**
 * What a write answers: the record as its writer may now read it, through the read layer, so a
 * write never shows more than a GET would. A record the write made withheld from its writer (its
 * text names someone protected) comes back as a GET by public id shows it; `readable` says which.
 */
export async function entityAfterWrite(
  scope: ReadScope,
  id: string,
): Promise<{ view: EntityDetail; readable: boolean }> {
  const detail = await entityDetail(scope, id);
  if (detail) return { view: detail, readable: true };
  const row = await read<{ publicId: string }>('MATCH (n:Entity {id: $id}) RETURN n.publicId AS publicId', { id });
  return { view: (await entityDetail(scope, String(row.records[0]?.get('publicId'))))!, readable: false };
}

const PUBLIC_ID = `CALL () {
  ${RELATIONSHIP_TYPES.map((type) => `MATCH ()-[r:${type} {id: $id}]->() RETURN r.publicId AS publicId`).join('\n  UNION ')}
} RETURN publicId LIMIT 1`;

export async function relationshipAfterWrite(
  scope: ReadScope,
  id: string,
): Promise<{ view: FactCitations; readable: boolean }> {
  const facts = await citationsOf(scope, id);
  if (facts) return { view: facts, readable: true };
  const row = await read<{ publicId: string }>(PUBLIC_ID, { id });
  return { view: (await citationsOf(scope, String(row.records[0]?.get('publicId'))))!, readable: false };
}
