/**
 * How Kinline and FollowTheMoney (followthemoney.tech, the model of OpenAleph/OpenSanctions)
 * meet. FtM `Family` links a person to a relative with the relative's relationship "from the
 * person's perspective" ("mother": the relative is the person's mother).
 */
export const PARENT_WORDS = [
  'parent',
  'father',
  'mother',
  'stepfather',
  'stepmother',
  'adoptive father',
  'adoptive mother',
  'foster parent',
];
export const CHILD_WORDS = ['child', 'son', 'daughter', 'stepson', 'stepdaughter', 'adopted child'];
export const PARTNER_WORDS = [
  'spouse',
  'husband',
  'wife',
  'partner',
  'ex-husband',
  'ex-wife',
  'former spouse',
  'fiance',
  'fiancee',
];
export const SIBLING_WORDS = [
  'sibling',
  'brother',
  'sister',
  'half-brother',
  'half-sister',
  'stepbrother',
  'stepsister',
];
export const GUARDIAN_WORDS = ['guardian', 'caregiver'];

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
