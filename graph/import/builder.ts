import { isDeepStrictEqual } from 'node:util';
import type { DatasetInput } from '../schema/index.js';
import { emptyParsed, type ImportFormat, type ParsedFile, type Position } from './types.js';
import { ENTITY } from '../vocabulary/entity-types.js';
import { mergeCitedVersions } from './merge-statements.js';

type EntityInput = DatasetInput['entities'][number];
type RelationshipInput = DatasetInput['relationships'][number];
type ClaimInput = RelationshipInput['claims'][number];

/**
 * Collects the records of one file. The same id met twice is one record: an event or a
 * relationship keeps every distinct claim (two rows citing two sources stay two claims); any
 * other entity keeps its first form.
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
      const existing = this.parsed.dataset.entities[index]!;
      if (existing.type === ENTITY.Event && entity.type === ENTITY.Event) mergeClaims(existing.claims, entity.claims);
      // Two rows that cite different values keep both, as statements (merge-statements.ts).
      else this.parsed.dataset.entities[index] = mergeCitedVersions(existing, entity) ?? existing;
      return;
    }
    this.entityIndex.set(entity.id, this.parsed.dataset.entities.length);
    this.parsed.dataset.entities.push(entity);
    this.parsed.positions.set(`entities[${this.parsed.dataset.entities.length - 1}]`, position);
  }

  addRelationship(rel: RelationshipInput, position: Position): void {
    const index = this.relationshipIndex.get(rel.id);
    if (index !== undefined) {
      mergeClaims(this.parsed.dataset.relationships[index]!.claims, rel.claims);
      return;
    }
    this.relationshipIndex.set(rel.id, this.parsed.dataset.relationships.length);
    this.parsed.dataset.relationships.push(rel);
    this.parsed.positions.set(`relationships[${this.parsed.dataset.relationships.length - 1}]`, position);
  }
}

function mergeClaims(into: ClaimInput[], more: ClaimInput[]): void {
  for (const claim of more) if (!into.some((c) => isDeepStrictEqual(c, claim))) into.push(claim);
}
