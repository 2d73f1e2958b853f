import { z } from 'zod';
import { CERTAINTIES } from '../dates/certainty.js';
import { DEPRIVED_STATUSES } from '../vocabulary/event-kinds.js';
import { ClaimView, EntityView } from './entity.js';

/** "Certainly" and "possibly" on a date (graph/README.md, Dates). */
export const Certainty = z.enum(CERTAINTIES);
export type Certainty = z.infer<typeof Certainty>;

/**
 * An event as timelines and pattern hits show it: EDTF text, bounds, the place, and the claims
 * behind it. Shared so that a timeline item and a pattern hit about the same event read alike.
 */
export const DatedEventView = z.strictObject({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  edtf: z.string().nullable(),
  /** The date in words, from the EDTF ("June or July 2017"); null when undated (graph/dates/phrase.ts). */
  phrase: z.string().nullable(),
  /** The source's own words for the date, where the import kept them ("SEP-OCT/1976"). */
  asWritten: z.string().optional(),
  start: z.strictObject({ earliest: z.string().nullable(), latest: z.string() }).nullable(),
  /** null for a point in time, or when the end is open / unknown (see openEnd). */
  end: z.strictObject({ earliest: z.string().nullable(), latest: z.string().nullable() }).nullable(),
  openEnd: z.enum(['none', 'open', 'unknown']),
  approximate: z.boolean(),
  uncertain: z.boolean(),
  place: EntityView.optional(),
  certainty: Certainty.optional(),
  claims: z.array(ClaimView),
});
export type DatedEventView = z.infer<typeof DatedEventView>;

/** People whose timelines one request may show side by side (the `people` query). */
export const MAX_TIMELINE_PEOPLE = 50;
/** Events one timeline request reads at most (the `limit` query). */
export const MAX_TIMELINE_EVENTS = 5000;

/** Whose timeline: some people, or a family's members, or everyone with an event at a facility or border crossing. */
export const TimelineScope = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('people'), ids: z.array(z.string()).min(1).max(MAX_TIMELINE_PEOPLE) }),
  z.strictObject({ kind: z.enum(['family', 'facility', 'crossing']), ids: z.tuple([z.string()]) }),
]);
export type TimelineScope = z.infer<typeof TimelineScope>;

export const TimelineGroup = z.strictObject({
  id: z.string(),
  name: z.string(),
  protected: z.literal(true).optional(),
  family: z.string().optional(),
});
export type TimelineGroup = z.infer<typeof TimelineGroup>;

export const TimelineItem = DatedEventView.omit({ certainty: true }).extend({
  /** Unique per (event, person, claimed date); an event with conflicting dates gives several items. */
  id: z.string(),
  eventId: z.string(),
  /** The visible id of the person this item belongs to. */
  group: z.string(),
  role: z.string(),
  /** True for a point in time (the EDTF has no interval). */
  point: z.boolean(),
  /** Set when the event's claims give different dates: one item per date, each with its sources. */
  conflict: z.literal(true).optional(),
});
export type TimelineItem = z.infer<typeof TimelineItem>;

export const Timeline = z.strictObject({
  anchor: EntityView.optional(),
  groups: z.array(TimelineGroup),
  items: z.array(TimelineItem),
  /** Events left out because neither they nor their claims carry a date. */
  undated: z.number().int().min(0),
  truncated: z.boolean(),
});
export type Timeline = z.infer<typeof Timeline>;

/** Where a person stood on a date (issue #5, the graph's as-of view). */
export const DeprivedStatus = z.enum(DEPRIVED_STATUSES);
export type DeprivedStatus = z.infer<typeof DeprivedStatus>;

export const PersonStatusOn = z.strictObject({
  /** The visible id (public id for protected people). */
  id: z.string(),
  status: DeprivedStatus,
  /** Certain on the narrow bounds of every reading; possible on the wide bounds of some. */
  certainty: Certainty,
  events: z.array(DatedEventView.extend({ certainty: Certainty })),
});
export type PersonStatusOn = z.infer<typeof PersonStatusOn>;

/** People one as-of request may ask about (the `ids` query). */
export const MAX_STATUS_PEOPLE = 500;

export const StatusAsOf = z.strictObject({
  date: z.string(),
  /** People possibly detained, missing or blocked on the date; every other person asked about was free (as far as the sources tell). */
  people: z.array(PersonStatusOn).max(MAX_STATUS_PEOPLE),
  /** Ids asked about that name no person. */
  unknown: z.array(z.string()).max(MAX_STATUS_PEOPLE),
});
export type StatusAsOf = z.infer<typeof StatusAsOf>;
