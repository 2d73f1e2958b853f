import { expect, it } from 'vitest';
import { buildLexicon } from '../graph/safety/lexicon.js';

const lexicon = buildLexicon(
  new Map([
    ['Aigerim Bekova', 'Protected person A1'],
    ['Aigerim', 'Protected person A1'],
    ['person-aigerim-bekova', 'anon-0123456789abcdef'],
    ['Айгерім Бекова', 'Protected person A1'],
  ]),
);

it('replaces names (longest first), ids and other scripts, and nothing else', () => {
  const text = JSON.stringify({
    id: 'person-aigerim-bekova',
    excerpt: 'Aigerim Bekova and Aigerim; Айгерім Бекова; Aigerimova; claim person-aigerim-bekova#0',
  });
  const scrubbed = lexicon.scrub(text);
  expect(JSON.parse(scrubbed)).toEqual({
    id: 'anon-0123456789abcdef',
    excerpt:
      'Protected person A1 and Protected person A1; Protected person A1; Aigerimova; claim anon-0123456789abcdef#0',
  });
});

it('keeps replacements free of characters that would break JSON, XML or CSV', () => {
  const hostile = buildLexicon(new Map([['Secret Name', 'x", <b>&']]));
  expect(() => JSON.parse(hostile.scrub(JSON.stringify({ a: 'Secret Name' })))).not.toThrow();
  expect(hostile.scrub('Secret Name')).not.toMatch(/["<>&]/);
});

it('leaves text without protected terms untouched', () => {
  const text = 'Aiman Umarova represents the children';
  expect(lexicon.scrub(text)).toBe(text);
});
