import { FTM, type FtmSchema } from './ftm-schemata.js';

/** How an entity type travels as FollowTheMoney. */
export interface FtmMapping {
  /** The schema an export writes. */
  schema: FtmSchema;
  /** Schemata an import reads as this type (default: `schema`). */
  reads?: readonly FtmSchema[];
  /**
   * FtM has no schema of its own for this type: the export adds the keyword `kinline:type=<type>`
   * and the import reads only entities carrying it (Family as Organization, Facility as RealEstate).
   */
  typeKeyword?: boolean;
}

/** A relationship a CSV sheet makes from one of its columns (events.csv: `subject`, `place`). */
export interface CsvShortcut {
  column: string;
  relationship: string;
  /** `in`: the column's entity points at the row's (subject PARTICIPATED_IN event). */
  direction: 'in' | 'out';
  /** The middle part of the relationship's id: `<row id>--<idPart>--<column value>`. */
  idPart: string;
  role?: string;
}

/** The sheet of the spreadsheet template (graph/import/template) an entity type has. */
export interface CsvSheetSpec {
  /** The column of the primary name (default `name`). */
  nameColumn?: string;
  /** Whether the sheet has an `aliases` column (default true). */
  aliases?: boolean;
  /** What the mapping's description adds after "Template sheet <file>". */
  note?: string;
  shortcuts?: readonly CsvShortcut[];
}

/** A Neo4j index on a type's own properties, for the queries that read it. */
export interface IndexSpec {
  name: string;
  properties: readonly string[];
  /** A range index (the default), or a point index for spatial queries (one property). */
  kind?: 'range' | 'point';
  /** Why it exists (kept beside the statement). */
  why?: string;
}

/** Everything about an entity type except its fields (graph/vocabulary/entity-fields.ts). */
export interface EntityTypeInfo {
  /** What a reader is shown; the type name itself when left out. */
  label?: string;
  plural: string;
  /** Fill colour of its nodes, dots and badges (graph, legend, search hits, details). */
  colour: string;
  /** A short glyph the client can draw beside the name. */
  icon: string;
  /** Base radius of its nodes on the graph canvas, in pixels. */
  radius: number;
  ftm: FtmMapping;
  /** The GEDCOM 5.5.1 record or structure it maps to, when it has one. */
  gedcom?: 'INDI' | 'FAM' | 'SOUR' | 'PLAC' | 'EVEN';
  csv: CsvSheetSpec;
  indexes?: readonly IndexSpec[];
}

/** Why located types carry a point index (graph/store/location.ts writes `location`). */
const LOCATION_INDEX_WHY = 'The map (bounding boxes) and "within N km of a place": graph/queries/map.ts.';

/**
 * The entity types, in the order lists show them. The keys are the Neo4j labels and the values
 * of `type` in data; nothing else names a type (ENTITY below).
 */
export const ENTITY_TYPE_INFO = {
  Person: {
    plural: 'People',
    colour: '#2f6db5',
    icon: '●',
    radius: 7,
    ftm: { schema: FTM.Person },
    gedcom: 'INDI',
    csv: {
      note: "one row per person. Lists (aliases, citizenships, identity_numbers) are separated by ';'. Dates are EDTF (1950, 1950-03, 1950~, ../2018-03).",
    },
    // stale-status reads people in last-known order (graph/store/last-known.ts).
    indexes: [{ name: 'person_last_known', properties: ['lastKnownLatest'] }],
  },
  Family: {
    plural: 'Families',
    colour: '#8a5cc2',
    icon: '⌂',
    radius: 8,
    ftm: {
      schema: FTM.Organization,
      reads: [FTM.Organization, FTM.Company, FTM.LegalEntity, FTM.PublicBody],
      typeKeyword: true,
    },
    gedcom: 'FAM',
    csv: {},
  },
  Facility: {
    plural: 'Facilities',
    colour: '#c0392b',
    icon: '▣',
    radius: 6,
    ftm: { schema: FTM.RealEstate, typeKeyword: true },
    csv: {},
    indexes: [{ name: 'facility_location', properties: ['location'], kind: 'point', why: LOCATION_INDEX_WHY }],
  },
  Place: {
    plural: 'Places',
    colour: '#2e8b57',
    icon: '◆',
    radius: 6,
    ftm: { schema: FTM.Address },
    gedcom: 'PLAC',
    csv: {},
    indexes: [{ name: 'place_location', properties: ['location'], kind: 'point', why: LOCATION_INDEX_WHY }],
  },
  Organisation: {
    plural: 'Organisations',
    colour: '#d68910',
    icon: '▲',
    radius: 6,
    ftm: { schema: FTM.Organization, reads: [FTM.Organization, FTM.Company, FTM.LegalEntity, FTM.PublicBody] },
    csv: {},
  },
  Event: {
    plural: 'Events',
    colour: '#5d6d7e',
    icon: '◷',
    radius: 6,
    ftm: { schema: FTM.Event },
    gedcom: 'EVEN',
    csv: {
      aliases: false,
      note: 'one row per claim (repeat the id to cite a second source). `subject` (a person id) and `place` (a place or facility id) are optional shortcuts for PARTICIPATED_IN and OCCURRED_AT; more participants go in relationships.csv.',
      shortcuts: [
        { column: 'subject', relationship: 'PARTICIPATED_IN', direction: 'in', idPart: 'subject', role: 'subject' },
        { column: 'place', relationship: 'OCCURRED_AT', direction: 'out', idPart: 'at' },
      ],
    },
    indexes: [
      { name: 'event_kind_start', properties: ['kind', 'startEarliest'] },
      { name: 'event_start_latest', properties: ['startLatest'] },
      {
        name: 'event_kind_end_latest',
        properties: ['kind', 'endLatest'],
        why: 'Open starts ("../2018-03") have no startEarliest but always an end: graph/patterns/started-by.ts.',
      },
    ],
  },
  Source: {
    plural: 'Sources',
    colour: '#7f8c8d',
    icon: '❝',
    radius: 6,
    ftm: { schema: FTM.Document, reads: [FTM.Document, FTM.Article, FTM.Pages] },
    gedcom: 'SOUR',
    csv: { nameColumn: 'title', aliases: false, note: 'every claim cites one of these ids.' },
  },
} as const satisfies Record<string, EntityTypeInfo>;

export type EntityType = keyof typeof ENTITY_TYPE_INFO;

/** The type names in list order: the allow-list of Neo4j labels. */
export const ENTITY_TYPES = Object.keys(ENTITY_TYPE_INFO) as unknown as readonly [EntityType, ...EntityType[]];

/**
 * `ENTITY.Person` instead of the string: a typo fails the type check, and it narrows a
 * discriminated union like the literal does (`e.type === ENTITY.Person`).
 */
export const ENTITY = Object.fromEntries(ENTITY_TYPES.map((type) => [type, type])) as {
  readonly [K in EntityType]: K;
};

export const isEntityType = (value: unknown): value is EntityType =>
  typeof value === 'string' && Object.hasOwn(ENTITY_TYPE_INFO, value);

/** What a reader is shown for a type. */
export function entityLabel(type: EntityType): string {
  const info: EntityTypeInfo = ENTITY_TYPE_INFO[type];
  return info.label ?? type;
}
