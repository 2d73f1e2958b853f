import type { z } from 'zod';
import { lastNamedDay, parseEdtf, type DateBounds } from '../dates/edtf.js';
import { type Entity, ENTITY_SCHEMAS, type EntityType, type Relationship } from '../schema/index.js';
import { defaultPseudonym } from '../safety/disclosure.js';
import type { RecordGuard } from './protection.js';
import { searchText } from '../search/fold.js';
import type { Props } from '../db/props.js';
import { type Published, reportedBounds, sourcesOfDate, UNPUBLISHED } from './published.js';
import { confidenceRank, DEFAULT_CONFIDENCE, strongestConfidence } from '../vocabulary/confidence.js';
import { ENTITY } from '../vocabulary/entity-types.js';

type AnyEntity = z.infer<typeof Entity>;

const SHAPES: Record<EntityType, z.ZodObject> = ENTITY_SCHEMAS;

/** Keys Neo4j cannot hold as properties (lists of maps): stored as `<key>Json` strings. */
const JSON_KEYS = new Set(['names', 'claims', 'identifiers', 'footprint']);
/** EDTF fields whose bounds are stored beside them for range queries. */
const DATE_KEYS = ['date', 'birthDate', 'deathDate'] as const;

function boundsProps(prefix: string, bounds: DateBounds): Props {
  const p = prefix === 'date' ? '' : prefix;
  const key = (name: string) => (p ? `${p}${name[0]!.toUpperCase()}${name.slice(1)}` : name);
  return {
    [key('startEarliest')]: bounds.startEarliest,
    [key('startLatest')]: bounds.startLatest,
    [key('endEarliest')]: bounds.endEarliest,
    [key('endLatest')]: bounds.endLatest,
    ...(p ? {} : { openEnd: bounds.openEnd, approximate: bounds.approximate, uncertain: bounds.uncertain }),
  };
}

/** What a record without a protected name shows to anyone; for tools that only compare fields. */
export const UNGUARDED: RecordGuard = Object.freeze({ publicId: '' });

/** Search text of each clearance (graph/schema/database.ts: one full-text index over the three). */
const SEARCH_KEY = {
  none: 'searchText',
  pseudonymous: 'searchPseudonymous',
  confidential: 'searchConfidential',
} as const;

/**
 * Node properties of an entity: its own fields, plus derived keys for search, dates and safety.
 * `guard` (graph/store/protection.ts) is written with the record, in the same statement.
 */
export function entityToProps(entity: AnyEntity, guard: RecordGuard, published: Published = UNPUBLISHED): Props {
  const props: Props = {};
  for (const [key, value] of Object.entries(entity)) {
    // Statements are AttributeClaim nodes beside the record (graph/store/statements.ts).
    if (value === undefined || key === 'claims' || key === 'statements') continue;
    if (JSON_KEYS.has(key)) props[`${key}Json`] = JSON.stringify(value);
    else props[key] = value;
  }
  // Identifiers are found as names are, in the search field of the record's clearance; one that
  // mentions a protected person (a withheld detail) only in the field of the clearance it needs.
  const identifiers = (entity.identifiers ?? []).map((i) => i.value);
  const identifiersNeed = guard.detailKeys?.includes('identifiers') ? guard.detailNeeds : undefined;
  const names = [...entity.names.map((name) => name.value), ...(identifiersNeed ? [] : identifiers)];
  props.name = (entity.names.find((name) => name.kind === 'primary') ?? entity.names[0])!.value;
  props.publicId = guard.publicId;
  for (const key of DATE_KEYS) {
    const value = (entity as Props)[key];
    if (typeof value !== 'string') continue;
    // An event's date is reported by its sources: none can tell of a time after it was written.
    const bounds =
      entity.type === ENTITY.Event ? reportedBounds(value, sourcesOfDate(entity.claims), published) : parseEdtf(value);
    Object.assign(props, boundsProps(key, bounds));
  }
  if (guard.detailNeeds) {
    props.detailNeeds = guard.detailNeeds;
    props.detailKeys = guard.detailKeys ?? [];
  }
  if (entity.type === ENTITY.Person) {
    props.pseudonym = entity.pseudonym ?? defaultPseudonym(guard.publicId);
    props.pseudonymGiven = entity.pseudonym !== undefined;
    props.birthYear = entity.birthDate ? Number(lastNamedDay(parseEdtf(entity.birthDate)).slice(0, 4)) : null;
  } else if (guard.needs) {
    props.pseudonym = `Withheld ${entity.type.toLowerCase()}`;
  }
  // A reader finds a record by its names only in the field of their clearance or below; below
  // that, a protected person is found by pseudonym and a record named after one not at all.
  if (guard.needs) {
    props.needs = guard.needs;
    props.protected = true;
    props[SEARCH_KEY[guard.needs]] = searchText(names);
    if (entity.type === ENTITY.Person) props.searchText = searchText([props.pseudonym as string]);
  } else {
    if (entity.type === ENTITY.Person) props.protected = false;
    props.searchText = searchText(names);
  }
  if (identifiersNeed && identifiersNeed !== 'none') {
    const key = SEARCH_KEY[identifiersNeed];
    props[key] = [props[key], searchText(identifiers)].filter(Boolean).join(' | ');
  }
  return props;
}

/** The entity as it was loaded: only the schema's own keys come back (derived keys are dropped). */
export function propsToEntity(type: EntityType, props: Props): AnyEntity {
  const record: Props = {};
  for (const key of Object.keys(SHAPES[type].shape)) {
    if (JSON_KEYS.has(key) && typeof props[`${key}Json`] === 'string')
      record[key] = JSON.parse(props[`${key}Json`] as string);
    else if (key === 'pseudonym' && props.pseudonymGiven !== true) continue;
    else if (props[key] !== undefined && props[key] !== null) record[key] = props[key];
  }
  return record as AnyEntity;
}

export function relationshipToProps(rel: Relationship, guard: RecordGuard): Props {
  const props: Props = { id: rel.id, publicId: guard.publicId };
  if (guard.needs) props.needs = guard.needs;
  if (rel.role) props.role = rel.role;
  if (rel.relation) props.relation = rel.relation;
  if (rel.synthetic) props.synthetic = true;
  if (rel.date) Object.assign(props, { date: rel.date }, boundsProps('date', parseEdtf(rel.date)));
  props.confidence = strongestConfidence(rel.claims.map((claim) => claim.confidence ?? DEFAULT_CONFIDENCE));
  props.confidenceRank = confidenceRank(props.confidence as string);
  return props;
}
