import { CONFIDENCE_LEVELS } from '../../../graph/vocabulary/confidence.js';
import { ENTITY_TYPE_INFO } from '../../../graph/vocabulary/entity-types.js';
import { RELATIONSHIP_GROUPS } from '../../../graph/vocabulary/relationship-types.js';
import { CONFIDENCE_DASH, STATUS_COLOURS } from '../graph/style.js';

export interface LegendEntry {
  label: string;
  colour: string;
  shape: 'dot' | 'line' | 'ring';
  dash?: readonly number[];
}

/** The parts of a vocabulary the legend shows (graph/vocabulary's VOCABULARY has them all). */
export interface LegendVocabulary {
  entities: Record<string, { label?: string; colour: string }>;
  relationshipGroups: Record<string, { label: string; colour: string }>;
  confidenceLevels: readonly string[];
}

/** What the client's legend is drawn from: the vocabulary's lists, without the zod field shapes. */
export const CLIENT_VOCABULARY: LegendVocabulary = {
  entities: ENTITY_TYPE_INFO,
  relationshipGroups: RELATIONSHIP_GROUPS,
  confidenceLevels: CONFIDENCE_LEVELS,
};

const CONFIDENCE_SWATCH = '#566573';
const PROTECTED_RING = '#34495e';

/**
 * The legend as data, a pure function of the vocabulary: entity types, edge groups, confidence
 * levels (as line patterns), then person statuses. The renderer only turns it into elements.
 */
export function legendEntries(vocabulary: LegendVocabulary = CLIENT_VOCABULARY): LegendEntry[][] {
  return [
    Object.entries(vocabulary.entities).map(([type, info]) => ({
      label: info.label ?? type,
      colour: info.colour,
      shape: 'dot' as const,
    })),
    Object.values(vocabulary.relationshipGroups).map((group) => ({
      label: group.label,
      colour: group.colour,
      shape: 'line' as const,
    })),
    vocabulary.confidenceLevels.map((level) => ({
      label: level,
      colour: CONFIDENCE_SWATCH,
      shape: 'line' as const,
      dash: CONFIDENCE_DASH[level] ?? [],
    })),
    [
      ...Object.entries(STATUS_COLOURS).map(([status, colour]) => ({ label: status, colour, shape: 'ring' as const })),
      { label: 'protected (pseudonym)', colour: PROTECTED_RING, shape: 'ring' as const },
    ],
  ];
}
