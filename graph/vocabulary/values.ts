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

/**
 * An identifier some register, case list or dataset gives a record ("RUVTE-1234" in scheme
 * `ruvte`): searchable exactly and kept through every export (graph/README.md, Identifiers).
 */
export const Identifier = z
  .object({
    scheme: z
      .string()
      .min(1)
      .max(60)
      .regex(/^[a-z0-9][a-z0-9._:-]*$/, 'must be a lowercase slug naming the register: "ruvte", "aspi", "wikidata"'),
    value: ShortText,
  })
  .strict();
export type Identifier = z.infer<typeof Identifier>;

/**
 * How a statement stands beside others about the same field, as Wikibase ranks them: the
 * preferred value is the record's own field; normal ones are other sources' readings, kept;
 * deprecated ones are known to be wrong (a misprint), kept so no one enters them again.
 */
export const STATEMENT_RANKS = ['preferred', 'normal', 'deprecated'] as const;
export const StatementRank = z.enum(STATEMENT_RANKS);
export type StatementRank = z.infer<typeof StatementRank>;

/**
 * One value of one field of an entity, with the claims that give it: `{field: "birthDate", value:
 * "1980", claims: [...]}`. Two sources that disagree give two statements, both kept; the value is
 * checked against the field's own type (graph/schema/statements.ts).
 */
export const Statement = z
  .object({
    field: z.string().min(1).max(60),
    value: z.unknown().refine((v) => v !== undefined && v !== null, 'a statement gives a value'),
    rank: StatementRank.optional().describe('normal when left out'),
    claims: z.array(Claim).min(1, 'a statement cites at least one source'),
  })
  .strict();
export type Statement = z.infer<typeof Statement>;
