import { parseEdtf } from '../dates/edtf.js';
import { read, write, writeTransaction } from '../db/driver.js';
import { ENTITY_TYPES, RELATIONSHIP_TYPES, type Claim, type Dataset, type EntityType } from '../schema/index.js';
import { entityToProps, relationshipToProps } from './mapping.js';
import { validateDataset } from './validate.js';

export interface LoadSummary {
  file: string;
  entities: number;
  relationships: number;
  claims: number;
  created: { nodes: number; relationships: number };
  propertiesSet: number;
}

export interface LoadOptions {
  file?: string;
  batchSize?: number;
  /**
   * `single` (default): the whole file in one transaction, all or nothing.
   * `batched`: one transaction per batch, for very large files; re-running resumes, since
   * every write is a MERGE on a stable id.
   */
  transaction?: 'single' | 'batched';
  /** Called after each batch with the rows written so far (for progress bars). */
  onProgress?: (rowsDone: number, rowsTotal: number) => void;
}

const IDENTIFYING_KINDS: string[] = ['birth', 'death'];

const chunks = <T>(rows: T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(rows.length / size) }, (_, i) => rows.slice(i * size, (i + 1) * size));

export async function entityTypesOf(ids: string[]): Promise<Map<string, EntityType>> {
  const result = await read<{ id: string; type: EntityType }>('UNWIND $ids AS id MATCH (n:Entity {id: id}) RETURN n.id AS id, n.type AS type', { ids });
  return new Map(result.records.map((r) => [r.get('id'), r.get('type')]));
}

function claimRows(about: string, aboutKind: 'Event' | 'Relationship', claims: Claim[]) {
  return claims.map((claim, seq) => {
    const bounds = claim.date ? parseEdtf(claim.date) : null;
    return {
      id: `${about}#${seq}`,
      sourceId: claim.source,
      props: {
        about, aboutKind, seq, sourceId: claim.source, locator: claim.locator, excerpt: claim.excerpt,
        translation: claim.translation ?? null, confidence: claim.confidence ?? 'probable', note: claim.note ?? null,
        date: claim.date ?? null, startEarliest: bounds?.startEarliest ?? null, startLatest: bounds?.startLatest ?? null,
        endEarliest: bounds?.endEarliest ?? null, endLatest: bounds?.endLatest ?? null,
      },
    };
  });
}

type Run = (cypher: string, params?: Record<string, unknown>) => Promise<{ summary: { counters: { updates(): Record<string, number> } } }>;

/** Builds the list of parameterised statements for a dataset; labels and types come from the schema. */
function statements(data: Dataset, batchSize: number): { cypher: string; params: Record<string, unknown> }[] {
  const out: { cypher: string; params: Record<string, unknown> }[] = [];
  for (const label of ENTITY_TYPES) {
    const rows = data.entities.filter((e) => e.type === label).map((e) => ({ id: e.id, props: entityToProps(e) }));
    for (const batch of chunks(rows, batchSize)) {
      out.push({ cypher: `UNWIND $rows AS row MERGE (n:Entity:${label} {id: row.id}) SET n = row.props`, params: { rows: batch } });
    }
  }
  for (const type of RELATIONSHIP_TYPES) {
    const rows = data.relationships.filter((r) => r.type === type).map((r) => ({ id: r.id, from: r.from, to: r.to, props: relationshipToProps(r) }));
    for (const batch of chunks(rows, batchSize)) {
      out.push({
        cypher: `UNWIND $rows AS row MATCH (a:Entity {id: row.from}) MATCH (b:Entity {id: row.to})
                 MERGE (a)-[r:${type} {id: row.id}]->(b) SET r = row.props`,
        params: { rows: batch },
      });
    }
  }
  const claims = [
    ...data.entities.flatMap((e) => (e.type === 'Event' ? claimRows(e.id, 'Event', e.claims) : [])),
    ...data.relationships.flatMap((r) => claimRows(r.id, 'Relationship', r.claims)),
  ];
  for (const batch of chunks(claims, batchSize)) {
    out.push({
      cypher: `UNWIND $rows AS row MERGE (c:Claim {id: row.id}) SET c = row.props, c.id = row.id
               WITH c, row MATCH (s:Source {id: row.sourceId})
               OPTIONAL MATCH (c)-[old:CITES]->(other) WHERE other.id <> row.sourceId DELETE old
               MERGE (c)-[:CITES]->(s)`,
      params: { rows: batch },
    });
  }
  // A re-load with fewer claims for the same fact drops the surplus ones.
  const counts = [
    ...data.entities.flatMap((e) => (e.type === 'Event' ? [{ about: e.id, count: e.claims.length }] : [])),
    ...data.relationships.map((r) => ({ about: r.id, count: r.claims.length })),
  ];
  for (const batch of chunks(counts, batchSize)) {
    out.push({ cypher: 'UNWIND $rows AS row MATCH (c:Claim {about: row.about}) WHERE c.seq >= row.count DETACH DELETE c', params: { rows: batch } });
  }
  // A protected person's birth or death record would give away the birth date the Safety rules
  // withhold: such events are protected too, shown only as a pseudonym without a date.
  const events = [...new Set([
    ...data.entities.filter((e) => e.type === 'Event' && IDENTIFYING_KINDS.includes(e.kind)).map((e) => e.id),
    ...data.relationships.filter((r) => r.type === 'PARTICIPATED_IN').map((r) => r.to),
  ])];
  for (const batch of chunks(events, batchSize)) {
    out.push({
      cypher: `UNWIND $rows AS id MATCH (e:Event {id: id}) WHERE e.kind IN $kinds
               SET e.protected = EXISTS { (:Person {protected: true})-[:PARTICIPATED_IN]->(e) },
                   e.pseudonym = CASE WHEN e.protected THEN 'Withheld record of a protected person' END`,
      params: { rows: batch, kinds: IDENTIFYING_KINDS },
    });
  }
  return out;
}

/** Validates the whole dataset, then writes it with batched UNWIND MERGEs. Idempotent. */
export async function loadDataset(input: unknown, options: LoadOptions = {}): Promise<LoadSummary> {
  const file = options.file ?? '<input>';
  const data = await validateDataset(input, file, entityTypesOf);
  const plan = statements(data, options.batchSize ?? 5_000);
  const totals = { nodesCreated: 0, relationshipsCreated: 0, propertiesSet: 0 };
  const rowsOf = (step: (typeof plan)[number]) => (step.params.rows as unknown[]).length;
  const rowsTotal = plan.reduce((n, step) => n + rowsOf(step), 0);
  let rowsDone = 0;
  const apply = async (run: Run, steps: typeof plan) => {
    for (const step of steps) {
      const updates = (await run(step.cypher, step.params)).summary.counters.updates();
      rowsDone = Math.min(rowsTotal, rowsDone + rowsOf(step));
      options.onProgress?.(rowsDone, rowsTotal);
      totals.nodesCreated += updates.nodesCreated ?? 0;
      totals.relationshipsCreated += updates.relationshipsCreated ?? 0;
      totals.propertiesSet += updates.propertiesSet ?? 0;
    }
  };
  if (options.transaction === 'batched') {
    for (const step of plan) await apply((c, p) => write(c, p), [step]);
  } else {
    await writeTransaction((run) => apply(run, plan));
  }
  return {
    file,
    entities: data.entities.length,
    relationships: data.relationships.length,
    claims: data.entities.reduce((n, e) => n + (e.type === 'Event' ? e.claims.length : 0), 0) + data.relationships.reduce((n, r) => n + r.claims.length, 0),
    created: { nodes: totals.nodesCreated, relationships: totals.relationshipsCreated },
    propertiesSet: totals.propertiesSet,
  };
}
