import { isDeepStrictEqual } from 'node:util';
import type { DatasetInput } from '../schema/index.js';
import { emptyParsed, type ImportFormat, type ParsedFile, type Position } from './types.js';
import { differingFields, differingWarning } from './differing.js';

type EntityInput = DatasetInput['entities'][number];
type RelationshipInput = DatasetInput['relationships'][number];
type ClaimInput = RelationshipInput['claims'][number];

/**
 * Collects the records of one file. The same id met twice with the same values is one record
 * that keeps every distinct claim (two rows citing two sources stay two claims). With different
 * values the first version is kept and a warning shows both, each with its line.
 */
export class DatasetBuilder {
  readonly parsed: ParsedFile;
  private readonly entityIndex = new Map<string, number>();
  private readonly relationshipIndex = new Map<string, number>();

  constructor(file: string, format: ImportFormat) {
    this.parsed = emptyParsed(file, format);
  }

  has(id: string): boolean {
    return this.entityIndex.has(id);
  }

  entity(id: string): EntityInput | undefined {
    const index = this.entityIndex.get(id);
    return index === undefined ? undefined : this.parsed.dataset.entities[index];
  }

  addEntity(entity: EntityInput, position: Position): void {
    const index = this.entityIndex.get(entity.id);
    if (index !== undefined) {
      const kept = this.parsed.dataset.entities[index]!;
      this.mergeOrWarn('record', kept, entity, `entities[${index}]`, position);
      return;
    }
    this.entityIndex.set(entity.id, this.parsed.dataset.entities.length);
    this.parsed.dataset.entities.push(entity);
    this.parsed.positions.set(`entities[${this.parsed.dataset.entities.length - 1}]`, position);
  }

  addRelationship(rel: RelationshipInput, position: Position): void {
    const index = this.relationshipIndex.get(rel.id);
    if (index !== undefined) {
      const kept = this.parsed.dataset.relationships[index]!;
      this.mergeOrWarn('relationship', kept, rel, `relationships[${index}]`, position);
      return;
    }
    this.relationshipIndex.set(rel.id, this.parsed.dataset.relationships.length);
    this.parsed.dataset.relationships.push(rel);
    this.parsed.positions.set(`relationships[${this.parsed.dataset.relationships.length - 1}]`, position);
  }

  private mergeOrWarn(
    kind: 'record' | 'relationship',
    kept: EntityInput | RelationshipInput,
    other: EntityInput | RelationshipInput,
    path: string,
    position: Position,
  ): void {
    if (differingFields(kept, other).length > 0) {
      const keptAt = this.parsed.positions.get(path);
      this.parsed.warnings.push(
        differingWarning(kind, { record: kept, position: keptAt }, { record: other, position }),
      );
    } else if ('claims' in kept && 'claims' in other && kept.claims && other.claims)
      mergeClaims(kept.claims, other.claims);
  }
}

function mergeClaims(into: ClaimInput[], more: ClaimInput[]): void {
  for (const claim of more) if (!into.some((c) => isDeepStrictEqual(c, claim))) into.push(claim);
}
