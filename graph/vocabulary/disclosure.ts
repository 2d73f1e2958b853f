/**
 * Who may see a person, least protected first: pseudonymous and confidential people need
 * clearance (graph/README.md, Safety).
 */
export const DISCLOSURE_LEVELS = ['public', 'pseudonymous', 'confidential'] as const;
export type DisclosureLevel = (typeof DISCLOSURE_LEVELS)[number];

/** Higher is more protected: public 0, pseudonymous 1, confidential 2. */
export const disclosureRank = (level: DisclosureLevel): number => DISCLOSURE_LEVELS.indexOf(level);
