import { expect, it } from 'vitest';
import { redactDataset } from '../graph/safety/redact-dataset.js';
import { type Dataset, Dataset as DatasetSchema } from '../graph/schema/index.js';

/** One withheld child and one public organisation whose description is the text under test. */
function describe(text: string, child: Record<string, unknown> = {}, others: Record<string, unknown>[] = []): string {
  const data = DatasetSchema.parse({
    kinline: 1,
    entities: [
      { type: 'Person', id: 'p-child', minor: true, names: [{ value: 'Aigerim Bekova' }], ...child },
      { type: 'Organisation', id: 'org', kind: 'ngo', names: [{ value: 'Org' }], description: text },
      ...others,
    ],
    relationships: [],
  });
  const stored = { publicIds: new Map([['p-child', 'anon-1']]), pseudonyms: new Map([['p-child', 'Child K']]) };
  const out = redactDataset(data, 'none', stored);
  return out.entities.find((e) => e.id === 'org')!.description!;
}

it('finds a name in any case, spacing, order or compatibility form', () => {
  for (const text of [
    'AIGERIM BEKOVA',
    'aigerim\u00a0\u00a0bekova',
    'Aigerim \u200bBekova',
    'Bekova, Aigerim',
    'BEKOVA\tAIGERIM',
    'Aigerim\u200cBekova',
    'aigerim-bekova',
    'Ａｉｇｅｒｉｍ Ｂｅｋｏｖａ',
    'Aigérim Békova',
  ])
    expect(describe(`Seen: ${text}.`), text).toBe('Seen: Child K.');
});

it('finds the given name alone from 4 letters, but not a shorter one nor a word the pseudonym repeats', () => {
  expect(describe('Aigerim cried.')).toBe('Child K cried.');
  expect(describe('Ali cried.', { names: [{ value: 'Ali Bekov' }] })).toBe('Ali cried.');
  expect(
    describe('The child cried; Child 1 slept.', { names: [{ value: 'Child 1' }], pseudonym: 'Child 1 of family K' }),
  ).toBe('The child cried; Child 1 slept.');
  expect(
    describe('The father left.', { names: [{ value: 'Father of the four children' }], pseudonym: 'Father (case K)' }),
  ).toBe('The father left.');
});

it('finds names inside sentences of scripts without spaces, and in Cyrillic and Arabic script', () => {
  const names = {
    names: [{ value: '阿依古丽·别克娃' }, { value: 'Айгерім Бекова' }, { value: 'آيگريم بيكوفا' }, { value: '김민수' }],
  };
  expect(describe('报告提到阿依古丽别克娃。', names)).toBe('报告提到Child K。');
  expect(describe('АЙГЕРІМ БЕКОВА плакала', names)).toBe('Child K плакала');
  expect(describe('مؤسسة آيگريم بيكوفا للأطفال', names)).toBe('مؤسسة Child K للأطفال');
  expect(describe('김민수는 학생이다', names)).toBe('Child K는 학생이다');
});

it('finds identity numbers and birth days however written, and the real id as written', () => {
  const child = { birthDate: '2012-03-04', identityNumbers: ['KZ-ID-120304-77'] };
  expect(describe('Born 04.03.2012, ID kz id 120304 77.', child)).toBe('Born [withheld], ID [withheld].');
  expect(describe('Born on 4 March 2012 (4 MAR 2012).', child)).toBe('Born on [withheld] ([withheld]).');
  expect(describe('See p-child and P Child.')).toBe('See anon-1 and P Child.');
});

it("keeps a readable person's full name whole, and leaves a reader cleared for everyone the dataset as it is", () => {
  const neighbour = { type: 'Person', id: 'p-neighbour', names: [{ value: 'Aigerim Sultanova' }] };
  expect(describe('AIGERIM SULTANOVA and Aigerim met.', {}, [neighbour])).toBe('AIGERIM SULTANOVA and Child K met.');
  // A public namesake's name, outside her own records, cannot be told from the child's.
  const namesake = { type: 'Person', id: 'p-namesake', names: [{ value: 'Aigerim Bekova' }] };
  expect(describe('Aigerim Bekova spoke.', {}, [namesake])).toBe('Child K spoke.');
  const data: Dataset = { kinline: 1, entities: [], relationships: [] };
  expect(redactDataset(data, 'confidential', { publicIds: new Map(), pseudonyms: new Map() })).toBe(data);
});
