import {
  ENTITY_TYPE_INFO,
  ENTITY_TYPES,
  type EntityType,
  type FtmMapping,
  RELATIONSHIP_SPECS,
  RELATIONSHIP_TYPES,
  type RelationshipSpec,
  type RelationshipType,
} from '../../vocabulary/index.js';

/**
 * How Kinline and FollowTheMoney (followthemoney.tech, the model of OpenAleph/OpenSanctions)
 * meet, read from the vocabulary's FtM mappings. FtM's family link joins a person to a relative
 * with the relative's relationship "from the person's perspective" ("mother": the relative is the
 * person's mother).
 */

/**
 * The Kinline type of an FtM entity: a type FtM has no schema for when the entity is marked
 * `kinline:type=<type>` (a Family as an Organization), else the first type that reads its schema.
 */
export function entityTypeOfFtm(schema: string, keywords: Map<string, string>): EntityType | undefined {
  const reads = (type: EntityType) => {
    const ftm: FtmMapping = ENTITY_TYPE_INFO[type].ftm;
    return (ftm.reads ?? [ftm.schema]).some((s) => s === schema);
  };
  const marked = keywords.get('type');
  const markedType = ENTITY_TYPES.find(
    (type) => type === marked && (ENTITY_TYPE_INFO[type].ftm as FtmMapping).typeKeyword === true,
  );
  if (markedType && reads(markedType)) return markedType;
  return ENTITY_TYPES.find((type) => !(ENTITY_TYPE_INFO[type].ftm as FtmMapping).typeKeyword && reads(type));
}

const FAMILY_LINKS = RELATIONSHIP_TYPES.flatMap((type) => {
  const spec: RelationshipSpec = RELATIONSHIP_SPECS[type];
  return spec.ftm?.words || spec.ftm?.inverseWords ? [{ type, spec }] : [];
});

/**
 * The relationship an FtM family word means, and whether the person (not the relative) is its
 * `from`: symmetric facts and inverse words ("son": the person is the parent) start at the person.
 */
export function familyLinkOf(word: string): { type: RelationshipType; personFirst: boolean } | undefined {
  for (const { type, spec } of FAMILY_LINKS) {
    if (spec.ftm?.words?.includes(word)) return { type, personFirst: spec.symmetric };
    if (spec.ftm?.inverseWords?.includes(word)) return { type, personFirst: true };
  }
  return undefined;
}

/** Any other family word: this type, with the word as its `relation` (RELATIVE_OF). */
export const FAMILY_CATCH_ALL: RelationshipType = RELATIONSHIP_TYPES.find((type) => {
  const spec: RelationshipSpec = RELATIONSHIP_SPECS[type];
  return spec.kinship && spec.ftm?.word !== undefined && !spec.ftm.words && !spec.ftm.inverseWords;
})!;

/** Kinline facts FtM has no property for travel in `keywords` as "kinline:<key>=<value>". */
export const KEYWORD_PREFIX = 'kinline:';
export const keyword = (key: string, value: string | number | boolean) => `${KEYWORD_PREFIX}${key}=${value}`;

export function keywordsOf(values: string[] | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const v of values ?? []) {
    if (!v.startsWith(KEYWORD_PREFIX)) continue;
    const eq = v.indexOf('=');
    if (eq > 0) out.set(v.slice(KEYWORD_PREFIX.length, eq), v.slice(eq + 1));
  }
  return out;
}

/** FtM dates are ISO 8601 prefixes; anything richer (EDTF "1950~", "../2018") needs a keyword. */
export const isPlainIsoDate = (text: string) => /^\d{4}(-\d{2}(-\d{2})?)?$/.test(text);
