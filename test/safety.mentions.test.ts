import { describe, expect, it } from 'vitest';
import { mentionMatcher, termsOfPerson } from '../graph/safety/mentions.js';

const child = {
  id: 'p-aigerim-bekova',
  names: [
    { value: 'Aigerim Bekova' },
    { value: 'Айгерим Бекова' },
    { value: '艾格林·别科娃' },
    { value: 'ئايگېرىم بېكوۋا' },
  ],
  identityNumbers: ['650102200901011234'],
};
const witness = { id: 'w-07', names: [{ value: 'Serik Dauletov' }] };
const matcher = mentionMatcher([...termsOfPerson(child, 'pseudonymous'), ...termsOfPerson(witness, 'confidential')]);

describe('a text mentions a protected person however it is written', () => {
  it.each([
    'Aigerim Bekova was taken to the orphanage',
    'AIGERIM BEKOVA',
    'aigerim  bekova',
    'Aigerim\u00a0Bekova',
    'Aige\u200brim Bek\ufeffova',
    'Ａｉｇｅｒｉｍ Ｂｅｋｏｖａ',
    'Bekova, Aigerim',
    'Aigerim was seen in Ghulja',
    'https://example.org/news/aigerim-bekova-story',
    'case p-aigerim-bekova-birth',
    'Айгерим Бекова, 2009',
    '据报道艾格林·别科娃被送往',
    'ID 650102200901011234 on the form',
    'ئايگېرىم بېكوۋا ھەققىدە',
    // Written as one word, or split only by a zero-width space; possessive; percent-encoded in a URL.
    'https://example.org/news/AigerimBekova-story',
    'Aigerim\u200bBekova',
    'BEKOVAAIGERIM',
    "Aigerim's school",
    `https://example.kz/${encodeURIComponent('Айгерим-Бекова')}`,
    // An identity number with other separators.
    'ID 650102-2009-0101-1234',
  ])('%s', (text) => {
    expect(matcher.needs(text)).toBe('pseudonymous');
  });

  it('answers the highest clearance any mentioned person needs', () => {
    expect(matcher.needs('Serik Dauletov met Aigerim Bekova')).toBe('confidential');
    expect(matcher.needs('Dauletov, Serik')).toBe('confidential');
  });

  it('leaves texts that mention no one alone', () => {
    for (const text of ['Aigerimova Street', 'Bek', 'The camp in Ghulja', 'Beko appliances', '', "Ma'ruf", '%zz%'])
      expect(matcher.needs(text), text).toBeUndefined();
  });

  it("does not count a public namesake's name as a mention", () => {
    const withNamesake = mentionMatcher(termsOfPerson(child, 'pseudonymous'), ['Aigerim Bekova']);
    expect(withNamesake.needs('Aigerim Bekova spoke at the hearing')).toBeUndefined();
    // Cyrillic folds to the same letters; the Chinese name still identifies the protected child alone.
    expect(withNamesake.needs('Айгерим Бекова')).toBeUndefined();
    expect(withNamesake.needs('艾格林·别科娃')).toBe('pseudonymous');
    // Nor the namesake's name written as one word.
    expect(withNamesake.needs('https://example.org/AigerimBekova')).toBeUndefined();
  });

  it('reads an apostrophe both ways: dropped inside a name, a word break before a possessive', () => {
    const maruf = mentionMatcher(termsOfPerson({ id: 'w-9', names: [{ value: "Ma'ruf Tursun" }] }, 'confidential'));
    expect(maruf.needs('Maruf Tursun testified')).toBe('confidential');
    expect(maruf.needs("Ma'ruf Tursun's house")).toBe('confidential');
  });
});
