/**
 * A hostile dataset for export tests: a minor named in four scripts, with a birth date, birthplace
 * and identity number; a confidential witness (her mother); a PUBLIC namesake of the minor, whose
 * own records use her name exactly as written; and the protected names written everywhere else as
 * a leaky source would: other case, "Surname, Given", no-break, zero-width and double spaces,
 * inside ids, URLs, excerpts, notes and locators, in a Chinese sentence without spaces.
 */
const NBSP = '\u00a0';
const ZWSP = '\u200b';
const ZWNJ = '\u200c';
const ZWJ = '\u200d';
const BOM = '\ufeff';

export const MINOR = {
  id: 'person-aigerim-bekova',
  latin: 'Aigerim Bekova',
  cyrillic: 'Айгерім Бекова',
  chinese: '阿依古丽·别克娃',
  arabic: 'آيگريم بيكوفا',
  birthDate: '2012-03-04',
  identityNumber: 'KZ-ID-120304-77',
  birthPlace: 'place-talgar',
};

export const WITNESS = {
  id: 'person-zhanar-tokhtarova',
  latin: 'Zhanar Tokhtarova',
  cyrillic: 'Жанар Тохтарова',
  birthDate: '1980-07-15',
  identityNumber: 'KZ-ID-800715-12',
};

/** The public namesake: her records keep "Aigerim Bekova" as written. */
export const NAMESAKE = {
  id: 'person-journalist-ab',
  name: MINOR.latin,
  description: 'Aigerim Bekova is a journalist in Almaty.',
  awardExcerpt: 'Aigerim Bekova received the press award.',
};

/** How leaky texts write the minor's and the witness's names. */
export const HOSTILE_FORMS = [
  `AIGERIM${NBSP}${NBSP}BEKOVA`,
  'Bekova, Aigerim',
  'bekova,  aigerim',
  `Ai${ZWSP}gerim`,
  `Aigerim${ZWNJ}Bekova`,
  `${BOM}aigerim${ZWJ} bekova`,
  'aigerim-bekova',
  'aigerim_bekova',
  'Aigerim%20Bekova',
  '阿依古丽别克娃',
  'ＡＩＧＥＲＩＭ ＢＥＫＯＶＡ',
  'TOKHTAROVA, Zhanar',
  `zhanar${NBSP}tokhtarova`,
  'Zhanar',
];

const SOURCE = 'src-hostile-report';
const cite = (excerpt: string, more: Record<string, string> = {}) => [
  { source: SOURCE, locator: 'para. 1', excerpt, confidence: 'confirmed' as const, ...more },
];

export const hostileFixture = {
  kinline: 1,
  entities: [
    {
      type: 'Source',
      id: SOURCE,
      kind: 'report',
      names: [{ value: 'Report on the Bekov family', kind: 'primary' }],
      url: 'https://example.org/cases/aigerim-bekova-2012',
      archiveUrl: 'https://archive.example/?q=Aigerim%20Bekova',
      authors: ['Rights Watch'],
    },
    {
      type: 'Source',
      id: 'src-namesake-article',
      kind: 'article',
      names: [{ value: 'An article by Aigerim Bekova', kind: 'primary' }],
      authors: [NAMESAKE.name],
      url: 'https://example.org/journalists/ab',
    },
    {
      type: 'Source',
      id: 'src-testimony-tokhtarova-zhanar',
      kind: 'testimony',
      names: [{ value: `Testimony of ${HOSTILE_FORMS[11]}`, kind: 'primary' }],
      authors: [HOSTILE_FORMS[11]!],
      url: 'https://example.org/t?who=Zhanar%20Tokhtarova',
    },
    {
      type: 'Person',
      id: MINOR.id,
      minor: true,
      gender: 'female',
      birthDate: MINOR.birthDate,
      birthPlace: MINOR.birthPlace,
      identityNumbers: [MINOR.identityNumber],
      description: 'Aigerim lives with her aunt since her father was taken.',
      names: [
        { value: MINOR.latin, kind: 'primary', script: 'Latn' },
        { value: MINOR.cyrillic, kind: 'alias', script: 'Cyrl' },
        { value: MINOR.chinese, kind: 'alias', script: 'Hans' },
        { value: MINOR.arabic, kind: 'alias', script: 'Arab' },
      ],
    },
    {
      type: 'Person',
      id: WITNESS.id,
      disclosure: 'confidential',
      gender: 'female',
      birthDate: WITNESS.birthDate,
      identityNumbers: [WITNESS.identityNumber],
      occupation: 'teacher at school No. 5',
      names: [
        { value: WITNESS.latin, kind: 'primary' },
        { value: WITNESS.cyrillic, kind: 'alias', script: 'Cyrl' },
      ],
    },
    {
      type: 'Person',
      id: NAMESAKE.id,
      gender: 'female',
      description: NAMESAKE.description,
      names: [{ value: NAMESAKE.name, kind: 'primary' }],
    },
    { type: 'Person', id: 'person-berik-bekov', gender: 'male', names: [{ value: 'Berik Bekov', kind: 'primary' }] },
    {
      type: 'Person',
      id: 'person-aigerim-sultanova',
      names: [{ value: 'Aigerim Sultanova', kind: 'primary' }],
      description: 'A neighbour.',
    },
    { type: 'Place', id: MINOR.birthPlace, kind: 'city', names: [{ value: 'Talgar', kind: 'primary' }] },
    {
      type: 'Family',
      id: 'family-aigerim-bekova',
      names: [{ value: `Household of aigerim  bekova`, kind: 'primary' }],
      description: `A child was born ${MINOR.birthDate}; ${HOSTILE_FORMS[4]} lives here.`,
    },
    {
      type: 'Organisation',
      id: 'org-friends-of-bekova-aigerim',
      kind: 'ngo',
      names: [{ value: `Friends of ${HOSTILE_FORMS[1]}`, kind: 'primary' }],
      description: `مؤسسة ${MINOR.arabic} للأطفال`,
    },
    {
      type: 'Event',
      id: 'event-aigerim-bekova-birth',
      kind: 'birth',
      date: MINOR.birthDate,
      names: [{ value: `Birth of ${MINOR.latin}`, kind: 'primary' }],
      claims: cite(`${MINOR.latin} was born on 4 March 2012 in Talgar.`),
    },
    {
      type: 'Event',
      id: 'event-berik-detention',
      kind: 'detention',
      date: '2017-10/..',
      names: [{ value: 'Detention of Berik Bekov', kind: 'primary' }],
      claims: [
        ...cite(`Berik Bekov was taken; his daughter ${HOSTILE_FORMS[0]} stayed with relatives.`),
        ...cite('Her name was not given.', { locator: `interview with ${HOSTILE_FORMS[2]}` }),
        ...cite(`${HOSTILE_FORMS[3]} cried.`, { translation: `${MINOR.cyrillic} плакала.` }),
        ...cite('The police took him at night.', { note: `ID ${MINOR.identityNumber} on file` }),
        ...cite('Neighbours saw the arrest.', { locator: 'para. 9' }),
      ],
    },
    {
      type: 'Event',
      id: 'event-report-publication',
      kind: 'publication',
      date: '2019-04',
      names: [{ value: 'Publication of the report', kind: 'primary' }],
      claims: cite(`报告提到${HOSTILE_FORMS[9]}。`, { translation: `The report names ${HOSTILE_FORMS[10]}.` }),
    },
    {
      type: 'Event',
      id: 'event-namesake-award',
      kind: 'award',
      date: '2020-05',
      names: [{ value: `Award to ${NAMESAKE.name}`, kind: 'primary' }],
      claims: cite(NAMESAKE.awardExcerpt),
    },
    {
      type: 'Event',
      id: 'event-testimony',
      kind: 'testimony',
      date: '2019-05',
      names: [{ value: `Testimony of ${HOSTILE_FORMS[12]}`, kind: 'primary' }],
      claims: cite(`${HOSTILE_FORMS[13]} described the camp.`),
    },
  ],
  relationships: [
    {
      id: 'rel-berik-parent-of-aigerim-bekova',
      type: 'PARENT_OF',
      from: 'person-berik-bekov',
      to: MINOR.id,
      role: 'biological',
      date: MINOR.birthDate,
      claims: cite(`Berik Bekov is the father of the girl (born ${MINOR.birthDate}).`),
    },
    {
      id: 'rel-mother',
      type: 'PARENT_OF',
      from: WITNESS.id,
      to: MINOR.id,
      role: 'biological',
      claims: cite('Her mother testified.'),
    },
    {
      id: 'rel-partners',
      type: 'PARTNER_OF',
      from: 'person-berik-bekov',
      to: WITNESS.id,
      role: 'married',
      claims: cite('They married in 2010.'),
    },
    {
      id: 'rel-aunt',
      type: 'RELATIVE_OF',
      from: 'person-aigerim-sultanova',
      to: MINOR.id,
      relation: 'aunt',
      claims: cite('Her aunt cares for her.'),
    },
    {
      id: 'rel-born',
      type: 'PARTICIPATED_IN',
      from: MINOR.id,
      to: 'event-aigerim-bekova-birth',
      role: 'subject',
      claims: cite('born'),
    },
    {
      id: 'rel-born-at',
      type: 'OCCURRED_AT',
      from: 'event-aigerim-bekova-birth',
      to: MINOR.birthPlace,
      claims: cite('in Talgar'),
    },
    {
      id: 'rel-detained',
      type: 'PARTICIPATED_IN',
      from: 'person-berik-bekov',
      to: 'event-berik-detention',
      role: 'subject',
      claims: cite('Berik Bekov was taken.'),
    },
    {
      id: 'rel-testified',
      type: 'PARTICIPATED_IN',
      from: WITNESS.id,
      to: 'event-testimony',
      role: 'witness',
      claims: cite('She testified.'),
    },
    {
      id: 'rel-namesake-award',
      type: 'PARTICIPATED_IN',
      from: NAMESAKE.id,
      to: 'event-namesake-award',
      role: 'subject',
      claims: cite(NAMESAKE.awardExcerpt),
    },
    {
      id: 'rel-namesake-wrote',
      type: 'AUTHORED',
      from: NAMESAKE.id,
      to: 'src-namesake-article',
      claims: cite('Aigerim Bekova wrote the report.'),
    },
    {
      id: 'rel-witness-wrote',
      type: 'AUTHORED',
      from: WITNESS.id,
      to: 'src-testimony-tokhtarova-zhanar',
      claims: cite('Her own words.'),
    },
  ],
};

/** Strings no reader without clearance may find in any export: each is the minor's or the witness's alone. */
export const WITHHELD_FROM_VIEWER = [
  MINOR.id,
  MINOR.cyrillic,
  MINOR.chinese,
  '阿依古丽',
  MINOR.arabic,
  MINOR.birthDate,
  '4 MAR 2012',
  '4 March 2012',
  MINOR.identityNumber,
  ...HOSTILE_FORMS.slice(0, 11),
  'event-aigerim-bekova-birth',
  'org-friends-of-bekova-aigerim',
  'family-aigerim-bekova',
  'rel-berik-parent-of-aigerim-bekova',
];

/** The witness's: withheld from a reader cleared for pseudonymous people too. */
export const WITHHELD_FROM_PSEUDONYMOUS = [
  WITNESS.id,
  WITNESS.latin,
  WITNESS.cyrillic,
  WITNESS.birthDate,
  WITNESS.identityNumber,
  ...HOSTILE_FORMS.slice(11),
  'teacher at school',
  'src-testimony-tokhtarova-zhanar',
];
