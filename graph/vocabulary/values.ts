import { z } from 'zod';
import { edtfProblem } from '../dates/edtf.js';
import { CONFIDENCE_LEVELS, DEFAULT_CONFIDENCE } from './confidence.js';
import { DISCLOSURE_LEVELS } from './disclosure.js';

/**
 * The kinds of value the entity fields are made of (as FtM's property types are): ids, EDTF
 * dates, texts, names and claims.
 */

/** Stable ids: lowercase slugs, so they survive URLs, exports and MERGE keys unchanged. */
export const Id = z
  .string()
  .min(1)
  .max(120)
  .regex(/^[a-z0-9][a-z0-9._:-]*$/, 'must be a lowercase slug: a-z, 0-9, ".", "_", ":", "-"');
export type Id = z.infer<typeof Id>;

export const Edtf = z
  .string()
  .max(64)
  .superRefine((value, ctx) => {
    const problem = edtfProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

/** How strongly a source supports a claim (graph/vocabulary/confidence.ts has the order). */
export const Confidence = z.enum(CONFIDENCE_LEVELS);
export type Confidence = z.infer<typeof Confidence>;

/** Who may see a person (graph/vocabulary/disclosure.ts has the order). */
export const Disclosure = z.enum(DISCLOSURE_LEVELS);
export type Disclosure = z.infer<typeof Disclosure>;

export const Text = z.string().trim().min(1).max(4000);
export const ShortText = z.string().trim().min(1).max(400);

export const Script = z.enum(['Latn', 'Cyrl', 'Hans', 'Hant', 'Arab', 'Other']);

export const NAME_KINDS = ['primary', 'alias', 'transliteration', 'birth', 'married', 'pseudonym'] as const;
export const NameKind = z.enum(NAME_KINDS);

export const LanguageTag = z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a BCP 47 language tag');

export const Name = z
  .object({
    value: ShortText,
    kind: NameKind.default('alias'),
    script: Script.optional(),
    lang: LanguageTag.optional(),
  })
  .strict();
export type Name = z.infer<typeof Name>;

/**
 * One source's word for a relationship, an event or an event's date. Claims are never merged:
 * two sources that disagree give two claims, both kept (graph/README.md, Provenance).
 */
export const Claim = z
  .object({
    source: Id,
    locator: ShortText.describe('page, paragraph or timestamp within the source'),
    excerpt: Text.describe('verbatim, in the original language'),
    translation: Text.optional(),
    confidence: Confidence.default(DEFAULT_CONFIDENCE),
    date: Edtf.optional().describe("the date this source gives, when it differs from the fact's own"),
    dateAsWritten: ShortText.optional().describe('the source\'s own words for `date` ("SEP-OCT/1976")'),
    note: Text.optional(),
  })
  .strict();
export type Claim = z.infer<typeof Claim>;

export const Claims = z.array(Claim).min(1, 'every relationship and event cites at least one source');
