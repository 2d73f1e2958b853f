import { afterEach, beforeAll, expect, it, vi } from 'vitest';
import { freshGraph } from './support/graph.js';
import { validateAndLoad } from '../graph/store/check.js';
import { currentLexicon, invalidateLexicon, type Lexicon } from '../graph/safety/lexicon.js';

beforeAll(freshGraph);
afterEach(() => vi.restoreAllMocks());

const source = {
  type: 'Source',
  id: 'lex-src',
  names: [{ value: 'Interview notes' }],
  kind: 'testimony',
  date: '2020',
};
const witness = (id: string, name: string) => ({
  type: 'Person',
  id,
  names: [{ value: name }],
  disclosure: 'confidential',
});

/** Moves the clock past the lexicon's check interval and waits until the refresh it starts has settled. */
async function afterNextCheck(before: Lexicon): Promise<Lexicon> {
  const now = Date.now();
  vi.spyOn(Date, 'now').mockReturnValue(now + 6_000);
  await currentLexicon(); // starts the check, answers with the cached lexicon meanwhile
  for (let i = 0; i < 100; i++) {
    const lexicon = await currentLexicon();
    if (lexicon !== before) return lexicon;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return currentLexicon();
}

it('rebuilds after a load nobody told it about, and keeps its terms while the graph is unchanged', async () => {
  await validateAndLoad({ kinline: 1, entities: [source, witness('lex-w1', 'Gulzhan Secretova')], relationships: [] });
  invalidateLexicon();
  const first = await currentLexicon();
  expect(first.scrub('Gulzhan Secretova said')).not.toContain('Gulzhan');

  // Nothing loaded: the check finds the same generation and keeps the same lexicon.
  expect(await afterNextCheck(first)).toBe(first);
  vi.restoreAllMocks();

  // A load (as by the CLI in another process, with no invalidation): the next check rebuilds.
  await validateAndLoad({ kinline: 1, entities: [source, witness('lex-w2', 'Nurlan Hiddenov')], relationships: [] });
  const second = await afterNextCheck(first);
  expect(second).not.toBe(first);
  expect(second.scrub('Nurlan Hiddenov and Gulzhan Secretova')).not.toMatch(/Nurlan|Gulzhan/);
});
