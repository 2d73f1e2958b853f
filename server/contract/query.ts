import { z } from 'zod';

// Shared query-string pieces, so every route reads numbers, lists and dates the same way.

export const EntityId = z.string().min(1).max(120);

export const intParam = (min: number, max: number, fallback: number) =>
  z.coerce.number().int().min(min).max(max).default(fallback);

/** Longest comma-separated list a query parameter may hold, in characters. */
export const MAX_LIST_TEXT = 4000;

/**
 * A comma-separated list (`ids=a,b,c`) of at most `max` items, each checked by `item`; the typed
 * client passes an array and joins it. OpenAPI shows it as an array (style form, explode false).
 */
export const idList = <T extends z.ZodType<string, string> = typeof EntityId>(
  max: number,
  item: T = EntityId as z.ZodType as T,
  maxText = MAX_LIST_TEXT,
) =>
  z
    .string()
    .max(maxText)
    .transform((text) =>
      text
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .pipe(z.array(item).min(1).max(max));

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
  .refine(
    (text) => !Number.isNaN(Date.parse(text)) && new Date(text).toISOString().startsWith(text),
    'is not a real calendar date',
  );

export const booleanParam = z.enum(['true', 'false']).transform((v) => v === 'true');
