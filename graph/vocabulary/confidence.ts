/**
 * How strongly a source supports a claim, strongest first. The order is the ranking: filters
 * ("probable or stronger"), a relationship's best confidence and edge styles all read it here.
 */
export const CONFIDENCE_LEVELS = ['confirmed', 'probable', 'possible', 'doubtful'] as const;
export type ConfidenceLevel = (typeof CONFIDENCE_LEVELS)[number];

/** What a claim says when its source gives no confidence. */
export const DEFAULT_CONFIDENCE: ConfidenceLevel = 'probable';

/** Higher is stronger: doubtful 0 ... confirmed 3 (stored on relationships as `confidenceRank`). */
export function confidenceRank(level: string): number {
  const index = (CONFIDENCE_LEVELS as readonly string[]).indexOf(level);
  return index < 0 ? -1 : CONFIDENCE_LEVELS.length - 1 - index;
}

const WEAKEST = CONFIDENCE_LEVELS[CONFIDENCE_LEVELS.length - 1]!;

/** The strongest claim decides how sure a fact is drawn; weaker claims stay listed beside it. */
export function strongestConfidence(levels: readonly ConfidenceLevel[]): ConfidenceLevel {
  return levels.reduce<ConfidenceLevel>(
    (best, level) => (confidenceRank(level) > confidenceRank(best) ? level : best),
    WEAKEST,
  );
}
