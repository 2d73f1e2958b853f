import { isDeepStrictEqual } from 'node:util';
import type { DatasetInput } from '../schema/index.js';
import { emptyParsed, type ImportFormat, type ParsedFile, type Position } from './types.js';
import { differingFields } from './differing.js';

type EntityInput = DatasetInput['entities'][number];
type RelationshipInput = DatasetInput['relationships'][number];
type ClaimInput = RelationshipInput['claims'][number];

/**
 * Collects the records of one file. The same id met twice with the same values is one record
 * that keeps every distinct claim (two rows citing two sources stay two claims). A version with
 * different values is kept as well, with its own position, for `combine()` (merge.ts) to settle
 * as it settles the same record from two files: rows and files are treated alike.
 */
export class DatasetBuilder {
  readonly parsed: ParsedFile;
  /** Id -> the index of each version of the record, the first first. */
  private readonly entityIndex = new Map<string, number[]>();
  private readonly relationshipIndex = new Map<string, number[]>();

  constructor(file: string, format: ImportFormat) {
    this.parsed = emptyParsed(file, format);
  }

  has(id: string): boolean {
    return this.entityIndex.has(id);
  }

  /** The first version of a record. */
  entity(id: string): EntityInput | undefined {
    const versions = this.entityIndex.get(id);
    return versions === undefined ? undefined : this.parsed.dataset.entities[versions[0]!];
  }

  addEntity(entity: EntityInput, position: Position): void {
    const versions = this.entityIndex.get(entity.id) ?? [];
    if (versions.some((i) => merged(this.parsed.dataset.entities[i]!, entity))) return;
    this.entityIndex.set(entity.id, [...versions, this.parsed.dataset.entities.length]);
    this.parsed.dataset.entities.push(entity);
    this.parsed.positions.set(`entities[${this.parsed.dataset.entities.length - 1}]`, position);
  }

  addRelationship(rel: RelationshipInput, position: Position): void {
    const versions = this.relationshipIndex.get(rel.id) ?? [];
    if (versions.some((i) => merged(this.parsed.dataset.relationships[i]!, rel))) return;
    this.relationshipIndex.set(rel.id, [...versions, this.parsed.dataset.relationships.length]);
    this.parsed.dataset.relationships.push(rel);
    this.parsed.positions.set(`relationships[${this.parsed.dataset.relationships.length - 1}]`, position);
  }
}

/** Adds `other`'s claims to `kept` when the two say the same otherwise; false when they differ. */
function merged(kept: EntityInput | RelationshipInput, other: EntityInput | RelationshipInput): boolean {
  if (differingFields(kept, other).length > 0) return false;
  if ('claims' in kept && 'claims' in other && kept.claims && other.claims) mergeClaims(kept.claims, other.claims);
  return true;
}

function mergeClaims(into: ClaimInput[], more: ClaimInput[]): void {
  for (const claim of more) if (!into.some((c) => isDeepStrictEqual(c, claim))) into.push(claim);
}
