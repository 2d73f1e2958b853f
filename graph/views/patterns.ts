import { z } from 'zod';
import { ClaimView, EntityView } from './entity.js';
import { Certainty, DatedEventView, LibertyState } from './events.js';
import { pageOf } from './page.js';
import { LOCATION_PRECISIONS } from '../vocabulary/precision.js';

export const CitedLink = z.strictObject({
  id: z.string(),
  type: z.string(),
  role: z.string().optional(),
  date: z.string().optional(),
  claims: z.array(ClaimView),
});
export type CitedLink = z.infer<typeof CitedLink>;

export const ParentStatus = z.strictObject({
  parent: EntityView,
  link: CitedLink,
  /** The parent's state on the date, as status-as-of gives it (a hit's parents are all deprived). */
  state: LibertyState,
  /** The strongest of this parent's events: one certain detention suffices. */
  certainty: Certainty,
  /** The deprivations behind the state (an undated one has no start), each with its claims. */
  events: z.array(DatedEventView),
});
export type ParentStatus = z.infer<typeof ParentStatus>;

export const Carer = z.strictObject({ person: EntityView, link: CitedLink });
export type Carer = z.infer<typeof Carer>;

export const Household = z.strictObject({ family: EntityView, link: CitedLink });
export type Household = z.infer<typeof Household>;

export const OrphanedChild = z.strictObject({
  child: EntityView,
  /** Certain only when every known parent is certainly detained, missing or blocked on the date. */
  certainty: Certainty,
  parents: z.array(ParentStatus),
  carers: z.array(Carer),
  households: z.array(Household),
});
export type OrphanedChild = z.infer<typeof OrphanedChild>;

export const OrphanedChildrenPage = pageOf(OrphanedChild);
export type OrphanedChildrenPage = z.infer<typeof OrphanedChildrenPage>;

export const CrossingDetention = z.strictObject({
  person: EntityView,
  certainty: Certainty,
  crossing: DatedEventView,
  detention: DatedEventView,
  /** Days from the crossing to the start of the detention, as far as the bounds tell. */
  gapDays: z.strictObject({ min: z.number().int().nullable(), max: z.number().int().nullable() }),
});
export type CrossingDetention = z.infer<typeof CrossingDetention>;

export const CrossingDetentionPage = pageOf(CrossingDetention, { crossing: EntityView });
export type CrossingDetentionPage = z.infer<typeof CrossingDetentionPage>;

export const KinshipLink = z.strictObject({
  id: z.string(),
  type: z.string(),
  role: z.string().optional(),
  relation: z.string().optional(),
  claims: z.array(ClaimView),
});
export type KinshipLink = z.infer<typeof KinshipLink>;

export const DetentionCascade = z.strictObject({
  people: z.tuple([EntityView, EntityView]),
  /** How the two are related, each link with its claims. */
  kinship: z.array(KinshipLink),
  detentions: z.tuple([DatedEventView, DatedEventView]),
  certainty: Certainty,
});
export type DetentionCascade = z.infer<typeof DetentionCascade>;

export const DetentionCascadePage = pageOf(DetentionCascade);
export type DetentionCascadePage = z.infer<typeof DetentionCascadePage>;

const Span = z.strictObject({ from: z.string(), to: z.string() });

export const CoDetention = z.strictObject({
  facility: EntityView,
  /** How exactly the facility record locates them: "certain" needs an identified facility. */
  precision: z.enum(LOCATION_PRECISIONS),
  people: z.tuple([EntityView, EntityView]),
  detentions: z.tuple([DatedEventView, DatedEventView]),
  /** Certain only at an identified facility, in certainly overlapping intervals; else possible. */
  certainty: Certainty,
  /** When they were held together: certainly (narrow bounds) and possibly (wide bounds). */
  overlap: z.strictObject({ certain: Span.nullable(), possible: Span.nullable() }),
});
export type CoDetention = z.infer<typeof CoDetention>;

export const CoDetentionPage = pageOf(CoDetention, { facility: EntityView.optional() });
export type CoDetentionPage = z.infer<typeof CoDetentionPage>;

export const StaleStatus = z.strictObject({
  person: EntityView,
  certainty: Certainty,
  /** The latest date anything is known about them: an event's end or date, a claimed date, a source's date. */
  lastKnown: z.strictObject({ earliest: z.string(), latest: z.string() }),
  /** Their most recent events (up to 3), with the claims behind them. */
  evidence: z.array(DatedEventView).max(3),
});
export type StaleStatus = z.infer<typeof StaleStatus>;

export const StaleStatusPage = pageOf(StaleStatus, { asOf: z.string(), months: z.number().int(), cutoff: z.string() });
export type StaleStatusPage = z.infer<typeof StaleStatusPage>;

/**
 * Counts split by certainty: `certain` counts what certainly falls in the bucket, `possible` what
 * only possibly does (so certain + possible is the upper bound). Counts use each event's own date;
 * the claims behind each counted hit are one drill-down away (co-detention, crossing-detentions,
 * timeline?facility=).
 */
export const FacilityYearCount = z.strictObject({
  facility: EntityView,
  year: z.number().int(),
  certain: z.number().int().min(0),
  possible: z.number().int().min(0),
});
export type FacilityYearCount = z.infer<typeof FacilityYearCount>;

export const CrossingCount = z.strictObject({
  crossing: EntityView,
  days: z.number().int(),
  certain: z.number().int().min(0),
  possible: z.number().int().min(0),
});
export type CrossingCount = z.infer<typeof CrossingCount>;

/** Rows of one aggregates answer at most (the `limit` query). */
export const MAX_AGGREGATE_ROWS = 5000;

export const Aggregates = z.discriminatedUnion('by', [
  z.strictObject({
    by: z.literal('facility-year'),
    rows: z.array(FacilityYearCount).max(MAX_AGGREGATE_ROWS),
    truncated: z.boolean(),
  }),
  z.strictObject({
    by: z.literal('crossing'),
    rows: z.array(CrossingCount).max(MAX_AGGREGATE_ROWS),
    truncated: z.boolean(),
  }),
]);
export type Aggregates = z.infer<typeof Aggregates>;
