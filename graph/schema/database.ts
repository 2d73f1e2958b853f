import { ENTITY_TYPES } from './entities.js';
import { RELATIONSHIP_TYPES } from './relationships.js';

/** One constraint or index. `lookup`: the loader finds records through it while it writes. */
export interface SchemaItem { name: string; kind: 'CONSTRAINT' | 'INDEX'; cypher: string; lookup: boolean }

const constraint = (name: string, target: string, lookup = false): SchemaItem =>
  ({ name, kind: 'CONSTRAINT', cypher: `CREATE CONSTRAINT ${name} IF NOT EXISTS FOR ${target}`, lookup });
const index = (name: string, target: string): SchemaItem =>
  ({ name, kind: 'INDEX', cypher: `CREATE INDEX ${name} IF NOT EXISTS FOR ${target}`, lookup: false });

/**
 * Neo4j constraints and indexes, derived from the schema's label and type lists.
 * Every entity node carries `:Entity` plus its type label; claims are `:Claim` nodes (see
 * graph/README.md, Provenance) keyed by `about`, the id of the relationship or event they cite for.
 * Relationship endpoints and claim sources are matched by their own label's id constraint.
 */
export function schemaItems(): SchemaItem[] {
  return [
    constraint('entity_id', '(n:Entity) REQUIRE n.id IS UNIQUE'),
    ...ENTITY_TYPES.map((label) => constraint(`${label.toLowerCase()}_id`, `(n:${label}) REQUIRE n.id IS UNIQUE`, true)),
    constraint('claim_id', '(c:Claim) REQUIRE c.id IS UNIQUE'),
    // The loader reads claims by `about` while it writes (last-known dates, replaced claims).
    { ...index('claim_about', '(c:Claim) ON (c.about)'), lookup: true },
    index('claim_source', '(c:Claim) ON (c.sourceId)'),
    index('entity_public_id', '(n:Entity) ON (n.publicId)'),
    index('event_kind_start', '(e:Event) ON (e.kind, e.startEarliest)'),
    index('event_start_latest', '(e:Event) ON (e.startLatest)'),
    // Open starts ("../2018-03") have no startEarliest but always an end: patterns/page.ts startedBy.
    index('event_kind_end_latest', '(e:Event) ON (e.kind, e.endLatest)'),
    index('entity_synthetic', '(n:Entity) ON (n.synthetic)'),
    // stale-status reads people in last-known order (store/last-known.ts).
    index('person_last_known', '(p:Person) ON (p.lastKnownLatest)'),
    ...RELATIONSHIP_TYPES.map((type) => constraint(`rel_${type.toLowerCase()}_id`, `()-[r:${type}]-() REQUIRE r.id IS UNIQUE`)),
    ...RELATIONSHIP_TYPES.map((type) => index(`rel_${type.toLowerCase()}_public_id`, `()-[r:${type}]-() ON (r.publicId)`)),
    {
      name: FULLTEXT_INDEX, kind: 'INDEX', lookup: false,
      cypher: `CREATE FULLTEXT INDEX ${FULLTEXT_INDEX} IF NOT EXISTS FOR (n:${ENTITY_TYPES.join('|')}) ON EACH [n.searchText]
       OPTIONS { indexConfig: { \`fulltext.analyzer\`: 'standard-no-stop-words' } }`,
    },
  ];
}

export const schemaStatements = (): string[] => schemaItems().map((item) => item.cypher);

export const FULLTEXT_INDEX = 'entity_names';
