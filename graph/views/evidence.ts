import { z } from 'zod';
import { ClaimView, EntityView } from './entity.js';

const FactKind = z.enum(['event', 'relationship']);

/** The claims behind one relationship or event. */
export const FactCitations = z.strictObject({
  fact: z.strictObject({
    id: z.string(),
    kind: FactKind,
    type: z.string(),
    label: z.string(),
    from: EntityView.optional(),
    to: EntityView.optional(),
    date: z.string().optional(),
  }),
  claims: z.array(ClaimView),
});
export type FactCitations = z.infer<typeof FactCitations>;

/** Claims listed on one source's page, at most (the `limit` query); a fact's claims come whole. */
export const MAX_SOURCE_CLAIMS = 1000;

export const SourceDetail = z.strictObject({
  source: EntityView,
  claims: z.array(ClaimView.extend({ fact: z.strictObject({ id: z.string(), kind: FactKind, label: z.string() }) })),
  claimCount: z.number().int().min(0),
});
export type SourceDetail = z.infer<typeof SourceDetail>;

/** CSL-JSON (citeproc's input): one item per source. */
export const CslItems = z.array(z.looseObject({ id: z.string(), type: z.string(), title: z.string() }));
