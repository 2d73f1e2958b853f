import type { Claim } from '../../../graph/schema/index.js';
import { CONFIDENCE_LEVELS, DEFAULT_CONFIDENCE } from '../../../graph/vocabulary/confidence.js';
import { el } from '../dom.js';

/** The claim a form's change rests on: the source, where in it, its words, and how sure. */
export interface ClaimFields {
  elements: HTMLElement[];
  /** The claim as the file form writes it (the server's schema checks each field). */
  value(): Claim;
  reset(): void;
}

/**
 * The claim fieldset every edit form shares (issue 14: every change is cited). `prefix` keeps the
 * ids of two forms on one page apart.
 */
export function claimFields(prefix: string): ClaimFields {
  const input = (key: string, label: string, attrs: Record<string, string | boolean> = {}) => {
    const field = el('input', { id: `${prefix}-${key}`, name: key, required: true, ...attrs });
    return [el('label', { for: field.id, text: label }), field] as const;
  };
  const [sourceLabel, source] = input('source', 'Source id', { maxlength: '120' });
  const [locatorLabel, locator] = input('locator', 'Locator (page, paragraph, timestamp)', { maxlength: '400' });
  const excerpt = el('textarea', { id: `${prefix}-excerpt`, name: 'excerpt', required: true, rows: 3 });
  const confidence = el(
    'select',
    { id: `${prefix}-confidence`, name: 'confidence' },
    ...CONFIDENCE_LEVELS.map((level) => el('option', { value: level, selected: level === DEFAULT_CONFIDENCE }, level)),
  );
  return {
    elements: [
      sourceLabel,
      source,
      locatorLabel,
      locator,
      el('label', { for: excerpt.id, text: 'Excerpt (verbatim, original language)' }),
      excerpt,
      el('label', { for: confidence.id, text: 'Confidence' }),
      confidence,
    ],
    value: () => ({
      source: source.value.trim(),
      locator: locator.value.trim(),
      excerpt: excerpt.value.trim(),
      confidence: confidence.value as Claim['confidence'],
    }),
    reset() {
      for (const field of [source, locator, excerpt]) field.value = '';
      confidence.value = DEFAULT_CONFIDENCE;
    },
  };
}
