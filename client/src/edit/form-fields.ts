import type { z } from 'zod';
import { ENTITY_BASE_FIELDS, ENTITY_FIELDS, UNSTATED_FIELDS } from '../../../graph/vocabulary/entity-fields.js';
import type { EntityType } from '../../../graph/vocabulary/entity-types.js';

/** One field an edit form offers, read off the type's schema in the vocabulary. */
export interface FormField {
  key: string;
  label: string;
  input: 'text' | 'select' | 'number';
  /** A select's choices (the enum's values), with an empty "not given" first when optional. */
  options?: readonly string[];
  optional: boolean;
  /** The schema's own description, shown under the field. */
  hint?: string;
}

/** "birthDate" → "Birth date" */
const labelOf = (key: string) => {
  const words = key.replace(/([A-Z])/g, ' $1').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/**
 * The fields of a type a form can edit one value at a time: its text, choice and number fields
 * (lists, outlines and the curator's protection settings have forms of their own, or the file
 * import). Derived from the vocabulary, so a field added there appears in the form.
 */
export function editableFields(type: EntityType): FormField[] {
  const shape: Record<string, z.ZodType> = { description: ENTITY_BASE_FIELDS.description, ...ENTITY_FIELDS[type] };
  return Object.entries(shape).flatMap(([key, schema]): FormField[] => {
    if (UNSTATED_FIELDS.has(key)) return [];
    const optional = schema.def.type === 'optional';
    const inner = optional ? ((schema as z.ZodOptional).unwrap() as z.ZodType) : schema;
    const base = { key, label: labelOf(key), optional, ...(schema.description ? { hint: schema.description } : {}) };
    switch (inner.def.type) {
      case 'string':
        return [{ ...base, input: 'text' }];
      case 'number':
        return [{ ...base, input: 'number' }];
      case 'enum':
        return [{ ...base, input: 'select', options: (inner as z.ZodEnum).options as string[] }];
      default:
        return [];
    }
  });
}
