import { z } from 'zod';

/**
 * Who may see a person, least protected first: pseudonymous and confidential people need
 * clearance (graph/README.md, Safety).
 */
export const DISCLOSURE_LEVELS = ['public', 'pseudonymous', 'confidential'] as const;
export const Disclosure = z.enum(DISCLOSURE_LEVELS);
export type Disclosure = z.infer<typeof Disclosure>;

/** Higher is more protected: public 0, pseudonymous 1, confidential 2. */
export const disclosureRank = (level: Disclosure): number => DISCLOSURE_LEVELS.indexOf(level);
