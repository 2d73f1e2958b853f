import { ENTITY, ENTITY_TYPES, type EntityType } from './entity-types.js';
import { FTM, type FtmSchema } from './ftm-schemata.js';

/** How the client colours edges: a few groups, each with a legend entry. */
export const RELATIONSHIP_GROUPS = {
  kinship: { label: 'kinship', colour: '#2f6db5' },
  family: { label: 'family membership', colour: '#8a5cc2' },
  events: { label: 'events and places', colour: '#5d6d7e' },
  other: { label: 'organisations and sources', colour: '#b9770e' },
} as const;
export type RelationshipGroup = keyof typeof RELATIONSHIP_GROUPS;

/** How a relationship type travels as FollowTheMoney. */
export interface FtmLink {
  schema: FtmSchema;
  /**
   * For FtM's family link: the word an export writes as `relationship` (what the relative is to the
   * person), and the words an import reads as this type. `inverseWords` read the other way round
   * ("son": the person is the relative's parent).
   */
  word?: string;
  words?: readonly string[];
  inverseWords?: readonly string[];
}

export interface RelationshipSpec {
  from: readonly EntityType[];
  to: readonly EntityType[];
  kinship: boolean;
  /** Symmetric facts are stored once; queries read them in both directions. */
  symmetric: boolean;
  roles?: readonly string[];
  group: RelationshipGroup;
  /** Kinship by blood or partnership, as the detention-cascade analysis counts it (not care). */
  kin?: boolean;
  /** Default: FtM `UnknownLink` with the type (and role) in `role`. */
  ftm?: FtmLink;
  /** How GEDCOM 5.5.1 holds it, when it does (FAM records). */
  gedcom?: 'FAM.CHIL' | 'FAM.HUSB/WIFE' | 'FAMC/FAMS';
}

const PEOPLE = [ENTITY.Person] as const;
const ACTORS = [ENTITY.Person, ENTITY.Organisation] as const;
const WHERE = [ENTITY.Place, ENTITY.Facility] as const;

/**
 * Every relationship type, with the labels it may join. This table is the allow-list for Cypher
 * relationship types and the source of the kinship calculator's vocabulary.
 */
export const RELATIONSHIP_SPECS = {
  PARENT_OF: {
    from: PEOPLE,
    to: PEOPLE,
    kinship: true,
    kin: true,
    symmetric: false,
    roles: ['biological', 'adoptive', 'step', 'foster'],
    group: 'kinship',
    ftm: {
      schema: FTM.Family,
      word: 'parent',
      words: [
        'parent',
        'father',
        'mother',
        'stepfather',
        'stepmother',
        'adoptive father',
        'adoptive mother',
        'foster parent',
      ],
      inverseWords: ['child', 'son', 'daughter', 'stepson', 'stepdaughter', 'adopted child'],
    },
    gedcom: 'FAM.CHIL',
  },
  PARTNER_OF: {
    from: PEOPLE,
    to: PEOPLE,
    kinship: true,
    kin: true,
    symmetric: true,
    roles: ['married', 'partner', 'divorced', 'engaged'],
    group: 'kinship',
    ftm: {
      schema: FTM.Family,
      word: 'spouse',
      words: ['spouse', 'husband', 'wife', 'partner', 'ex-husband', 'ex-wife', 'former spouse', 'fiance', 'fiancee'],
    },
    gedcom: 'FAM.HUSB/WIFE',
  },
  SIBLING_OF: {
    from: PEOPLE,
    to: PEOPLE,
    kinship: true,
    kin: true,
    symmetric: true,
    roles: ['full', 'half', 'step'],
    group: 'kinship',
    ftm: {
      schema: FTM.Family,
      word: 'sibling',
      words: ['sibling', 'brother', 'sister', 'half-brother', 'half-sister', 'stepbrother', 'stepsister'],
    },
  },
  RELATIVE_OF: {
    from: PEOPLE,
    to: PEOPLE,
    kinship: true,
    kin: true,
    symmetric: false,
    group: 'kinship',
    // Any other FtM Family word: kept as the relationship's `relation`.
    ftm: { schema: FTM.Family, word: 'relative' },
  },
  GUARDIAN_OF: {
    from: PEOPLE,
    to: PEOPLE,
    kinship: true,
    symmetric: false,
    roles: ['legal', 'caregiver', 'host'],
    group: 'kinship',
    ftm: { schema: FTM.Family, word: 'guardian', words: ['guardian', 'caregiver'] },
  },
  MEMBER_OF: {
    from: PEOPLE,
    to: [ENTITY.Family],
    kinship: false,
    symmetric: false,
    roles: ['parent', 'partner', 'child', 'guardian', 'grandparent', 'other'],
    group: 'family',
    ftm: { schema: FTM.Membership },
    gedcom: 'FAMC/FAMS',
  },
  PARTICIPATED_IN: {
    from: ACTORS,
    to: [ENTITY.Event],
    kinship: false,
    symmetric: false,
    roles: ['subject', 'perpetrator', 'witness', 'representative', 'organiser', 'recipient', 'author', 'presenter'],
    group: 'events',
  },
  OCCURRED_AT: { from: [ENTITY.Event], to: WHERE, kinship: false, symmetric: false, group: 'events' },
  LOCATED_IN: {
    from: [ENTITY.Facility, ENTITY.Place, ENTITY.Organisation],
    to: [ENTITY.Place],
    kinship: false,
    symmetric: false,
    group: 'events',
  },
  AFFILIATED_WITH: {
    from: ACTORS,
    to: [ENTITY.Organisation],
    kinship: false,
    symmetric: false,
    roles: ['founder', 'director', 'member', 'representative', 'chair', 'employee', 'client', 'part-of'],
    group: 'other',
    ftm: { schema: FTM.Membership },
  },
  REPRESENTS: {
    from: ACTORS,
    to: ACTORS,
    kinship: false,
    symmetric: false,
    roles: ['lawyer', 'advocate'],
    group: 'other',
  },
  AUTHORED: { from: ACTORS, to: [ENTITY.Source], kinship: false, symmetric: false, group: 'other' },
  PUBLISHED: { from: [ENTITY.Organisation], to: [ENTITY.Source], kinship: false, symmetric: false, group: 'other' },
  MENTIONS: {
    from: [ENTITY.Source],
    to: ENTITY_TYPES.filter((type) => type !== ENTITY.Source),
    kinship: false,
    symmetric: false,
    group: 'other',
  },
} as const satisfies Record<string, RelationshipSpec>;

export type RelationshipType = keyof typeof RELATIONSHIP_SPECS;
export const RELATIONSHIP_TYPES = Object.keys(RELATIONSHIP_SPECS) as RelationshipType[];

const typesWhere = (test: (spec: RelationshipSpec) => boolean): RelationshipType[] =>
  RELATIONSHIP_TYPES.filter((type) => test(RELATIONSHIP_SPECS[type]));

/** Kinship (the family view, kinship-only paths, the kinship calculator): guardianship included. */
export const KINSHIP_TYPES = typesWhere((spec) => spec.kinship);
/** Kin by blood or partnership (the detention-cascade analysis): care (GUARDIAN_OF) left out. */
export const KIN_TYPES = typesWhere((spec) => spec.kin === true);

export const relationshipSpec = (type: RelationshipType): RelationshipSpec => RELATIONSHIP_SPECS[type];

/** The edge group of a type; unknown types (a newer server) fall in `other`. */
export function relationshipGroup(type: string): RelationshipGroup {
  const spec: RelationshipSpec | undefined = (RELATIONSHIP_SPECS as Record<string, RelationshipSpec>)[type];
  return spec?.group ?? 'other';
}
