import { z } from 'zod';
import type { EntityType } from './entity-types.js';
import { EVENT_KIND_NAMES } from './event-kinds.js';
import { Footprint } from './geometry.js';
import { LOCATION_PRECISIONS, PLACE_KINDS } from './precision.js';
import { Claims, Disclosure, Edtf, Id, Identifier, Name, ShortText, Statement, Text } from './values.js';

/** What every entity has. Its `type` is added by graph/schema from the type's name. */
export const ENTITY_BASE_FIELDS = {
  id: Id,
  names: z.array(Name).min(1),
  description: Text.optional(),
  synthetic: z.boolean().optional(),
  /** Register numbers, case numbers, dataset keys, each with the scheme that issued it. */
  identifiers: z.array(Identifier).max(50).optional(),
  /** Each field's values as the sources give them, with their claims (graph/schema/statements.ts). */
  statements: z.array(Statement).max(500).optional(),
};

/** Fields older files may still give, read as their successors (graph/schema/statements.ts), never written. */
export const DEPRECATED_FIELDS: ReadonlySet<string> = new Set(['externalIds']);

/** A person's protection: who may read them by name (only an admin or a cleared user sets these). */
export const PROTECTION_FIELDS = ['disclosure', 'minor', 'pseudonym'] as const;

/**
 * Fields that are the curator's settings, not a source's facts: no statement gives them
 * (a person's disclosure is a safety decision, not something a source says).
 */
export const UNSTATED_FIELDS: ReadonlySet<string> = new Set([
  'id',
  'type',
  'statements',
  'claims',
  'synthetic',
  ...PROTECTION_FIELDS,
  ...DEPRECATED_FIELDS,
]);

const latitude = z.number().min(-90).max(90).optional();
const longitude = z.number().min(-180).max(180).optional();

/**
 * Each type's own fields, in the order the spreadsheet template's columns show them
 * (graph/import/template: `id`, `kind`, the name columns, these, `description`).
 */
export const ENTITY_FIELDS = {
  Person: {
    gender: z.enum(['female', 'male', 'other', 'unknown']).optional(),
    birthDate: Edtf.optional(),
    birthPlace: Id.optional(),
    deathDate: Edtf.optional(),
    disclosure: Disclosure.optional(),
    minor: z.boolean().optional().describe('minors are pseudonymous unless disclosure says otherwise'),
    pseudonym: ShortText.optional().describe('shown instead of the name to readers without clearance'),
    citizenships: z.array(ShortText).max(10).optional(),
    ethnicity: ShortText.optional(),
    occupation: ShortText.optional(),
    identityNumbers: z.array(ShortText).max(20).optional(),
  },
  Family: {},
  Facility: {
    kind: z.enum(['camp', 'prison', 'detention-centre', 'police-station', 'clandestine-centre', 'other']),
    latitude,
    longitude,
    securityTier: z.number().int().min(0).max(4).optional(),
    footprint: Footprint.optional().describe(
      'its outline as a GeoJSON Polygon or MultiPolygon (read from a GeoJSON import), beside its point',
    ),
    precision: z
      .enum(LOCATION_PRECISIONS)
      .optional()
      .describe(
        'how exactly the record locates it: facility (identified, the default), facility-type ("Prison, Urumqi": a prison somewhere in Urumqi), city, region',
      ),
    externalIds: z
      .array(ShortText)
      .max(20)
      .optional()
      .describe('deprecated: read as `identifiers` of scheme "external" (graph/schema/statements.ts)'),
  },
  Place: {
    /** Its kind gives its precision (precision.ts, PLACE_KIND_PRECISION). */
    kind: z.enum(PLACE_KINDS),
    country: ShortText.optional(),
    latitude,
    longitude,
  },
  Organisation: {
    kind: z.enum([
      'ngo',
      'media',
      'state-agency',
      'court',
      'university',
      'intergovernmental',
      'security-force',
      'other',
    ]),
  },
  Event: {
    kind: z.enum(EVENT_KIND_NAMES),
    date: Edtf.optional(),
    dateAsWritten: ShortText.optional().describe('the source\'s own words for `date` ("fines/09/1976")'),
    claims: Claims,
  },
  Source: {
    kind: z.enum([
      'article',
      'video',
      'testimony',
      'official-document',
      'report',
      'dataset',
      'satellite-image',
      'book',
      'other',
    ]),
    authors: z.array(ShortText).max(50).optional(),
    publisher: ShortText.optional(),
    date: Edtf.optional(),
    url: z.url().max(2000).optional(),
    archiveUrl: z.url().max(2000).optional(),
    language: z
      .string()
      .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/)
      .optional(),
    reliability: z.enum(['high', 'medium', 'low', 'unknown']).optional(),
    sha256: z
      .string()
      .regex(/^[0-9a-f]{64}$/)
      .optional(),
  },
} as const satisfies Record<EntityType, z.ZodRawShape>;

/** The types whose records carry coordinates (`latitude`, `longitude`): what the map draws. */
export const LOCATED_TYPES = (Object.keys(ENTITY_FIELDS) as EntityType[]).filter(
  (type) => 'latitude' in ENTITY_FIELDS[type] && 'longitude' in ENTITY_FIELDS[type],
) as unknown as readonly [EntityType, ...EntityType[]];
