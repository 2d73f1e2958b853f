import { z } from 'zod';
import { Claims, Edtf, Id, Name, ShortText, Text } from './common.js';

/** Who may see a person: pseudonymous and confidential people need clearance (graph/README.md, Safety). */
export const Disclosure = z.enum(['public', 'pseudonymous', 'confidential']);
export type Disclosure = z.infer<typeof Disclosure>;

const base = {
  id: Id,
  names: z.array(Name).min(1),
  description: Text.optional(),
  synthetic: z.boolean().optional(),
};

export const Person = z
  .object({
    ...base,
    type: z.literal('Person'),
    gender: z.enum(['female', 'male', 'other', 'unknown']).optional(),
    birthDate: Edtf.optional(),
    birthPlace: Id.optional(),
    deathDate: Edtf.optional(),
    minor: z.boolean().optional().describe('minors are pseudonymous unless disclosure says otherwise'),
    disclosure: Disclosure.optional(),
    pseudonym: ShortText.optional().describe('shown instead of the name to readers without clearance'),
    citizenships: z.array(ShortText).max(10).optional(),
    ethnicity: ShortText.optional(),
    occupation: ShortText.optional(),
    identityNumbers: z.array(ShortText).max(20).optional(),
  })
  .strict();

export const Family = z.object({ ...base, type: z.literal('Family'), names: z.array(Name).min(1) }).strict();

export const Facility = z
  .object({
    ...base,
    type: z.literal('Facility'),
    kind: z.enum(['camp', 'prison', 'detention-centre', 'police-station', 'clandestine-centre', 'other']),
    latitude: z.number().min(-90).max(90).optional(),
    longitude: z.number().min(-180).max(180).optional(),
    securityTier: z.number().int().min(0).max(4).optional(),
    externalIds: z.array(ShortText).max(20).optional(),
  })
  .strict();

export const Place = z
  .object({
    ...base,
    type: z.literal('Place'),
    kind: z.enum(['country', 'region', 'city', 'district', 'border-crossing', 'address', 'other']),
    country: ShortText.optional(),
    latitude: z.number().min(-90).max(90).optional(),
    longitude: z.number().min(-180).max(180).optional(),
  })
  .strict();

export const Organisation = z
  .object({
    ...base,
    type: z.literal('Organisation'),
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
  })
  .strict();

export const EventKind = z.enum([
  'crossing',
  'detention',
  'transfer',
  'trial',
  'sentence',
  'release',
  'disappearance',
  'passport-confiscation',
  'blocked-exit',
  'death',
  'birth',
  'marriage',
  'testimony',
  'publication',
  'award',
  'advocacy',
  'appointment',
  'other',
]);
export type EventKind = z.infer<typeof EventKind>;

/** Event kinds that put a person out of reach of their family while they last. */
export const DEPRIVING_EVENT_KINDS = [
  'detention',
  'disappearance',
  'blocked-exit',
] as const satisfies readonly EventKind[];

export const Event = z
  .object({
    ...base,
    type: z.literal('Event'),
    names: z.array(Name).min(1),
    kind: EventKind,
    date: Edtf.optional(),
    claims: Claims,
  })
  .strict();

export const Source = z
  .object({
    ...base,
    type: z.literal('Source'),
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
    sha256: z
      .string()
      .regex(/^[0-9a-f]{64}$/)
      .optional(),
    reliability: z.enum(['high', 'medium', 'low', 'unknown']).optional(),
  })
  .strict();

export const Entity = z.discriminatedUnion('type', [Person, Family, Facility, Place, Organisation, Event, Source]);
export type Entity = z.infer<typeof Entity>;
export type EntityType = Entity['type'];
export type PersonRecord = z.infer<typeof Person>;
export type EventRecord = z.infer<typeof Event>;
export type SourceRecord = z.infer<typeof Source>;

/** The allow-list of Neo4j labels: nothing else is ever interpolated into Cypher. */
export const ENTITY_TYPES = [
  'Person',
  'Family',
  'Facility',
  'Place',
  'Organisation',
  'Event',
  'Source',
] as const satisfies readonly EntityType[];
export const EntityTypeName = z.enum(ENTITY_TYPES);
