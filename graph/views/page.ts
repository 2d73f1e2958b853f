import { z } from 'zod';

/** Every pattern answers one page at a time, so a hub or a 100,000-person graph never hangs a reader. */
export const PageInfo = z.strictObject({
  offset: z.number().int().min(0),
  limit: z.number().int().min(1),
  hasMore: z.boolean(),
});

/** The TypeScript shape lives beside the driver's paging helpers (graph/db/page.ts). */
export type { PatternPage } from '../db/page.js';

/** Items on one pattern page at most (the `limit` query). */
export const MAX_PATTERN_PAGE = 200;

/** A page of `item`, with extra fields of the page itself (the anchor a pattern was asked about). */
export const pageOf = <T extends z.ZodType, X extends z.ZodRawShape = Record<never, never>>(item: T, extra?: X) =>
  PageInfo.extend({ items: z.array(item).max(MAX_PATTERN_PAGE), ...(extra as X) });
