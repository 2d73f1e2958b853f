import { CLEARANCES, type Clearance, type Reader } from '../access/roles.js';
import type { Props } from '../db/props.js';
import type { EntityType, Identifier, Name } from '../schema/index.js';
import { SEARCH_FIELDS } from '../schema/index.js';
import type { EntityView } from '../views/entity.js';
import { ENTITY } from '../vocabulary/entity-types.js';
import { IDENTIFYING_KINDS } from '../vocabulary/event-kinds.js';
import { KINSHIP_TYPES } from '../vocabulary/relationship-types.js';

/**
 * The reader-aware read layer (README, "Who sees what"). Every query function takes a ReadScope
 * first, and every record leaves the graph through it: a response is built only from what this
 * reader may see, decided from what was stored with each record when it was written
 * (graph/store/protection.ts: `needs`, `detailNeeds`), never by rewriting text afterwards.
 */
export interface ReadScope {
  readonly reader: Reader;
  /** Whether the reader sees this stored node, relationship or claim as itself. */
  mayRead(props: Props): boolean;
  /**
   * Whether the reader may know the record exists at all. A birth or death record they may not
   * read is not there for them, not even as "Withheld event": its links would date and place a
   * protected person (its place is their birthplace).
   */
  mayKnow(props: Props): boolean;
  /** The entity as this reader sees it: a withheld record is its pseudonym and public id only. */
  present(props: Props, options?: { detail?: boolean }): EntityView;
  /** The id this reader knows a record by: its public id when withheld from them. */
  visibleId(props: Props): string;
  /** A relationship is seen as itself only when both ends and the relationship itself are. */
  relationshipReadable(rel: Props, a: Props, b: Props): boolean;
  relationshipId(rel: Props, a: Props, b: Props): string;
  /**
   * Kinship with someone this reader may not read: its date (a parent-of date is a birth) and its
   * claims' texts (a family tree's lines about a child) are withheld; other links keep both, and
   * their claims are withheld only where a text mentions the person (its own `needs`).
   */
  kinshipWithheld(type: string, rel: Props, a: Props, b: Props): boolean;
  /** The date of a relationship, unless kinshipWithheld. */
  relationshipDate(type: string, rel: Props, a: Props, b: Props): string | undefined;
  /**
   * A kinship relationship's own words for what its start is to its end ("niece"), unless the start
   * is withheld from this reader: the words would give their gender.
   */
  relationshipRelation(rel: Props, start: Props): string | undefined;
  /** The full-text fields this reader's search may read (graph/schema/database.ts). */
  readonly searchFields: readonly string[];
  /** Real ids of protected records this reader was shown by name: each such read is audited. */
  readonly namedProtected: Set<string>;
  /**
   * A Cypher condition: the record bound to `variable` is readable by this reader. Its parameter
   * is `$readableLevels` (from `cypherParams`). For filters that must not turn a withheld value
   * (a birth date) into an oracle by including or excluding its record.
   */
  readable(variable: string): string;
  /** A Cypher condition: the record bound to `variable` is one this reader may know of (mayKnow). */
  knowable(variable: string): string;
  readonly cypherParams: { readableLevels: string[]; identifyingKinds: readonly string[] };
}

const rank = (clearance: Clearance) => CLEARANCES.indexOf(clearance);

/** What a stored record needs; a record marked protected without a level (older graphs) needs the most. */
export function needsOf(props: Props): Clearance | undefined {
  if (typeof props.needs === 'string' && (CLEARANCES as readonly string[]).includes(props.needs))
    return props.needs as Clearance;
  return props.protected === true ? 'confidential' : undefined;
}

/** Derived and guarding keys: never shown as fields of a record. */
const INTERNAL_KEYS = new Set([
  'namesJson',
  'identifiersJson',
  'searchText',
  'searchPseudonymous',
  'searchConfidential',
  'publicId',
  'pseudonym',
  'pseudonymGiven',
  'protected',
  'needs',
  'detailNeeds',
  'detailKeys',
  'type',
  'id',
  'name',
  'lastKnownEarliest',
  'lastKnownLatest',
  'version',
  'location',
  'footprintJson',
]);

const KINSHIP: ReadonlySet<string> = new Set(KINSHIP_TYPES);
const IDENTIFYING: ReadonlySet<string> = new Set(IDENTIFYING_KINDS);

export function scopeFor(reader: Reader): ReadScope {
  const level = rank(reader.clearance);
  const allows = (needs: Clearance | undefined) => !needs || rank(needs) <= level;
  const mayRead = (props: Props) => allows(needsOf(props));
  const namedProtected = new Set<string>();
  /** The real id of a record this reader may read, noted for the audit when it is protected. */
  const named = (props: Props) => {
    if (needsOf(props)) namedProtected.add(String(props.id));
    return String(props.id);
  };
  const relationshipReadable = (rel: Props, a: Props, b: Props) => mayRead(rel) && mayRead(a) && mayRead(b);
  const readable = (x: string) =>
    `((${x}.needs IS NULL AND coalesce(${x}.protected, false) = false) OR ${x}.needs IN $readableLevels)`;
  return {
    reader,
    mayRead,
    mayKnow: (props) => mayRead(props) || props.type !== ENTITY.Event || !IDENTIFYING.has(String(props.kind)),
    readable,
    knowable: (x) => `(NOT (${x}:${ENTITY.Event} AND ${x}.kind IN $identifyingKinds) OR ${readable(x)})`,
    cypherParams: {
      readableLevels: CLEARANCES.filter((c) => c !== 'none' && allows(c)),
      identifyingKinds: IDENTIFYING_KINDS,
    },
    namedProtected,
    searchFields: SEARCH_FIELDS.slice(0, level + 1),
    // A protected record's real id is a read by name (ids often spell names): audited as such.
    visibleId: (props) => (mayRead(props) ? named(props) : String(props.publicId)),
    relationshipReadable,
    relationshipId: (rel, a, b) => (relationshipReadable(rel, a, b) ? named(rel) : String(rel.publicId)),
    kinshipWithheld: (type, rel, a, b) => KINSHIP.has(type) && !relationshipReadable(rel, a, b),
    relationshipDate(type, rel, a, b) {
      if (typeof rel.date !== 'string') return undefined;
      return KINSHIP.has(type) && !relationshipReadable(rel, a, b) ? undefined : rel.date;
    },
    relationshipRelation: (rel, start) =>
      typeof rel.relation === 'string' && mayRead(start) ? rel.relation : undefined,
    present(props, options = {}) {
      const type = props.type as EntityType;
      if (!mayRead(props)) {
        return {
          id: String(props.publicId),
          type,
          name: String(props.pseudonym ?? `Withheld ${type.toLowerCase()}`),
          protected: true,
        };
      }
      const needs = needsOf(props);
      const view: EntityView = { id: named(props), type, name: String(props.name) };
      if (needs && needs !== 'none') view.disclosure = needs;
      if (typeof props.kind === 'string') view.kind = props.kind;
      if (props.synthetic === true) view.synthetic = true;
      if (!options.detail) return view;
      const detailNeeds = props.detailNeeds as Clearance | undefined;
      // Fields that name someone protected are shown only to a reader cleared for them: a read by name.
      if (detailNeeds && allows(detailNeeds)) namedProtected.add(String(props.id));
      const withheld = new Set(allows(detailNeeds) ? [] : (props.detailKeys as string[]));
      if (typeof props.namesJson === 'string') view.names = JSON.parse(props.namesJson) as Name[];
      if (typeof props.identifiersJson === 'string' && !withheld.has('identifiersJson') && !withheld.has('identifiers'))
        view.identifiers = JSON.parse(props.identifiersJson) as Identifier[];
      for (const [key, value] of Object.entries(props)) {
        if (INTERNAL_KEYS.has(key) || withheld.has(key) || value === null || value === undefined || key in view)
          continue;
        view[key] = value;
      }
      return view;
    },
  };
}
