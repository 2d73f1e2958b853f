/**
 * A protected child and a witness at risk with realistic names, added beside the seed case, so
 * that leak tests look for strings that could really leak (the seed's minors are unnamed).
 */
export const SECRETS = {
  childId: 'person-aigerim-bekova',
  childNames: ['Aigerim Bekova', 'Айгерім Бекова', 'Aygerim Bekova'],
  childBirthDate: '2012-03-04',
  childIdentityNumber: 'KZ-ID-120304-77',
  witnessId: 'person-zhanar-witness',
  witnessNames: ['Zhanar Tokhtarova', 'Жанар Тохтарова'],
  relationshipId: 'rel-aigerim-bekova-ward-of-umarova',
  birthEventId: 'event-aigerim-bekova-birth',
};

const SOURCE = 'src-bitter-winter-2019-orphans';

export const protectedFixture = {
  kinline: 1,
  entities: [
    {
      type: 'Person',
      id: SECRETS.childId,
      minor: true,
      birthDate: SECRETS.childBirthDate,
      identityNumbers: [SECRETS.childIdentityNumber],
      names: [
        { value: SECRETS.childNames[0], kind: 'primary' },
        { value: SECRETS.childNames[1], script: 'Cyrl' },
        { value: SECRETS.childNames[2] },
      ],
    },
    {
      type: 'Person',
      id: SECRETS.witnessId,
      disclosure: 'confidential',
      names: [
        { value: SECRETS.witnessNames[0], kind: 'primary' },
        { value: SECRETS.witnessNames[1], script: 'Cyrl' },
      ],
    },
    {
      type: 'Event',
      id: SECRETS.birthEventId,
      kind: 'birth',
      date: SECRETS.childBirthDate,
      names: [{ value: `Birth of ${SECRETS.childNames[0]}` }],
      claims: [
        {
          source: SOURCE,
          locator: 'para. 5',
          excerpt: `${SECRETS.childNames[0]} was born on ${SECRETS.childBirthDate}`,
        },
      ],
    },
    {
      type: 'Event',
      id: 'event-zhanar-testimony',
      kind: 'testimony',
      date: '2019-05',
      names: [{ value: `Testimony of ${SECRETS.witnessNames[0]}` }],
      claims: [{ source: SOURCE, locator: 'para. 6', excerpt: `${SECRETS.witnessNames[0]} described the camp` }],
    },
  ],
  relationships: [
    {
      id: SECRETS.relationshipId,
      type: 'GUARDIAN_OF',
      from: 'person-aiman-umarova',
      to: SECRETS.childId,
      role: 'legal',
      claims: [{ source: SOURCE, locator: 'para. 5', excerpt: `Umarova represents ${SECRETS.childNames[0]}` }],
    },
    {
      id: 'rel-aigerim-bekova-birth',
      type: 'PARTICIPATED_IN',
      from: SECRETS.childId,
      to: SECRETS.birthEventId,
      role: 'subject',
      claims: [{ source: SOURCE, locator: 'para. 5', excerpt: 'born' }],
    },
    {
      id: 'rel-zhanar-testimony',
      type: 'PARTICIPATED_IN',
      from: SECRETS.witnessId,
      to: 'event-zhanar-testimony',
      role: 'witness',
      claims: [{ source: SOURCE, locator: 'para. 6', excerpt: `${SECRETS.witnessNames[0]} testified` }],
    },
    {
      id: 'rel-zhanar-knows-aigerim',
      type: 'RELATIVE_OF',
      from: SECRETS.witnessId,
      to: SECRETS.childId,
      relation: 'aunt',
      claims: [
        {
          source: SOURCE,
          locator: 'para. 6',
          excerpt: `${SECRETS.witnessNames[0]} is the aunt of ${SECRETS.childNames[0]}`,
        },
      ],
    },
  ],
};

/** Every string that must never reach a reader without clearance. */
export const FORBIDDEN = [
  SECRETS.childId,
  ...SECRETS.childNames,
  SECRETS.childBirthDate,
  SECRETS.childIdentityNumber,
  SECRETS.witnessId,
  ...SECRETS.witnessNames,
  SECRETS.relationshipId,
  SECRETS.birthEventId,
];
