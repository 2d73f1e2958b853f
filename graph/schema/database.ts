import { ENTITY_TYPES } from './entities.js';
import { RELATIONSHIP_TYPES } from './relationships.js';

/**
 * Neo4j constraints and indexes, derived from the schema's label and type lists.
 * Every entity node carries `:Entity` plus its type label; claims are `:Claim` nodes (see
 * graph/README.md, Provenance) keyed by `about`, the id of the relationship or event they cite for.
 */
export function schemaStatements(): string[] {
  const labels = ['Entity', ...ENTITY_TYPES];
  return [
    ...labels.map(
      (label) => `CREATE CONSTRAINT ${label.toLowerCase()}_id IF NOT EXISTS FOR (n:${label}) REQUIRE n.id IS UNIQUE`,
    ),
    'CREATE CONSTRAINT claim_id IF NOT EXISTS FOR (c:Claim) REQUIRE c.id IS UNIQUE',
    'CREATE INDEX claim_about IF NOT EXISTS FOR (c:Claim) ON (c.about)',
    'CREATE INDEX claim_source IF NOT EXISTS FOR (c:Claim) ON (c.sourceId)',
    'CREATE INDEX entity_public_id IF NOT EXISTS FOR (n:Entity) ON (n.publicId)',
    'CREATE INDEX event_kind_start IF NOT EXISTS FOR (e:Event) ON (e.kind, e.startEarliest)',
    'CREATE INDEX event_start_latest IF NOT EXISTS FOR (e:Event) ON (e.startLatest)',
    // Open starts ("../2018-03") have no startEarliest but always an end: patterns/started-by.ts.
    'CREATE INDEX event_kind_end_latest IF NOT EXISTS FOR (e:Event) ON (e.kind, e.endLatest)',
    'CREATE INDEX entity_synthetic IF NOT EXISTS FOR (n:Entity) ON (n.synthetic)',
    // stale-status reads people in last-known order (store/last-known.ts).
    'CREATE INDEX person_last_known IF NOT EXISTS FOR (p:Person) ON (p.lastKnownLatest)',
    ...RELATIONSHIP_TYPES.map(
      (type) =>
        `CREATE CONSTRAINT rel_${type.toLowerCase()}_id IF NOT EXISTS FOR ()-[r:${type}]-() REQUIRE r.id IS UNIQUE`,
    ),
    ...RELATIONSHIP_TYPES.map(
      (type) => `CREATE INDEX rel_${type.toLowerCase()}_public_id IF NOT EXISTS FOR ()-[r:${type}]-() ON (r.publicId)`,
    ),
    `CREATE FULLTEXT INDEX entity_names IF NOT EXISTS FOR (n:${ENTITY_TYPES.join('|')}) ON EACH [n.searchText]
       OPTIONS { indexConfig: { \`fulltext.analyzer\`: 'standard-no-stop-words' } }`,
  ];
}

export const FULLTEXT_INDEX = 'entity_names';
