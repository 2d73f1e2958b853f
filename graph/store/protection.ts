import { randomBytes } from 'node:crypto';
import type { Clearance } from '../access/roles.js';
import { clearanceNeededFor } from '../access/roles.js';
import { read } from '../db/driver.js';
import { cypherInt } from '../db/page.js';
import type { Dataset, Entity } from '../schema/index.js';
import { disclosureOf } from '../safety/disclosure.js';
import { higher, type MentionMatcher, mentionMatcher, termsOfPerson } from '../safety/mentions.js';
import { ENTITY } from '../vocabulary/entity-types.js';
import { IDENTIFYING_KINDS } from '../vocabulary/event-kinds.js';
import { claimedFacts } from './facts.js';
import { statedFacts, valueTexts } from './statements.js';
import { ATTRIBUTE_CLAIM } from '../schema/index.js';
import { cachedContext, contextOf, PEOPLE_FIELDS, storedPerson } from './protection-cache.js';

/**
 * What each record of a dataset needs of a reader, decided when the record is written and stored
 * with it in the same statement, so no load (batched or interrupted) ever leaves a record readable
 * that should not be (graph/README.md, Safety). The read layer (graph/read) only compares.
 *
 * - `needs`: the clearance needed to see the record as itself (name, id, fields). A person's comes
 *   from their disclosure; another record needs one when its names or id mention a protected person
 *   ("Birth of Aigerim Bekova", "interview-aigerim-bekova").
 * - `detailNeeds`: the clearance needed for its other text (description, url, notes) when that
 *   mentions a protected person.
 * - a claim's `needs`: when its excerpt, translation, locator or note mentions one.
 */
export interface RecordGuard {
  publicId: string;
  needs?: Clearance;
  detailNeeds?: Clearance;
  /** The fields that `detailNeeds` withholds. */
  detailKeys?: string[];
}

export interface DatasetProtection {
  entity(id: string): RecordGuard;
  relationship(id: string): RecordGuard;
  /** The clearance a claim's texts need (claim ids are `<about>#<seq>`). */
  claim(id: string): Clearance | undefined;
}

/** A public id tells nothing: random per record, kept for as long as the record exists. */
export const newPublicId = () => `anon-${randomBytes(8).toString('hex')}`;

/** What the graph already holds that this dataset's protection depends on. */
export interface ProtectionContext {
  /** Public ids of records already stored, by id (entities and relationships). */
  publicIds: ReadonlyMap<string, string>;
  /** Protected people stored and not in this dataset. */
  protectedPeople: {
    id: string;
    names: { value: string }[];
    identityNumbers?: string[] | null;
    identifiers?: { value: string }[] | null;
    pseudonym?: string | null;
    needs: Clearance;
  }[];
  /** Names of public people stored and not in this dataset. */
  publicNames: string[];
  /** The graph held nothing before this load: no stored record can need a rescan. */
  empty: boolean;
  /** The matcher of this context alone, built once and shared (protection-cache.ts). */
  matcher?: () => MentionMatcher;
}

export const EMPTY_CONTEXT: ProtectionContext = {
  publicIds: new Map(),
  protectedPeople: [],
  publicNames: [],
  empty: true,
};

type PersonRecord = Extract<Entity, { type: typeof ENTITY.Person }>;
const isPerson = (e: Entity): e is PersonRecord => e.type === ENTITY.Person;

/** The protected people's terms (dataset and graph) and the public names that overrule them. */
export function matcherFor(data: Dataset, context: ProtectionContext): MentionMatcher {
  const people = data.entities.filter(isPerson);
  if (people.length === 0 && context.matcher) return context.matcher();
  const terms = [
    ...context.protectedPeople.flatMap((p) => termsOfPerson(p, p.needs)),
    ...people.flatMap((p) => {
      const needs = clearanceNeededFor(disclosureOf(p));
      return needs === 'none' ? [] : termsOfPerson(p, needs);
    }),
  ];
  const publicNames = [
    ...context.publicNames,
    ...people.filter((p) => disclosureOf(p) === 'public').flatMap((p) => p.names.map((n) => n.value)),
  ];
  return mentionMatcher(terms, publicNames);
}

/** Statements are guarded one by one (a statement's own id, below). */
const NAME_KEYS: ReadonlySet<string> = new Set(['id', 'type', 'names', 'claims', 'pseudonym', 'statements']);

/** Every other text of a record, by field: where a protected name may hide in a description or a URL. */
function detailTexts(record: Record<string, unknown>, skip: ReadonlySet<string>): [string, string[]][] {
  return Object.entries(record).flatMap(([key, value]): [string, string[]][] =>
    skip.has(key)
      ? []
      : typeof value === 'string'
        ? [[key, [value]]]
        : Array.isArray(value) && value.every((v) => typeof v === 'string')
          ? [[key, value]]
          : key === 'identifiers' && Array.isArray(value)
            ? [[key, value.map((i: { value: string }) => i.value)]]
            : [],
  );
}

/** The clearance the other texts of a record need, and the fields that need it. */
function detailGuard(matcher: MentionMatcher, record: Record<string, unknown>, skip: ReadonlySet<string>) {
  let needs: Clearance | undefined;
  const keys: string[] = [];
  for (const [key, texts] of detailTexts(record, skip)) {
    const found = matcher.needs(...texts);
    if (found) {
      keys.push(key);
      needs = higher(needs, found);
    }
  }
  return { needs, keys };
}

/**
 * Birth and death records of protected participants in this dataset, guarded when they are written
 * (a batched load must not show one between its batches); records only stored are guarded by the
 * loader's protection step (load-plan.ts).
 */
function identifyingEventGuards(data: Dataset, context: ProtectionContext): Map<string, Clearance> {
  const identifying = new Set(
    data.entities
      .filter((e) => e.type === ENTITY.Event && (IDENTIFYING_KINDS as readonly string[]).includes(e.kind))
      .map((e) => e.id),
  );
  const needsOf = new Map<string, Clearance>([
    ...context.protectedPeople.map((p) => [p.id, p.needs] as const),
    ...data.entities.filter(isPerson).map((p) => [p.id, clearanceNeededFor(disclosureOf(p))] as const),
  ]);
  const out = new Map<string, Clearance>();
  for (const rel of data.relationships) {
    const needs = needsOf.get(rel.from);
    if (rel.type !== 'PARTICIPATED_IN' || !identifying.has(rel.to) || !needs || needs === 'none') continue;
    out.set(rel.to, higher(out.get(rel.to), needs)!);
  }
  return out;
}

/** Decides the guard of every record of `data` (pure: the graph's part comes in `context`). */
export function protectDataset(data: Dataset, context: ProtectionContext = EMPTY_CONTEXT): DatasetProtection {
  const matcher = matcherFor(data, context);
  const guards = new Map<string, RecordGuard>();
  const publicIdOf = (id: string) => context.publicIds.get(id) ?? newPublicId();
  const datesSomeone = identifyingEventGuards(data, context);
  for (const entity of data.entities) {
    const guard: RecordGuard = { publicId: publicIdOf(entity.id) };
    const own = isPerson(entity) ? clearanceNeededFor(disclosureOf(entity)) : undefined;
    // A person's own names are theirs to bear; anyone else's record named after them is withheld.
    const needs = isPerson(entity)
      ? own === 'none'
        ? undefined
        : own
      : higher(matcher.needs(entity.id, ...entity.names.map((n) => n.value)), datesSomeone.get(entity.id));
    if (needs) guard.needs = needs;
    const detail = detailGuard(matcher, entity, NAME_KEYS);
    if (detail.needs && higher(detail.needs, needs) !== needs) {
      guard.detailNeeds = detail.needs;
      guard.detailKeys = detail.keys;
    }
    guards.set(entity.id, guard);
  }
  const relationships = new Map<string, RecordGuard>();
  for (const rel of data.relationships) {
    const guard: RecordGuard = { publicId: publicIdOf(rel.id) };
    const needs = matcher.needs(rel.id);
    if (needs) guard.needs = needs;
    relationships.set(rel.id, guard);
  }
  const claims = new Map<string, Clearance>();
  for (const fact of claimedFacts(data))
    fact.claims.forEach((claim, seq) => {
      const needs = matcher.needs(claim.excerpt, claim.translation, claim.locator, claim.note, claim.dateAsWritten);
      if (needs) claims.set(`${fact.about}#${seq}`, needs);
    });
  // A statement is its entity's field: it needs what the entity needs, or more where its value or
  // its texts mention someone protected (a statement's own id holds its value's needs).
  for (const { entity, about, statement } of statedFacts(data)) {
    const own = guards.get(entity.id)?.needs;
    const valueNeeds = higher(matcher.needs(...valueTexts(statement.value)), own);
    if (valueNeeds) claims.set(about, valueNeeds);
    statement.claims.forEach((claim, seq) => {
      const needs = higher(matcher.needs(claim.excerpt, claim.translation, claim.locator, claim.note), valueNeeds);
      if (needs) claims.set(`${about}#${seq}`, needs);
    });
  }
  return {
    entity: (id) => guards.get(id) ?? { publicId: publicIdOf(id) },
    relationship: (id) => relationships.get(id) ?? { publicId: publicIdOf(id) },
    claim: (id) => claims.get(id),
  };
}

/** Stored records whose guard must rise because this dataset protects someone they mention. */
export interface Raised {
  entities: { id: string; needs: Clearance | null; detailNeeds: Clearance | null; detailKeys: string[] | null }[];
  claims: { id: string; needs: Clearance }[];
  /** Attribute claims (graph/store/statements.ts): `needs` covers the value as well as the texts. */
  attributeClaims: { id: string; needs: Clearance }[];
}

const PAGE = 20_000;

/**
 * Reads what protectDataset needs to know of the graph: stored public ids come from `publicIds`
 * (the loader's lookup of existing records); an empty graph answers at once.
 */
export async function protectionContext(
  data: Dataset,
  publicIds: ReadonlyMap<string, string>,
  graphIsEmpty: boolean,
): Promise<ProtectionContext> {
  if (graphIsEmpty) return { ...EMPTY_CONTEXT, publicIds };
  const inDataset = new Set(data.entities.filter(isPerson).map((p) => p.id));
  const cached = await cachedContext(inDataset);
  if (cached) return { ...cached, publicIds };
  const people = await read(`MATCH (p:${ENTITY.Person}) WHERE NOT p.id IN $ids RETURN ${PEOPLE_FIELDS}`, {
    ids: [...inDataset],
  });
  return { ...contextOf(people.records.map(storedPerson)), publicIds };
}

/**
 * When a dataset protects people the graph held as public (or did not hold), records already stored
 * may mention them: those are read again and their guards raised in the load's own transaction.
 * Guards are never lowered here: a record stays withheld until it is itself written again.
 */
export async function raisedByDataset(data: Dataset, context: ProtectionContext): Promise<Raised> {
  const raised: Raised = { entities: [], claims: [], attributeClaims: [] };
  if (context.empty) return raised;
  const people = data.entities.filter(isPerson);
  const protectedHere = people.filter((p) => clearanceNeededFor(disclosureOf(p)) !== 'none');
  if (protectedHere.length === 0) return raised;
  const stored = await read<{ id: string; needs: Clearance | null }>(
    `UNWIND $ids AS id MATCH (p:${ENTITY.Person} {id: id}) RETURN id, p.needs AS needs`,
    { ids: protectedHere.map((p) => p.id) },
  );
  const storedNeeds = new Map(stored.records.map((r) => [r.get('id'), r.get('needs')]));
  const nowProtected = protectedHere.filter((p) => !storedNeeds.get(p.id));
  if (nowProtected.length === 0) return raised;
  const matcher = mentionMatcher(
    nowProtected.flatMap((p) => termsOfPerson(p, clearanceNeededFor(disclosureOf(p)))),
    [
      ...context.publicNames,
      ...people.filter((p) => disclosureOf(p) === 'public').flatMap((p) => p.names.map((n) => n.value)),
    ],
  );
  if (matcher.size === 0) return raised;
  const written = new Set(data.entities.map((e) => e.id));
  for (let skip = 0; ; skip += PAGE) {
    const rows = await read<{ p: Record<string, unknown> }>(
      `MATCH (n:Entity) WHERE NOT n:${ENTITY.Person} RETURN properties(n) AS p ORDER BY n.id SKIP $skip LIMIT $limit`,
      { skip: cypherInt(skip), limit: cypherInt(PAGE) },
    );
    for (const record of rows.records) {
      const p = record.get('p');
      if (written.has(String(p.id))) continue;
      const names = JSON.parse(String(p.namesJson ?? '[]')) as { value: string }[];
      const needs = higher(matcher.needs(String(p.id), ...names.map((n) => n.value)), p.needs as Clearance | undefined);
      const detail = detailGuard(matcher, p, STORED_NAME_KEYS);
      const detailNeeds = higher(detail.needs, p.detailNeeds as Clearance | undefined);
      const detailKeys = [...new Set([...((p.detailKeys as string[] | undefined) ?? []), ...detail.keys])];
      if (needs !== p.needs || detailNeeds !== p.detailNeeds)
        raised.entities.push({
          id: String(p.id),
          needs: needs ?? null,
          detailNeeds: detailNeeds ?? null,
          detailKeys: detailKeys.length ? detailKeys : null,
        });
    }
    if (rows.records.length < PAGE) break;
  }
  for (let skip = 0; ; skip += PAGE) {
    const rows = await read<{ c: Record<string, unknown> }>(
      'MATCH (c:Claim) RETURN c {.id, .excerpt, .translation, .locator, .note, .dateAsWritten, .needs} AS c ORDER BY c.id SKIP $skip LIMIT $limit',
      { skip: cypherInt(skip), limit: cypherInt(PAGE) },
    );
    for (const record of rows.records) {
      const c = record.get('c');
      const found = matcher.needs(
        c.excerpt as string,
        c.translation as string,
        c.locator as string,
        c.note as string,
        c.dateAsWritten as string,
      );
      const needs = higher(found, c.needs as Clearance | undefined);
      if (needs && needs !== c.needs) raised.claims.push({ id: String(c.id), needs });
    }
    if (rows.records.length < PAGE) break;
  }
  for (let skip = 0; ; skip += PAGE) {
    const rows = await read<{ c: Record<string, unknown> }>(
      `MATCH (c:${ATTRIBUTE_CLAIM}) RETURN c {.id, .excerpt, .translation, .locator, .note, .valueJson, .needs} AS c
       ORDER BY c.id SKIP $skip LIMIT $limit`,
      { skip: cypherInt(skip), limit: cypherInt(PAGE) },
    );
    for (const record of rows.records) {
      const c = record.get('c');
      const value = valueTexts(JSON.parse(String(c.valueJson ?? 'null')));
      const texts = [c.excerpt, c.translation, c.locator, c.note].map((t) => t as string);
      const needs = higher(matcher.needs(...texts, ...value), c.needs as Clearance | undefined);
      if (needs && needs !== c.needs) raised.attributeClaims.push({ id: String(c.id), needs });
    }
    if (rows.records.length < PAGE) break;
  }
  return raised;
}

/** Stored keys that are names, derived or not text of the record. */
const STORED_NAME_KEYS: ReadonlySet<string> = new Set([
  'id',
  'type',
  'namesJson',
  'name',
  'pseudonym',
  'publicId',
  'needs',
  'detailNeeds',
  'detailKeys',
  'searchText',
  'searchPseudonymous',
  'searchConfidential',
]);
