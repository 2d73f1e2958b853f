/**
 * Who may see a person, least protected first: pseudonymous and confidential people need
 * clearance (graph/README.md, Safety).
 */
export const DISCLOSURE_LEVELS = ['public', 'pseudonymous', 'confidential'] as const;
export type DisclosureLevel = (typeof DISCLOSURE_LEVELS)[number];

/** Higher is more protected: public 0, pseudonymous 1, confidential 2. */
export const disclosureRank = (level: DisclosureLevel): number => DISCLOSURE_LEVELS.indexOf(level);

/**
 * What a reader is cleared to read by name, least first: each clearance also reads what the ones
 * before it read (graph/access/roles.ts gives users one).
 */
export const CLEARANCE_LEVELS = ['none', 'pseudonymous', 'confidential'] as const;
export type ClearanceLevel = (typeof CLEARANCE_LEVELS)[number];

/** The clearance a disclosure level asks of a reader: public people need none. */
export const clearanceFor = (level: DisclosureLevel): ClearanceLevel => (level === 'public' ? 'none' : level);

/** True when a reader of this clearance reads a person of this disclosure level by name. */
export const clearanceReads = (clearance: ClearanceLevel, level: DisclosureLevel): boolean =>
  CLEARANCE_LEVELS.indexOf(clearance) >= CLEARANCE_LEVELS.indexOf(clearanceFor(level));
