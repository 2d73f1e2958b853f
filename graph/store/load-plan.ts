import {
  ATTRIBUTE_CLAIM,
  ENTITY_TYPES,
  RELATIONSHIP_TYPES,
  type Claim,
  type Dataset,
  type EntityType,
} from '../schema/index.js';
import { chunks } from './batches.js';
import { claimCount, claimedFacts } from './facts.js';
import { lastKnownSteps } from './last-known.js';
import { locationSteps } from './location.js';
import { statementSteps } from './statements.js';
import { entityToProps, relationshipToProps } from './mapping.js';
import type { DatasetProtection, Raised } from './protection.js';
import type { Clearance } from '../access/roles.js';
import { ENTITY } from '../vocabulary/entity-types.js';
import { DEFAULT_CONFIDENCE } from '../vocabulary/confidence.js';
import { IDENTIFYING_KINDS } from '../vocabulary/event-kinds.js';
import { type Published, reportedBounds, UNPUBLISHED } from './published.js';

/** One parameterised write: `UNWIND $rows` over at most one batch of rows. */
export interface Step {
  cypher: string;
  params: { rows: unknown[] } & Record<string, unknown>;
}

/** Statements to run in order, and how many rows they write in all. */
export interface Section {
  rows: number;
  /** A fresh pass over the statements each call (a retried transaction starts again). */
  steps: () => Iterable<Step>;
}

/** What the graph already holds of a dataset, read before writing. */
export interface Existing {
  /** Stored entities and relationships of the dataset, id → public id. */
  entities: ReadonlyMap<string, string>;
  relationships: ReadonlyMap<string, string>;
  /** Ids of events and relationships that already have Claim nodes. */
  claimsAbout: ReadonlySet<string>;
  /** Publication days of the sources the dataset cites (published.ts), the graph's included. */
  published?: Published;
}

/** A Claim node's id and properties, and the source it CITES; `seq` keeps the file's order. */
export function claimRows(
  about: string,
  aboutKind: typeof ENTITY.Event | 'Relationship' | 'Statement',
  claims: Claim[],
  needsOf: (id: string) => Clearance | undefined,
  published: Published = UNPUBLISHED,
) {
  return claims.map((claim, seq) => {
    const bounds = claim.date ? reportedBounds(claim.date, [claim.source], published) : null;
    const id = `${about}#${seq}`;
    return {
      id,
      sourceId: claim.source,
      props: {
        id,
        about,
        aboutKind,
        seq,
        sourceId: claim.source,
        locator: claim.locator,
        excerpt: claim.excerpt,
        translation: claim.translation ?? null,
        confidence: claim.confidence ?? DEFAULT_CONFIDENCE,
        note: claim.note ?? null,
        date: claim.date ?? null,
        dateAsWritten: claim.dateAsWritten ?? null,
        startEarliest: bounds?.startEarliest ?? null,
        startLatest: bounds?.startLatest ?? null,
        endEarliest: bounds?.endEarliest ?? null,
        endLatest: bounds?.endLatest ?? null,
        needs: needsOf(id) ?? null,
      },
    };
  });
}

/**
 * `{k: row.props.k, ...}` over every key the batch's rows hold. Properties given inline in CREATE
 * are written with the record, whereas `SET n = row.props` writes them afterwards and makes the
 * planner add an Eager barrier (read/set conflict) that buffers the whole batch. Null values in
 * an inline map are not stored, like absent keys.
 */
export function inlineProps(rows: { props: Record<string, unknown> }[]): string {
  const keys = new Set<string>();
  for (const row of rows) for (const key of Object.keys(row.props)) keys.add(key);
  return `{${[...keys]
    .sort()
    .map((key) => `\`${key.replaceAll('`', '``')}\`: row.props.\`${key.replaceAll('`', '``')}\``)
    .join(', ')}}`;
}

const groupBy = <T>(rows: T[], key: (row: T) => string): Map<string, T[]> => {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const group = groups.get(k);
    if (group) group.push(row);
    else groups.set(k, [row]);
  }
  return groups;
};

/**
 * Records new to the graph are CREATEd; only those already there are MERGEd (and only their
 * claims are checked for stale CITES and surplus claims). The unique constraints on `id` still
 * guard a CREATE: a record that appeared since `existing` was read fails the write loudly.
 */
function entitySteps(data: Dataset, existing: Existing, guard: DatasetProtection, batchSize: number): Section {
  const byType = groupBy(data.entities, (e) => e.type);
  function* steps(): Generator<Step> {
    for (const label of ENTITY_TYPES) {
      const entities = byType.get(label) ?? [];
      for (const batch of chunks(
        entities.filter((e) => !existing.entities.has(e.id)),
        batchSize,
      )) {
        const rows = batch.map((e) => ({ props: entityToProps(e, guard.entity(e.id), existing.published) }));
        yield { cypher: `UNWIND $rows AS row CREATE (n:Entity:${label} ${inlineProps(rows)})`, params: { rows } };
      }
      for (const batch of chunks(
        entities.filter((e) => existing.entities.has(e.id)),
        batchSize,
      )) {
        const rows = batch.map((e) => ({ id: e.id, props: entityToProps(e, guard.entity(e.id), existing.published) }));
        yield {
          // A changed record gets a new version, so an ETag taken before it is stale (graph/write).
          cypher: `UNWIND $rows AS row MERGE (n:Entity:${label} {id: row.id})
                   WITH n, row, coalesce(n.version, 0) AS version SET n = row.props, n.version = version + 1`,
          params: { rows },
        };
      }
    }
  }
  return { rows: data.entities.length, steps };
}

/** Endpoints are matched by their own label's constraint, which is as selective as Entity's but smaller. */
function relationshipSteps(
  data: Dataset,
  labelOf: (id: string) => EntityType,
  existing: Existing,
  guard: DatasetProtection,
  batchSize: number,
): Section {
  const groups = groupBy(
    data.relationships,
    (r) => `${r.type}:${labelOf(r.from)}:${labelOf(r.to)}:${existing.relationships.has(r.id) ? 'merge' : 'create'}`,
  );
  function* steps(): Generator<Step> {
    for (const type of RELATIONSHIP_TYPES) {
      for (const [key, group] of groups) {
        const [groupType, fromLabel, toLabel, how] = key.split(':');
        if (groupType !== type) continue;
        for (const batch of chunks(group, batchSize)) {
          const rows = batch.map((r) => ({
            id: r.id,
            from: r.from,
            to: r.to,
            props: relationshipToProps(r, guard.relationship(r.id)),
          }));
          const write =
            how === 'create'
              ? `CREATE (a)-[r:${type} ${inlineProps(rows)}]->(b)`
              : `MERGE (a)-[r:${type} {id: row.id}]->(b)
                 WITH r, row, coalesce(r.version, 0) AS version SET r = row.props, r.version = version + 1`;
          yield {
            cypher: `UNWIND $rows AS row MATCH (a:${fromLabel} {id: row.from}) MATCH (b:${toLabel} {id: row.to}) ${write}`,
            params: { rows },
          };
        }
      }
    }
  }
  return { rows: data.relationships.length, steps };
}

function claimSteps(data: Dataset, existing: Existing, guard: DatasetProtection, batchSize: number): Section {
  const facts = claimedFacts(data);
  const fresh = facts.filter((f) => !existing.claimsAbout.has(f.about));
  const known = facts.filter((f) => existing.claimsAbout.has(f.about));
  /** Batches of about `batchSize` claims, whole facts at a time. */
  function* claimBatches(list: typeof facts): Generator<ReturnType<typeof claimRows>> {
    let batch: ReturnType<typeof claimRows> = [];
    for (const f of list) {
      batch.push(...claimRows(f.about, f.kind, f.claims, guard.claim, existing.published));
      if (batch.length >= batchSize) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length > 0) yield batch;
  }
  function* steps(): Generator<Step> {
    for (const rows of claimBatches(fresh)) {
      yield {
        cypher: `UNWIND $rows AS row MATCH (s:${ENTITY.Source} {id: row.sourceId})
                 CREATE (c:Claim ${inlineProps(rows)})-[:CITES]->(s)`,
        params: { rows },
      };
    }
    // A claim whose source changed loses its old CITES; an unchanged one is left alone.
    for (const rows of claimBatches(known)) {
      yield {
        cypher: `UNWIND $rows AS row MERGE (c:Claim {id: row.id})
                 WITH c, row, c.sourceId AS previous SET c = row.props
                 WITH c, row, previous MATCH (s:${ENTITY.Source} {id: row.sourceId})
                 CALL (c, row, previous) {
                   WITH c, row, previous WHERE previous IS NOT NULL AND previous <> row.sourceId
                   MATCH (c)-[old:CITES]->() DELETE old
                 }
                 MERGE (c)-[:CITES]->(s)`,
        params: { rows },
      };
    }
    // A re-load with fewer claims for the same fact drops the surplus ones.
    for (const batch of chunks(
      known.map((f) => ({ about: f.about, count: f.claims.length })),
      batchSize,
    )) {
      yield {
        cypher: 'UNWIND $rows AS row MATCH (c:Claim {about: row.about}) WHERE c.seq >= row.count DETACH DELETE c',
        params: { rows: batch },
      };
    }
  }
  return { rows: claimCount(fresh) + claimCount(known) + known.length, steps };
}

/**
 * Withholds a stored record `n` at clearance `level`: its names leave the public search field for
 * the field of that clearance, and readers below it see `pseudonym` (mapping.ts does the same for
 * records written with their guard).
 */
const WITHHOLD = `WITH n, level, pseudonym, coalesce(n.searchText, n.searchPseudonymous, n.searchConfidential) AS names
  SET n.needs = level, n.protected = true, n.pseudonym = coalesce(n.pseudonym, pseudonym), n.searchText = null,
      n.searchPseudonymous = CASE level WHEN 'pseudonymous' THEN names END,
      n.searchConfidential = CASE level WHEN 'confidential' THEN names END`;

/**
 * A protected person's birth or death record would give away the birth date the Safety rules
 * withhold: such an event needs the clearance of its most protected participant. Events of other
 * kinds in this file are skipped; events only referenced here are checked by kind in Cypher.
 */
export function protectionSteps(data: Dataset, batchSize: number): Section {
  const kindOf = new Map(data.entities.flatMap((e) => (e.type === ENTITY.Event ? [[e.id, e.kind] as const] : [])));
  const events = [
    ...new Set([
      ...data.entities.filter((e) => e.type === ENTITY.Event && IDENTIFYING_KINDS.includes(e.kind)).map((e) => e.id),
      ...data.relationships.filter((r) => r.type === 'PARTICIPATED_IN').map((r) => r.to),
    ]),
  ].filter((id) => !kindOf.has(id) || IDENTIFYING_KINDS.includes(kindOf.get(id)!));
  const steps = chunks(events, batchSize).map((batch) => ({
    cypher: `UNWIND $rows AS id MATCH (e:${ENTITY.Event} {id: id}) WHERE e.kind IN $kinds
             OPTIONAL MATCH (p:${ENTITY.Person})-[:PARTICIPATED_IN]->(e) WHERE p.needs IS NOT NULL
             WITH e, collect(DISTINCT p.needs) AS levels
             WITH e, CASE WHEN 'confidential' IN levels THEN 'confidential'
                          WHEN 'pseudonymous' IN levels THEN 'pseudonymous' END AS byPerson
             WHERE byPerson IS NOT NULL AND coalesce(e.needs, '') <> 'confidential' AND coalesce(e.needs, '') <> byPerson
             WITH e AS n, byPerson AS level, 'Withheld ' + toLower(e.type) AS pseudonym
             ${WITHHOLD}`,
    params: { rows: batch, kinds: IDENTIFYING_KINDS },
  }));
  return { rows: events.length, steps: () => steps };
}

/**
 * Stored birth or death records that a participation of this dataset makes protected, withheld
 * BEFORE the participation is written: a batched load stopped between the two never serves the
 * record readable beside a protected participant (protectionSteps does the same afterwards, for
 * what the graph held already; the result is the same).
 */
function participationSteps(data: Dataset, guard: DatasetProtection, batchSize: number): Section {
  const inFile = new Set(data.entities.map((e) => e.id));
  const rows = data.relationships
    .filter((r) => r.type === 'PARTICIPATED_IN' && !inFile.has(r.to))
    .map((r) => ({
      event: r.to,
      from: r.from,
      level: inFile.has(r.from) ? (guard.entity(r.from).needs ?? null) : null,
    }));
  const steps = chunks(rows, batchSize).map((batch) => ({
    cypher: `UNWIND $rows AS row MATCH (e:${ENTITY.Event} {id: row.event}) WHERE e.kind IN $kinds
             OPTIONAL MATCH (p:${ENTITY.Person} {id: row.from})
             WITH e, collect(DISTINCT coalesce(row.level, p.needs)) AS levels
             WITH e, CASE WHEN 'confidential' IN levels THEN 'confidential'
                          WHEN 'pseudonymous' IN levels THEN 'pseudonymous' END AS byPerson
             WHERE byPerson IS NOT NULL AND coalesce(e.needs, '') <> 'confidential' AND coalesce(e.needs, '') <> byPerson
             WITH e AS n, byPerson AS level, 'Withheld ' + toLower(e.type) AS pseudonym
             ${WITHHOLD}`,
    params: { rows: batch, kinds: IDENTIFYING_KINDS },
  }));
  return { rows: rows.length, steps: () => steps };
}

/** Stored records that mention someone this load protects (protection.ts, raisedByDataset). */
function raisedSteps(raised: Raised, batchSize: number): Section {
  const steps = [
    ...chunks(raised.entities, batchSize).map((rows) => ({
      cypher: `UNWIND $rows AS row MATCH (n:Entity {id: row.id})
               SET n.detailNeeds = row.detailNeeds, n.detailKeys = row.detailKeys
               WITH n, row.needs AS level, 'Withheld ' + toLower(n.type) AS pseudonym WHERE level IS NOT NULL AND level <> coalesce(n.needs, '')
               ${WITHHOLD}`,
      params: { rows },
    })),
    ...chunks(raised.claims, batchSize).map((rows) => ({
      cypher: 'UNWIND $rows AS row MATCH (c:Claim {id: row.id}) SET c.needs = row.needs',
      params: { rows },
    })),
    // An attribute claim's value is withheld with its texts (graph/store/statements.ts).
    ...chunks(raised.attributeClaims, batchSize).map((rows) => ({
      cypher: `UNWIND $rows AS row MATCH (c:${ATTRIBUTE_CLAIM} {id: row.id})
               SET c.needs = row.needs, c.valueNeeds = row.needs`,
      params: { rows },
    })),
  ];
  return {
    rows: raised.entities.length + raised.claims.length + raised.attributeClaims.length,
    steps: () => steps,
  };
}

/**
 * The parameterised statements that write a validated dataset; labels and types come from the
 * schema. Steps are built lazily, batch by batch, so the loader maps the next batch while Neo4j
 * writes the current one; `rows` is known up front for progress.
 */
export function loadPlan(
  data: Dataset,
  labelOf: (id: string) => EntityType,
  existing: Existing,
  protection: { guard: DatasetProtection; raised: Raised },
  batchSize: number,
): Section {
  // Raised guards first: a batched load never shows a stored record that names someone it protects.
  const sections = [
    raisedSteps(protection.raised, batchSize),
    participationSteps(data, protection.guard, batchSize),
    entitySteps(data, existing, protection.guard, batchSize),
    locationSteps(data, batchSize),
    relationshipSteps(data, labelOf, existing, protection.guard, batchSize),
    claimSteps(data, existing, protection.guard, batchSize),
    statementSteps(data, existing, protection.guard.claim, batchSize),
    protectionSteps(data, batchSize),
    lastKnownSteps(data, labelOf, existing, batchSize),
  ];
  function* steps(): Generator<Step> {
    for (const section of sections) yield* section.steps();
  }
  return { rows: sections.reduce((n, s) => n + s.rows, 0), steps };
}
