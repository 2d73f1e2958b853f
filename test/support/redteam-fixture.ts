/**
 * The red team's own dataset (issue 12, "Done when"): what a hostile outsider would load to see
 * whether Kinline gives away the people it protects. Every name here is invented. It comes in
 * the two forms Kinline reads people from: the JSON dataset file, and a GEDCOM family tree.
 *
 * - two minors (pseudonymous) with names in Latin, Cyrillic, Chinese and Arabic script, birth
 *   dates, a birthplace, identity numbers and a gender (so "daughter"/"son"/"niece" could leak);
 * - a confidential witness, and records named after her;
 * - public namesakes: an adult who bears a minor's whole name, another who bears the witness's
 *   given name (a name shared with a public person is not a secret: SECURITY.md);
 * - the protected names inside other records' names, ids, URLs, descriptions, occupations and in
 *   claims' excerpts, translations, locators and notes: in other case, "Surname, Given" order,
 *   the given name alone, with no-break, zero-width and double spaces, fullwidth letters, joined
 *   into one word, percent-encoded in a URL, and possessive.
 *
 * `SECRETS` lists, per protected person, what a reader without their clearance must never read.
 */

const NBSP = '\u00a0';
const ZWSP = '\u200b';

/** Fullwidth compatibility forms of ASCII letters ("Ｄｉｌｎａｚａ"). */
export const fullwidth = (text: string) =>
  [...text].map((c) => (/[!-~]/.test(c) ? String.fromCodePoint(c.codePointAt(0)! + 0xfee0) : c)).join('');

export interface Secret {
  /** Who, for messages. */
  label: string;
  clearance: 'pseudonymous' | 'confidential';
  /** The person's real id. */
  id: string;
  /** Names on the person's own record, as written. */
  names: string[];
  /**
   * Names, real ids and identity numbers as written anywhere in the dataset: none may reach a
   * reader below the person's clearance, literally.
   */
  strings: string[];
  /** Token sequences (mentions.ts foldText) that must not appear in a folded body either. */
  folded: string[];
  birthDates: string[];
  /** The birthplace's name and id: only a protected birth links it to anyone. */
  birthPlace: string[];
  /** Kinship words that would give this person's gender. */
  genderWords: string[];
  /** Names a public namesake bears too: not a secret (SECURITY.md, "Out of scope"). */
  shared: string[];
}

// ---------------------------------------------------------------------------------------------
// JSON form
// ---------------------------------------------------------------------------------------------

const DILNAZA = {
  id: 'person-dilnaza-serikqyzy-2014',
  latin: 'Dilnaza Serikqyzy',
  cyrillic: 'Дильназа Серикқызы',
  chinese: '迪丽娜扎·赛力克',
  arabic: 'دلنازا سريكقيزي',
  birthDate: '2014-07-19',
  identityNumber: 'KZ-ID-140719-51',
  /** What a second source gives: another birth day and number, and her case number (attribute statements). */
  otherBirthDate: '2014-07-20',
  otherIdentityNumber: 'KZ-ID-140720-77',
  caseNumber: 'RUVTE-5551',
};
const TIMUR = {
  id: 'person-timur-serikuly-2016',
  latin: 'Timur Serikuly',
  cyrillic: 'Тимур Серікұлы',
  chinese: '帖木儿·赛力克',
  arabic: 'تيمور سريكولي',
  birthDate: '2016-02-11',
  identityNumber: 'KZ-ID-160211-08',
};
const WITNESS = {
  id: 'person-baqytgul-esenqyzy',
  latin: 'Baqytgul Esenqyzy',
  cyrillic: 'Бақытгүл Есенқызы',
  birthDate: '1979-11-23',
  identityNumber: 'N09876543',
};

/** The hostile spellings of Dilnaza's name written into other records below. */
const DILNAZA_VARIANTS = {
  upperReversed: 'SERIKQYZY, DILNAZA',
  lower: 'dilnaza serikqyzy',
  nbsp: `Dilnaza${NBSP}Serikqyzy`,
  zeroWidthDouble: `Dil${ZWSP}naza  Serikqyzy`,
  fullwidthName: fullwidth('Dilnaza Serikqyzy'),
  fullwidthGiven: fullwidth('Dilnaza'),
  joined: 'DilnazaSerikqyzy',
  zeroWidthJoined: `Dilnaza${ZWSP}Serikqyzy`,
  possessive: "Dilnaza's",
  locator: 'SERIKQYZY-DILNAZA',
  percentEncoded: encodeURIComponent('Дильназа-Серикқызы'),
  idJoined: 'KZID14071951',
};
const WITNESS_VARIANTS = {
  double: 'Baqytgul  Esenqyzy',
  reversed: 'ESENQYZY, Baqytgul',
};

const SRC = 'src-rights-report';
const cite = (excerpt = 'Listed in the report.', extra: Record<string, string> = {}) => [
  { source: SRC, locator: 'p. 2', excerpt, confidence: 'probable', ...extra },
];
const person = (id: string, names: string[], extra: Record<string, unknown> = {}) => ({
  type: 'Person',
  id,
  names: names.map((value, i) => ({ value, kind: i === 0 ? 'primary' : 'alias' })),
  ...extra,
});
const event = (id: string, kind: string, name: string, date: string, claims: object[] = cite()) => ({
  type: 'Event',
  id,
  kind,
  names: [{ value: name, kind: 'primary' }],
  date,
  claims,
});
const rel = (id: string, type: string, from: string, to: string, extra: Record<string, unknown> = {}) => ({
  id,
  type,
  from,
  to,
  claims: cite(),
  ...extra,
});

/** Validated when loaded (graph/store/check.ts), like any file a user imports. */
export const hostileDataset = {
  kinline: 1,
  entities: [
    // Sources: one plain, one named after the minor (fullwidth), one whose URLs and description
    // name her, one whose id names the witness, one whose description names her.
    {
      type: 'Source',
      id: SRC,
      kind: 'report',
      names: [{ value: 'Rights group report on the Abenov family', kind: 'primary' }],
      url: 'https://example.org/reports/abenov-family-2019',
      date: '2019-06',
      publisher: 'Example Rights Group',
    },
    {
      type: 'Source',
      id: 'src-case-file-7731',
      kind: 'official-document',
      names: [{ value: `Case file: ${DILNAZA_VARIANTS.fullwidthName}`, kind: 'primary' }],
      date: '2019-03',
    },
    {
      type: 'Source',
      id: 'src-press-clip-12',
      kind: 'article',
      names: [{ value: 'Press clipping 12', kind: 'primary' }],
      url: `https://news.example.org/2019/05/${DILNAZA_VARIANTS.joined}-taken`,
      archiveUrl: `https://web.archive.org/web/2019/https://news.example.kz/${DILNAZA_VARIANTS.percentEncoded}`,
      description: `Photo caption names ${DILNAZA_VARIANTS.nbsp}.`,
      date: '2019-05',
    },
    {
      type: 'Source',
      id: 'src-notes-baqytgul-esenqyzy',
      kind: 'testimony',
      names: [{ value: 'Interview notes (2019)', kind: 'primary' }],
      url: 'https://example.org/interviews/baqytgul-esenqyzy.pdf',
      date: '2019-05',
    },
    {
      type: 'Source',
      id: 'src-radio-transcript',
      kind: 'other',
      names: [{ value: 'Radio transcript', kind: 'primary' }],
      description: `Speaker: ${WITNESS_VARIANTS.reversed}, witness.`,
      date: '2019-07',
    },
    // Places: the minors' birthplace (linked to no one else), a border post, a camp.
    { type: 'Place', id: 'place-qoryqty', kind: 'city', names: [{ value: 'Qoryqty', kind: 'primary' }] },
    {
      type: 'Place',
      id: 'place-khorgos',
      kind: 'border-crossing',
      names: [{ value: 'Khorgos border post', kind: 'primary' }],
      latitude: 44.2,
      longitude: 80.4,
    },
    {
      type: 'Facility',
      id: 'facility-camp-3',
      kind: 'camp',
      names: [{ value: 'Camp No. 3', kind: 'primary' }],
      identifiers: [{ scheme: 'aspi', value: 'ASPI-0042' }],
      latitude: 43.8,
      longitude: 87.6,
    },
    // A public record whose case number carries the minor's identity number: withheld, and no oracle.
    {
      type: 'Facility',
      id: 'facility-holding-7',
      kind: 'detention-centre',
      names: [{ value: 'Holding centre 7', kind: 'primary' }],
      latitude: 43.9,
      longitude: 87.5,
      identifiers: [{ scheme: 'case', value: `${DILNAZA.identityNumber}/2018` }],
    },
    { type: 'Family', id: 'family-abenov', names: [{ value: 'Abenov household', kind: 'primary' }] },
    {
      type: 'Organisation',
      id: 'org-friends-of-a-child',
      kind: 'ngo',
      names: [{ value: `Friends of ${DILNAZA_VARIANTS.lower}`, kind: 'primary' }],
    },
    // Public people: the parents (their description and occupation name the child), the aunt.
    person('person-serik-abenov', ['Serik Abenov'], {
      gender: 'male',
      birthDate: '1981-01-05',
      description: `Father of ${DILNAZA_VARIANTS.upperReversed} (b. 19.07.2014).`,
      statements: [
        { field: 'birthDate', value: '1981-01-05', claims: cite('Serik Abenov, born 5 January 1981.') },
        { field: 'birthDate', value: '1980', claims: cite(`${DILNAZA.latin}'s father, born 1980.`) },
      ],
    }),
    person('person-gulmira-abenova', ['Gulmira Abenova'], {
      gender: 'female',
      occupation: `Nurse; mother of ${DILNAZA_VARIANTS.fullwidthGiven}`,
    }),
    person('person-saule-abenova', ['Saule Abenova'], { gender: 'female' }),
    // The protected: two minors and a confidential witness.
    person(DILNAZA.id, [DILNAZA.latin, DILNAZA.cyrillic, DILNAZA.chinese, DILNAZA.arabic], {
      minor: true,
      gender: 'female',
      birthDate: DILNAZA.birthDate,
      birthPlace: 'place-qoryqty',
      identityNumbers: [DILNAZA.identityNumber],
      citizenships: ['KZ'],
      description: 'Taken to a boarding school in 2018.',
      identifiers: [{ scheme: 'ruvte', value: DILNAZA.caseNumber }],
      // Two sources' birth days, numbers, gender and birthplace, each cited: all as withheld as the fields.
      statements: [
        { field: 'birthDate', value: DILNAZA.birthDate, rank: 'preferred', claims: cite('Born 19.07.2014.') },
        { field: 'birthDate', value: DILNAZA.otherBirthDate, claims: cite('Date of birth: 20.07.2014') },
        {
          field: 'identityNumbers',
          value: DILNAZA.otherIdentityNumber,
          claims: cite(`ID ${DILNAZA.otherIdentityNumber}`),
        },
        { field: 'gender', value: 'female', claims: cite('The girl was taken.') },
        { field: 'birthPlace', value: 'place-qoryqty', claims: cite('Born in Qoryqty.') },
      ],
    }),
    person(TIMUR.id, [TIMUR.latin, TIMUR.cyrillic, TIMUR.chinese, TIMUR.arabic], {
      minor: true,
      gender: 'male',
      birthDate: TIMUR.birthDate,
      birthPlace: 'place-qoryqty',
      identityNumbers: [TIMUR.identityNumber],
    }),
    person(WITNESS.id, [WITNESS.latin, WITNESS.cyrillic], {
      disclosure: 'confidential',
      gender: 'female',
      birthDate: WITNESS.birthDate,
      identityNumbers: [WITNESS.identityNumber],
      occupation: 'Teacher at the camp school',
    }),
    // Public namesakes: an adult who bears Timur's whole name; a woman with the witness's given name.
    person('person-timur-serikuly-1961', ['Timur Serikuly', 'Тимур Серікұлы'], {
      gender: 'male',
      birthDate: '1961-03-03',
    }),
    person('person-baqytgul-nurlanova', ['Baqytgul Nurlanova'], { gender: 'female' }),
    // Events.
    event('event-serik-crossing-2017', 'crossing', 'Crossing at Khorgos', '2017-04-02'),
    event('event-serik-detention-2017', 'detention', 'Detention of Serik Abenov', '2017-05-03/..', [
      { source: SRC, locator: 'p. 4', excerpt: 'Serik Abenov was detained on 3 May 2017.', confidence: 'probable' },
      {
        source: SRC,
        locator: 'p. 5',
        excerpt: `After the arrest, ${DILNAZA_VARIANTS.zeroWidthDouble} stayed with relatives.`,
        confidence: 'probable',
      },
      {
        source: 'src-press-clip-12',
        locator: 'para. 2',
        excerpt: `${DILNAZA.cyrillic} осталась у родственников.`,
        confidence: 'possible',
      },
      {
        source: 'src-press-clip-12',
        locator: 'para. 3',
        excerpt: 'Отец задержан в мае.',
        translation: `The father of ${DILNAZA_VARIANTS.fullwidthGiven} was detained in May.`,
        confidence: 'possible',
      },
      {
        source: SRC,
        locator: `file ${DILNAZA_VARIANTS.locator} p. 3`,
        excerpt: 'Held at Camp No. 3.',
        confidence: 'probable',
      },
      {
        source: SRC,
        locator: 'p. 6',
        excerpt: 'Confirmed by a neighbour.',
        note: `The neighbour spoke of ${DILNAZA_VARIANTS.possessive} school.`,
        confidence: 'probable',
      },
      {
        source: SRC,
        locator: 'p. 7',
        excerpt: `Passport ${DILNAZA_VARIANTS.idJoined} was seized at the border.`,
        confidence: 'probable',
      },
      {
        source: SRC,
        locator: 'p. 8',
        excerpt: `اختفت ${DILNAZA.arabic} بعد اعتقال والدها`,
        confidence: 'possible',
      },
      { source: SRC, locator: 'p. 9', excerpt: `${DILNAZA.chinese}的父亲被拘留`, confidence: 'possible' },
      {
        source: SRC,
        locator: 'p. 10',
        excerpt: `Photographed by a neighbour: ${DILNAZA_VARIANTS.zeroWidthJoined}.`,
        confidence: 'possible',
      },
      {
        source: 'src-radio-transcript',
        locator: '12:30',
        excerpt: `${WITNESS_VARIANTS.double} saw him at the camp.`,
        confidence: 'possible',
      },
    ]),
    {
      // A public event dated in words that name a minor: the words need her clearance.
      ...event('event-gulmira-detention-2017', 'detention', 'Detention of Gulmira Abenova', '2017-06-10/..', [
        ...cite(),
        {
          source: SRC,
          locator: 'p. 11',
          excerpt: 'Taken a month later.',
          confidence: 'possible',
          date: '[2017-06..]',
          dateAsWritten: `after ${DILNAZA.latin} was taken in`,
        },
      ]),
      dateAsWritten: `the week ${DILNAZA_VARIANTS.lower} turned three`,
    },
    {
      // The source's own words for a protected birth date, on the event and on its claim.
      ...event('event-dilnaza-serikqyzy-birth', 'birth', `Birth of ${DILNAZA.latin}`, DILNAZA.birthDate, [
        {
          source: 'src-case-file-7731',
          locator: 'civil register 0714',
          excerpt: `${DILNAZA.latin}, born 19 July 2014 in Qoryqty.`,
          confidence: 'confirmed',
          date: DILNAZA.birthDate,
          dateAsWritten: '19.07.2014',
        },
      ]),
      dateAsWritten: '19.07.2014',
    },
    event('event-birth-0211', 'birth', 'Birth of a son to Serik Abenov', TIMUR.birthDate, [
      { source: SRC, locator: 'p. 3', excerpt: 'A son was born on 11 February 2016.', confidence: 'probable' },
    ]),
    event(
      'event-transfer-2018',
      'transfer',
      `Transfer of ${DILNAZA_VARIANTS.upperReversed} to a boarding school`,
      '2018-09-01',
    ),
    event('event-minor-held-2018', 'detention', 'Held at Camp No. 3', '2018-01-15/2018-03-20'),
    event('event-namesake-detention-2018', 'detention', 'Detention of Timur Serikuly', '2018-02-01/..'),
    event('event-hearing-dilnaza-serikqyzy-custody', 'trial', 'Custody hearing', '2019-04'),
    event('event-visit-2019', 'other', `Visit to ${DILNAZA_VARIANTS.nbsp} at school`, '2019-09'),
    event('event-witness-interview-2019', 'testimony', `Interview with ${WITNESS.latin}`, '2019-05-20', [
      {
        source: 'src-notes-baqytgul-esenqyzy',
        locator: 'p. 1',
        excerpt: `${WITNESS.latin} described the camp school.`,
        confidence: 'confirmed',
      },
    ]),
    event('event-award-nurlanova', 'award', 'Award for Baqytgul Nurlanova', '2020-03'),
  ],
  relationships: [
    rel('rel-crossing-serik', 'PARTICIPATED_IN', 'person-serik-abenov', 'event-serik-crossing-2017', {
      role: 'subject',
    }),
    rel('rel-crossing-child', 'PARTICIPATED_IN', DILNAZA.id, 'event-serik-crossing-2017', { role: 'subject' }),
    rel('rel-detention-serik', 'PARTICIPATED_IN', 'person-serik-abenov', 'event-serik-detention-2017', {
      role: 'subject',
    }),
    rel('rel-detention-gulmira', 'PARTICIPATED_IN', 'person-gulmira-abenova', 'event-gulmira-detention-2017', {
      role: 'subject',
    }),
    rel('rel-birth-1', 'PARTICIPATED_IN', DILNAZA.id, 'event-dilnaza-serikqyzy-birth', { role: 'subject' }),
    rel('rel-birth-2', 'PARTICIPATED_IN', TIMUR.id, 'event-birth-0211', { role: 'subject' }),
    rel('rel-transfer', 'PARTICIPATED_IN', DILNAZA.id, 'event-transfer-2018', { role: 'subject' }),
    rel('rel-minor-held', 'PARTICIPATED_IN', DILNAZA.id, 'event-minor-held-2018', { role: 'subject' }),
    rel('rel-namesake-held', 'PARTICIPATED_IN', 'person-timur-serikuly-1961', 'event-namesake-detention-2018', {
      role: 'subject',
    }),
    rel('rel-hearing', 'PARTICIPATED_IN', 'person-saule-abenova', 'event-hearing-dilnaza-serikqyzy-custody', {
      role: 'subject',
    }),
    rel('rel-visit', 'PARTICIPATED_IN', 'person-saule-abenova', 'event-visit-2019', { role: 'subject' }),
    rel('rel-interview', 'PARTICIPATED_IN', WITNESS.id, 'event-witness-interview-2019', { role: 'witness' }),
    rel('rel-award', 'PARTICIPATED_IN', 'person-baqytgul-nurlanova', 'event-award-nurlanova', {
      role: 'recipient',
    }),
    rel('rel-at-khorgos', 'OCCURRED_AT', 'event-serik-crossing-2017', 'place-khorgos'),
    rel('rel-at-camp-1', 'OCCURRED_AT', 'event-serik-detention-2017', 'facility-camp-3'),
    rel('rel-at-camp-2', 'OCCURRED_AT', 'event-gulmira-detention-2017', 'facility-camp-3'),
    rel('rel-at-camp-3', 'OCCURRED_AT', 'event-minor-held-2018', 'facility-camp-3'),
    rel('rel-at-camp-4', 'OCCURRED_AT', 'event-namesake-detention-2018', 'facility-camp-3'),
    rel('rel-born-at-1', 'OCCURRED_AT', 'event-dilnaza-serikqyzy-birth', 'place-qoryqty'),
    rel('rel-born-at-2', 'OCCURRED_AT', 'event-birth-0211', 'place-qoryqty'),
    // A parent-of date is a birth date.
    rel('rel-serik-abenov-parent-of-dilnaza-serikqyzy', 'PARENT_OF', 'person-serik-abenov', DILNAZA.id, {
      role: 'biological',
      date: DILNAZA.birthDate,
      claims: cite(`Serik Abenov is the father of ${DILNAZA.latin}.`),
    }),
    rel('rel-parent-2', 'PARENT_OF', 'person-gulmira-abenova', DILNAZA.id, { role: 'biological' }),
    rel('rel-parent-3', 'PARENT_OF', 'person-serik-abenov', TIMUR.id, { role: 'biological', date: TIMUR.birthDate }),
    rel('rel-parent-4', 'PARENT_OF', 'person-gulmira-abenova', TIMUR.id, { role: 'biological' }),
    rel('rel-partners', 'PARTNER_OF', 'person-serik-abenov', 'person-gulmira-abenova', { role: 'married' }),
    rel('rel-siblings', 'SIBLING_OF', DILNAZA.id, TIMUR.id, { role: 'full' }),
    // What the start is to the end: "niece" gives the minor's gender.
    rel('rel-relative-1', 'RELATIVE_OF', DILNAZA.id, 'person-saule-abenova', { relation: 'niece' }),
    rel('rel-relative-2', 'RELATIVE_OF', TIMUR.id, 'person-saule-abenova', { relation: 'nephew' }),
    rel('rel-guardian', 'GUARDIAN_OF', 'person-saule-abenova', DILNAZA.id, { role: 'caregiver', date: '2017-05/..' }),
    rel('rel-member-1', 'MEMBER_OF', 'person-serik-abenov', 'family-abenov', { role: 'parent' }),
    rel('rel-member-2', 'MEMBER_OF', 'person-gulmira-abenova', 'family-abenov', { role: 'parent' }),
    rel('rel-member-3', 'MEMBER_OF', DILNAZA.id, 'family-abenov', { role: 'child' }),
    rel('rel-member-4', 'MEMBER_OF', TIMUR.id, 'family-abenov', { role: 'child' }),
    rel('rel-member-5', 'MEMBER_OF', 'person-saule-abenova', 'family-abenov', { role: 'guardian' }),
    rel('rel-friends', 'AFFILIATED_WITH', 'person-saule-abenova', 'org-friends-of-a-child', { role: 'member' }),
    rel('rel-mentions-child', 'MENTIONS', SRC, DILNAZA.id),
  ],
};

// ---------------------------------------------------------------------------------------------
// GEDCOM form: written by the test to a temp file named GEDCOM_FILE and imported as GEDCOM.
// ---------------------------------------------------------------------------------------------

/** The file name decides the ids ("ged-hostile-…", graph/import/gedcom). */
export const GEDCOM_FILE = 'hostile.ged';

const ARUZHAN = {
  id: 'ged-hostile-aruzhan-qasymova',
  latin: 'Aruzhan Qasymova',
  cyrillic: 'Аружан Қасымова',
  chinese: '阿茹詹 卡瑟莫娃',
  arabic: 'أروزان قاسيموفا',
  birthDate: '2013-09-14',
  gedcomDate: '14 SEP 2013',
};
const NURALI = { id: 'ged-hostile-i5', latin: 'Nurali Qasymov', birthDate: '2017-02-02', gedcomDate: '2 FEB 2017' };
const SARYBEL = { name: 'Sarybel, Almaty Region', id: 'ged-hostile-place--sarybel-almaty-region' };

/**
 * A family tree: parents (the father's occupation names the daughter), a daughter whose xref
 * spells her name (so every id made from it does), with names in four scripts, a birthplace and an
 * identity number; a son named after his grandfather, who is in the tree too (a public namesake).
 */
export const hostileGedcom = [
  '0 HEAD',
  '1 SOUR REDTEAM',
  '1 GEDC',
  '2 VERS 5.5.1',
  '2 FORM LINEAGE-LINKED',
  '1 CHAR UTF-8',
  '1 FILE hostile.ged',
  '0 @I1@ INDI',
  '1 NAME Erlan /Qasymov/',
  '1 SEX M',
  '1 BIRT',
  '2 DATE 3 MAR 1975',
  `1 OCCU Driver; father of ${ARUZHAN.latin}`,
  '1 FAMS @F1@',
  '1 FAMC @F0@',
  '0 @I2@ INDI',
  '1 NAME Aliya /Qasymova/',
  '1 SEX F',
  '1 BIRT',
  '2 DATE 1978',
  '1 FAMS @F1@',
  '0 @ARUZHAN_QASYMOVA@ INDI',
  '1 NAME Aruzhan /Qasymova/',
  '1 NAME Аружан /Қасымова/',
  '2 TYPE aka',
  '1 NAME 阿茹詹 /卡瑟莫娃/',
  '1 NAME أروزان /قاسيموفا/',
  '1 SEX F',
  '1 BIRT',
  `2 DATE ${ARUZHAN.gedcomDate}`,
  `2 PLAC ${SARYBEL.name}`,
  '1 IDNO KZ-ID-130914-22',
  '2 TYPE national id',
  '1 FAMC @F1@',
  '0 @I5@ INDI',
  '1 NAME Nurali /Qasymov/',
  '1 NAME Нұрәлі /Қасымов/',
  '1 SEX M',
  '1 BIRT',
  `2 DATE ${NURALI.gedcomDate}`,
  `2 PLAC ${SARYBEL.name}`,
  '1 FAMC @F1@',
  '0 @I4@ INDI',
  '1 NAME Nurali /Qasymov/',
  '1 SEX M',
  '1 BIRT',
  '2 DATE 1940',
  '1 DEAT',
  '2 DATE 2000',
  '1 FAMS @F0@',
  '0 @F0@ FAM',
  '1 HUSB @I4@',
  '1 CHIL @I1@',
  '0 @F1@ FAM',
  '1 HUSB @I1@',
  '1 WIFE @I2@',
  '1 CHIL @ARUZHAN_QASYMOVA@',
  '1 CHIL @I5@',
  '1 MARR',
  '2 DATE 2010',
  '0 TRLR',
  '',
].join('\n');

// ---------------------------------------------------------------------------------------------
// What must not leak, and the ids the route samples use.
// ---------------------------------------------------------------------------------------------

const GENDER_GIRL = ['daughter', 'niece', 'sister', 'granddaughter', 'girl'];
const GENDER_BOY = ['son', 'nephew', 'brother', 'grandson', 'boy'];

export const SECRETS: Secret[] = [
  {
    label: 'Dilnaza (minor, JSON)',
    clearance: 'pseudonymous',
    id: DILNAZA.id,
    names: [DILNAZA.latin, DILNAZA.cyrillic, DILNAZA.chinese, DILNAZA.arabic],
    strings: [
      DILNAZA.id,
      DILNAZA.latin,
      DILNAZA.cyrillic,
      DILNAZA.chinese,
      DILNAZA.arabic,
      'Dilnaza',
      'Дильназа',
      DILNAZA.identityNumber,
      DILNAZA.otherIdentityNumber,
      DILNAZA.caseNumber,
      ...Object.values(DILNAZA_VARIANTS),
      // Records named after her, by real id.
      'event-dilnaza-serikqyzy-birth',
      'event-hearing-dilnaza-serikqyzy-custody',
      'rel-serik-abenov-parent-of-dilnaza-serikqyzy',
    ],
    folded: [
      'dilnaza serikqyzy',
      'serikqyzy dilnaza',
      'dilnaza',
      'dilnazaserikqyzy',
      '迪 丽 娜 扎',
      DILNAZA.arabic,
      'kz id 140719 51',
      'kzid14071951',
      'kz id 140720 77',
      'ruvte 5551',
    ],
    birthDates: [DILNAZA.birthDate, '19 July 2014', '19.07.2014', DILNAZA.otherBirthDate, '20.07.2014'],
    birthPlace: ['Qoryqty', 'place-qoryqty'],
    genderWords: GENDER_GIRL,
    shared: [],
  },
  {
    label: 'Timur (minor, JSON, has a public namesake)',
    clearance: 'pseudonymous',
    id: TIMUR.id,
    names: [TIMUR.latin, TIMUR.cyrillic, TIMUR.chinese, TIMUR.arabic],
    strings: [TIMUR.id, TIMUR.chinese, TIMUR.arabic, TIMUR.identityNumber, 'event-birth-0211'],
    folded: ['帖 木 儿', TIMUR.arabic, 'kz id 160211 08'],
    birthDates: [TIMUR.birthDate, '11 February 2016'],
    birthPlace: ['Qoryqty', 'place-qoryqty'],
    genderWords: GENDER_BOY,
    shared: [TIMUR.latin, TIMUR.cyrillic],
  },
  {
    label: 'Baqytgul (confidential witness, JSON)',
    clearance: 'confidential',
    id: WITNESS.id,
    names: [WITNESS.latin, WITNESS.cyrillic],
    strings: [
      WITNESS.id,
      WITNESS.latin,
      WITNESS.cyrillic,
      'Esenqyzy',
      WITNESS.identityNumber,
      ...Object.values(WITNESS_VARIANTS),
      'src-notes-baqytgul-esenqyzy',
      'event-witness-interview-2019',
    ],
    folded: ['baqytgul esenqyzy', 'esenqyzy baqytgul', 'n09876543'],
    birthDates: [WITNESS.birthDate, '23 November 1979'],
    birthPlace: [],
    genderWords: [],
    // Her given name alone: Baqytgul Nurlanova bears it too.
    shared: ['Baqytgul'],
  },
  {
    label: 'Aruzhan (minor, GEDCOM)',
    clearance: 'pseudonymous',
    id: ARUZHAN.id,
    names: [ARUZHAN.latin, ARUZHAN.cyrillic, ARUZHAN.chinese, ARUZHAN.arabic],
    strings: [
      ARUZHAN.id,
      ARUZHAN.latin,
      ARUZHAN.cyrillic,
      ARUZHAN.chinese,
      ARUZHAN.arabic,
      'Aruzhan',
      'KZ-ID-130914-22',
    ],
    folded: ['aruzhan qasymova', 'qasymova aruzhan', 'aruzhan', 'aruzhanqasymova', '阿 茹 詹'],
    birthDates: [ARUZHAN.birthDate, ARUZHAN.gedcomDate, '14 September 2013'],
    birthPlace: [SARYBEL.name, SARYBEL.id],
    genderWords: GENDER_GIRL,
    shared: [],
  },
  {
    label: 'Nurali (minor, GEDCOM, named after his grandfather)',
    clearance: 'pseudonymous',
    id: NURALI.id,
    names: [NURALI.latin, 'Нұрәлі Қасымов'],
    strings: [NURALI.id],
    folded: [],
    birthDates: [NURALI.birthDate, NURALI.gedcomDate, '2 February 2017'],
    birthPlace: [SARYBEL.name, SARYBEL.id],
    genderWords: GENDER_BOY,
    shared: [NURALI.latin, 'Нұрәлі Қасымов'],
  },
];

/** The public namesakes, by id, with the name they must keep. */
export const NAMESAKES = [
  { id: 'person-timur-serikuly-1961', name: TIMUR.latin, search: TIMUR.latin },
  { id: 'person-baqytgul-nurlanova', name: 'Baqytgul Nurlanova', search: 'Baqytgul' },
  { id: 'ged-hostile-i4', name: NURALI.latin, search: NURALI.latin },
];

/** Ids for test/support/route-samples.ts, one set per protected person the walk starts from. */
export const SAMPLE_SETS = [
  {
    label: 'JSON, a minor',
    ids: {
      person: 'person-serik-abenov',
      protectedPerson: DILNAZA.id,
      family: 'family-abenov',
      facility: 'facility-camp-3',
      crossing: 'place-khorgos',
      source: 'src-press-clip-12',
      event: 'event-serik-detention-2017',
      relationship: 'rel-serik-abenov-parent-of-dilnaza-serikqyzy',
    },
  },
  {
    label: 'JSON, the witness and records named after people',
    ids: {
      person: 'person-saule-abenova',
      protectedPerson: WITNESS.id,
      family: 'family-abenov',
      facility: 'facility-camp-3',
      crossing: 'place-khorgos',
      source: 'src-case-file-7731',
      event: 'event-transfer-2018',
      relationship: 'rel-interview',
    },
  },
  {
    label: 'JSON, the other minor and the witness notes',
    ids: {
      person: 'person-timur-serikuly-1961',
      protectedPerson: TIMUR.id,
      family: 'family-abenov',
      facility: 'facility-camp-3',
      crossing: 'place-khorgos',
      source: 'src-notes-baqytgul-esenqyzy',
      event: 'event-witness-interview-2019',
      relationship: 'rel-relative-1',
    },
  },
  {
    label: 'GEDCOM, a minor',
    ids: {
      person: 'ged-hostile-i1',
      protectedPerson: ARUZHAN.id,
      family: 'ged-hostile-f1',
      facility: 'facility-camp-3',
      crossing: 'place-khorgos',
      source: 'ged-hostile',
      event: `${ARUZHAN.id}--birth`,
      relationship: `ged-hostile-i1--parent-of--${ARUZHAN.id}`,
    },
  },
  {
    label: 'GEDCOM, the minor named after his grandfather',
    ids: {
      person: 'ged-hostile-i4',
      protectedPerson: NURALI.id,
      family: 'ged-hostile-f0',
      facility: 'facility-camp-3',
      crossing: 'place-khorgos',
      source: 'ged-hostile',
      event: `${NURALI.id}--birth`,
      relationship: `ged-hostile-i1--parent-of--${NURALI.id}`,
    },
  },
];

/** Extra requests a hostile reader would send: kinship paths, birthplaces, the minors' own pages. */
export function extraRequests(publicIdOf: (id: string) => string): string[] {
  const p = publicIdOf;
  return [
    `/api/paths?from=person-serik-abenov&to=${p(DILNAZA.id)}&kinshipOnly=true`,
    `/api/paths?from=${p(DILNAZA.id)}&to=${p(TIMUR.id)}&kinshipOnly=true`,
    `/api/paths?from=person-saule-abenova&to=${p(DILNAZA.id)}&kinshipOnly=true`,
    `/api/paths?from=person-saule-abenova&to=${p(TIMUR.id)}&kinshipOnly=true`,
    `/api/paths?from=ged-hostile-i4&to=${p(NURALI.id)}&kinshipOnly=true`,
    `/api/paths?from=ged-hostile-i1&to=${p(ARUZHAN.id)}&kinshipOnly=true`,
    `/api/neighbourhood?ids=${p(DILNAZA.id)}&depth=2`,
    `/api/neighbourhood?ids=${p(ARUZHAN.id)}&depth=2`,
    `/api/neighbourhood?ids=person-saule-abenova&depth=2&from=2014-07-01&to=2014-07-31`,
    `/api/family/${p(ARUZHAN.id)}?generations=3`,
    `/api/family/ged-hostile-i4?generations=3`,
    `/api/timeline?people=${p(DILNAZA.id)},${p(TIMUR.id)},${p(WITNESS.id)}`,
    `/api/timeline?family=ged-hostile-f1`,
    `/api/status-as-of?date=2018-02-15&ids=${p(DILNAZA.id)},person-timur-serikuly-1961`,
    '/api/patterns/orphaned-children?date=2017-07-01',
    '/api/patterns/crossing-detentions?crossing=place-khorgos&from=2017-01-01&to=2017-12-31&days=400',
    '/api/patterns/co-detention?facility=facility-camp-3',
    '/api/patterns/stale-status?months=1&asOf=2030-01-01',
    `/api/entities/${p('event-minor-held-2018')}`,
    `/api/entities/${p('org-friends-of-a-child')}`,
    `/api/entities/${p('src-radio-transcript')}`,
    `/api/entities/${p('person-gulmira-abenova')}`,
    `/api/entities/${p('ged-hostile-i1')}`,
    `/api/entities/${p('ged-hostile-f1')}`,
    `/api/citations/${p('event-serik-detention-2017')}`,
    `/api/citations/${p('rel-relative-1')}`,
    `/api/citations/${p('rel-siblings')}`,
    `/api/sources/${p(SRC)}`,
    `/api/sources/${p('src-radio-transcript')}`,
    // Malformed requests carrying a protected public id: their error bodies too.
    `/api/family/${p(DILNAZA.id)}?generations=999`,
    `/api/neighbourhood?ids=${p(DILNAZA.id)}&depth=-1`,
    `/api/timeline?people=${p(DILNAZA.id)}&from=not-a-date`,
  ];
}

/** The birthplaces: their own pages may name them, but must not link them to a protected birth. */
export const BIRTHPLACES = ['place-qoryqty', SARYBEL.id];

/**
 * Protected names paired with a same-shaped name that exists nowhere: a viewer's search must
 * answer both alike. Words a public person bears too (a surname, a given name) are kept in the
 * twin, so both queries have the same public hits.
 */
export const SEARCH_PAIRS: [string, string][] = [
  [DILNAZA.latin, 'Vilnoza Perikqazy'],
  [DILNAZA.cyrillic, 'Вильноза Перикқазы'],
  [DILNAZA.chinese, '鑫鑫鑫鑫·鑫鑫鑫'],
  [DILNAZA.arabic, 'ظلنازا ظريكقيزي'],
  [DILNAZA_VARIANTS.upperReversed, 'PERIKQAZY, VILNOZA'],
  [DILNAZA_VARIANTS.nbsp, `Vilnoza${NBSP}Perikqazy`],
  [DILNAZA_VARIANTS.fullwidthName, fullwidth('Vilnoza Perikqazy')],
  ['Dilnaza', 'Vilnoza'],
  // Her case number and her second identity number are no name oracle either.
  [DILNAZA.caseNumber, 'RUVTE-9993'],
  [DILNAZA.otherIdentityNumber, 'KZ-ID-990101-00'],
  [`${DILNAZA.identityNumber}/2018`, 'KZ-ID-990101-00/2018'],
  ['Serikqyzy', 'Perikqazy'],
  [`Abenov ${DILNAZA.latin}`, 'Abenov Vilnoza Perikqazy'],
  [`Birth of ${DILNAZA.latin}`, 'Birth of Vilnoza Perikqazy'],
  ['Transfer of Serikqyzy', 'Transfer of Perikqazy'],
  [TIMUR.chinese, '鑫鑫鑫·鑫鑫鑫'],
  [TIMUR.arabic, 'ظيمور ظريكولي'],
  [WITNESS.latin, 'Baqytgul Ezenqazy'],
  [WITNESS.cyrillic, 'Бақытгүл Езенқазы'],
  ['Esenqyzy', 'Ezenqazy'],
  ['Interview with Baqytgul Esenqyzy', 'Interview with Baqytgul Ezenqazy'],
  [ARUZHAN.latin, 'Xruzhbn Qasymova'],
  [ARUZHAN.cyrillic, 'Хружбн Қасымова'],
  [ARUZHAN.chinese, '鑫鑫鑫 鑫鑫鑫鑫'],
  [ARUZHAN.arabic, 'ظروزان ظاسيموفا'],
  ['Aruzhan', 'Xruzhbn'],
  ['Qasymova Aruzhan', 'Qasymova Xruzhbn'],
  [DILNAZA.identityNumber, 'KZ-ID-999999-99'],
  [DILNAZA.id, 'person-vilnoza-perikqazy-2014'],
  [DILNAZA.birthDate, '2014-07-18'],
];

/**
 * Protected real ids (of people and of records named after them), the clearance they need, and an
 * id of the same shape that exists nowhere, for the 404 comparisons.
 */
export const UNKNOWN_TWINS: { id: string; nowhere: string; clearance: 'pseudonymous' | 'confidential' }[] = [
  { id: DILNAZA.id, nowhere: 'person-vilnoza-perikqazy-2014', clearance: 'pseudonymous' },
  { id: ARUZHAN.id, nowhere: 'ged-hostile-aruzhen-pasymova', clearance: 'pseudonymous' },
  { id: NURALI.id, nowhere: 'ged-hostile-i9', clearance: 'pseudonymous' },
  { id: 'event-dilnaza-serikqyzy-birth', nowhere: 'event-vilnoza-perikqazy-birth', clearance: 'pseudonymous' },
  {
    id: 'rel-serik-abenov-parent-of-dilnaza-serikqyzy',
    nowhere: 'rel-serik-abenov-parent-of-vilnoza-perikqazy',
    clearance: 'pseudonymous',
  },
  { id: 'src-case-file-7731', nowhere: 'src-case-file-7739', clearance: 'pseudonymous' },
  { id: WITNESS.id, nowhere: 'person-baqytgul-ezenqazy', clearance: 'confidential' },
  { id: 'event-witness-interview-2019', nowhere: 'event-witness-interview-2029', clearance: 'confidential' },
  { id: 'src-notes-baqytgul-esenqyzy', nowhere: 'src-notes-baqytgul-ezenqazy', clearance: 'confidential' },
];
