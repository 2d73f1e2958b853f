import { type EntityTypeSpec, type IndexSpec, VOCABULARY, type Vocabulary } from '../vocabulary/index.js';

/**
 * Neo4j constraints and indexes of a vocabulary: a unique id per label and relationship type,
 * public-id indexes, each type's own indexes, and the full-text index over every entity label.
 * Every entity node carries `:Entity` plus its type label; claims are `:Claim` nodes (see
 * graph/README.md, Provenance) keyed by `about`, the id of the relationship or event they cite for.
 */
export function constraintsFor(vocabulary: Vocabulary): string[] {
  const types = Object.keys(vocabulary.entities);
  const relationshipTypes = Object.keys(vocabulary.relationships);
  const labels = ['Entity', ...types];
  const typeIndexes = Object.entries(vocabulary.entities).flatMap(([label, spec]: [string, EntityTypeSpec]) =>
    (spec.indexes ?? []).map((index: IndexSpec) => {
      const on = index.properties.map((p) => `n.${p}`).join(', ');
      if (index.kind === 'point') return `CREATE POINT INDEX ${index.name} IF NOT EXISTS FOR (n:${label}) ON (${on})`;
      return `CREATE INDEX ${index.name} IF NOT EXISTS FOR (n:${label}) ON (${on})`;
    }),
  );
  return [
    ...labels.map(
      (label) => `CREATE CONSTRAINT ${label.toLowerCase()}_id IF NOT EXISTS FOR (n:${label}) REQUIRE n.id IS UNIQUE`,
    ),
    'CREATE CONSTRAINT claim_id IF NOT EXISTS FOR (c:Claim) REQUIRE c.id IS UNIQUE',
    'CREATE INDEX claim_about IF NOT EXISTS FOR (c:Claim) ON (c.about)',
    'CREATE INDEX claim_source IF NOT EXISTS FOR (c:Claim) ON (c.sourceId)',
    `CREATE CONSTRAINT attribute_claim_id IF NOT EXISTS FOR (c:${ATTRIBUTE_CLAIM}) REQUIRE c.id IS UNIQUE`,
    `CREATE INDEX attribute_claim_entity IF NOT EXISTS FOR (c:${ATTRIBUTE_CLAIM}) ON (c.entity)`,
    // Revisions (graph/revisions): one per write, unique per record and version.
    `CREATE CONSTRAINT revision_id IF NOT EXISTS FOR (r:${REVISION}) REQUIRE r.id IS UNIQUE`,
    `CREATE INDEX revision_target IF NOT EXISTS FOR (r:${REVISION}) ON (r.target)`,
    'CREATE INDEX entity_public_id IF NOT EXISTS FOR (n:Entity) ON (n.publicId)',
    'CREATE INDEX entity_synthetic IF NOT EXISTS FOR (n:Entity) ON (n.synthetic)',
    ...typeIndexes,
    ...relationshipTypes.map(
      (type) =>
        `CREATE CONSTRAINT rel_${type.toLowerCase()}_id IF NOT EXISTS FOR ()-[r:${type}]-() REQUIRE r.id IS UNIQUE`,
    ),
    ...relationshipTypes.map(
      (type) => `CREATE INDEX rel_${type.toLowerCase()}_public_id IF NOT EXISTS FOR ()-[r:${type}]-() ON (r.publicId)`,
    ),
    'DROP INDEX entity_names IF EXISTS',
    `CREATE FULLTEXT INDEX ${FULLTEXT_INDEX} IF NOT EXISTS FOR (n:${types.join('|')})
       ON EACH [${SEARCH_FIELDS.map((field) => `n.${field}`).join(', ')}]
       OPTIONS { indexConfig: { \`fulltext.analyzer\`: 'standard-no-stop-words' } }`,
  ];
}

/** The label of a write's revision (graph/revisions/store.ts). */
export const REVISION = 'Revision';

/** The label of an attribute statement's claims (graph/store/statements.ts). */
export const ATTRIBUTE_CLAIM = 'AttributeClaim';

/** Named for its fields: a graph indexed before clearances (index `entity_names`) gets this one beside it. */
export const FULLTEXT_INDEX = 'entity_names_by_clearance';

/**
 * The full-text fields by the clearance that may search them (graph/store/mapping.ts fills them):
 * a reader's query names only the fields of their clearance and below, so a protected name is
 * not in any field a viewer's search reads.
 */
export const SEARCH_FIELDS = ['searchText', 'searchPseudonymous', 'searchConfidential'] as const;

/** Kinline's constraints and indexes (applied at start-up and before every load). */
export const schemaStatements = (): string[] => constraintsFor(VOCABULARY);
