import { ENTITY, entityLabel } from './entity-types.js';

/**
 * Where a person stands while an event that deprives them of liberty lasts, most severe first:
 * when several hold on one date, the first names the status (graph/queries/status-as-of.ts).
 */
export const DEPRIVED_STATUSES = ['detained', 'missing', 'blocked'] as const;
export type DeprivedStatus = (typeof DEPRIVED_STATUSES)[number];

/** What an event kind means to the analyses, the timeline and the client. */
export interface EventKindSpec {
  /** What a reader is shown. */
  label: string;
  /** It lasts (drawn as a range on the timeline); otherwise a point in time. */
  lasts?: boolean;
  /** It puts its subject out of reach of their family while it lasts, and how. */
  deprives?: DeprivedStatus;
  /** Its subject crossed a border, at the place it occurred. */
  crossesBorder?: boolean;
  /** It ends a detention (its subject is free again, or moved). */
  endsDetention?: boolean;
  /**
   * Its date dates a person (a birth, a death): for a protected participant the event is withheld
   * whole, date included, from readers without clearance (graph/store/load-plan.ts).
   */
  identifies?: boolean;
  /** The GEDCOM 5.5.1 event tag it maps to. */
  gedcom?: 'BIRT' | 'DEAT' | 'MARR';
}

export const EVENT_KINDS = {
  crossing: { label: 'Border crossing', crossesBorder: true },
  detention: { label: 'Detention', lasts: true, deprives: 'detained' },
  transfer: { label: 'Transfer' },
  trial: { label: 'Trial', lasts: true },
  sentence: { label: 'Sentence' },
  release: { label: 'Release', endsDetention: true },
  disappearance: { label: 'Disappearance', lasts: true, deprives: 'missing' },
  'passport-confiscation': { label: 'Passport confiscated' },
  'blocked-exit': { label: 'Blocked from leaving', lasts: true, deprives: 'blocked' },
  death: { label: 'Death', identifies: true, gedcom: 'DEAT' },
  birth: { label: 'birth', identifies: true, gedcom: 'BIRT' },
  marriage: { label: 'marriage', gedcom: 'MARR' },
  testimony: { label: 'Testimony' },
  publication: { label: 'Publication' },
  award: { label: 'Award' },
  advocacy: { label: 'Advocacy' },
  appointment: { label: 'appointment', lasts: true },
  other: { label: entityLabel(ENTITY.Event), lasts: true },
} as const satisfies Record<string, EventKindSpec>;

export type EventKind = keyof typeof EVENT_KINDS;
export const EVENT_KIND_NAMES = Object.keys(EVENT_KINDS) as unknown as readonly [EventKind, ...EventKind[]];

const kindsWhere = (test: (spec: EventKindSpec) => boolean): EventKind[] =>
  EVENT_KIND_NAMES.filter((kind) => test(EVENT_KINDS[kind]));

/** Kinds that put a person out of reach of their family while they last (detained, missing, blocked). */
export const deprivingKinds = (): EventKind[] => kindsWhere((spec) => spec.deprives !== undefined);
/** Kinds that mean "crossed a border here". */
export const crossingKinds = (): EventKind[] => kindsWhere((spec) => spec.crossesBorder === true);
/** Kinds that end a detention. */
export const releaseKinds = (): EventKind[] => kindsWhere((spec) => spec.endsDetention === true);
/** Kinds whose date dates their participant: birth, death. */
export const IDENTIFYING_KINDS: readonly EventKind[] = kindsWhere((spec) => spec.identifies === true);
/** Kinds drawn as ranges. */
export const lastingKinds = (): EventKind[] => kindsWhere((spec) => spec.lasts === true);

/** The status an event of this kind gives its subject while it lasts (undefined: none). */
export function statusOfKind(kind: string): DeprivedStatus | undefined {
  const spec: EventKindSpec | undefined = (EVENT_KINDS as Record<string, EventKindSpec>)[kind];
  return spec?.deprives;
}

/** What a reader is shown for a kind; unknown kinds are shown in words. */
export function eventKindLabel(kind: string): string {
  const spec: EventKindSpec | undefined = (EVENT_KINDS as Record<string, EventKindSpec>)[kind];
  return spec?.label ?? kind.replaceAll('-', ' ');
}

export type GedcomEventTag = NonNullable<EventKindSpec['gedcom']>;
/** The event kind each GEDCOM event tag reads as and is written from (BIRT -> birth). */
export const GEDCOM_EVENT_KINDS = Object.fromEntries(
  EVENT_KIND_NAMES.flatMap((kind) => {
    const tag: GedcomEventTag | undefined = (EVENT_KINDS[kind] as EventKindSpec).gedcom;
    return tag ? [[tag, kind]] : [];
  }),
) as Record<GedcomEventTag, EventKind>;
