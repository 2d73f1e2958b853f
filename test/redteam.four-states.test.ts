import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WITHHELD_TEXT } from '../graph/queries/claims.js';
import { foldText } from '../graph/safety/mentions.js';
import { validateAndLoad } from '../graph/store/check.js';
import { type Api, startApi } from './support/api.js';
import { freshGraph, storedPublicIds } from './support/graph.js';
import { hostileDataset, SECRETS } from './support/redteam-fixture.js';

/**
 * The red team on what issue 13 added (beside test/redteam.read-layer.test.ts): the four states,
 * their evidence, and the timeline's undated row. A protected minor with a detention no source
 * dates, and a confidential witness a cited release frees, read by an anonymous viewer: the
 * states and the claims' existence show, their names, ids, numbers and birth dates never.
 */
const [dilnaza, witness] = [SECRETS[0]!, SECRETS.find((s) => s.clearance === 'confidential')!];
const claim = (excerpt: string) => [{ source: 'src-four-states', locator: `case ${dilnaza.id}`, excerpt }];
const extra = {
  kinline: 1,
  entities: [
    { type: 'Source', id: 'src-four-states', kind: 'report', names: [{ value: 'Case list', kind: 'primary' }] },
    {
      type: 'Event',
      id: `event-detention-${dilnaza.id}-undated`,
      kind: 'detention',
      names: [{ value: `Detention of ${dilnaza.names[0]}`, kind: 'primary' }],
      claims: claim(`${dilnaza.names[0]} (born ${dilnaza.birthDates[0]}) was taken; the date is unclear.`),
    },
    {
      type: 'Event',
      id: `event-release-${witness.id}`,
      kind: 'release',
      date: '2019-02',
      names: [{ value: `Release of ${witness.names[0]}`, kind: 'primary' }],
      claims: claim(`${witness.names[0]} was released in February 2019.`),
    },
  ],
  relationships: [
    {
      id: 'rel-four-states-1',
      type: 'PARTICIPATED_IN',
      from: dilnaza.id,
      to: `event-detention-${dilnaza.id}-undated`,
      role: 'subject',
      claims: claim('Taken.'),
    },
    {
      id: 'rel-four-states-2',
      type: 'PARTICIPATED_IN',
      from: witness.id,
      to: `event-release-${witness.id}`,
      role: 'subject',
      claims: claim('Released.'),
    },
  ],
};

let api: Api;
let publicIdOf: (id: string) => string;

beforeAll(async () => {
  await freshGraph();
  await validateAndLoad(hostileDataset, { file: 'hostile.json' });
  await validateAndLoad(extra, { file: 'four-states.json' });
  api = await startApi();
  publicIdOf = await storedPublicIds();
}, 240_000);
afterAll(() => api?.close());

/** Every protected value the body holds, literally or folded as the mention matcher folds. */
function leaks(text: string): string[] {
  const folded = ` ${foldText(text)} `;
  return SECRETS.flatMap((s) => [
    ...[...s.strings, ...s.birthDates].filter((v) => text.includes(v)).map((v) => `${s.label}: ${v}`),
    ...s.folded.filter((f) => folded.includes(` ${foldText(f)} `)).map((f) => `${s.label}: folded ${f}`),
  ]);
}

describe('four states, evidence and undated rows, to an anonymous viewer', () => {
  it('status-as-of: the minor possibly detained at an unknown time, the witness free, nothing of either named', async () => {
    const [d, w] = [publicIdOf(dilnaza.id), publicIdOf(witness.id)];
    const reply = await api.get(`/api/status-as-of?date=2020-01-01&ids=${d},${w}`);
    expect(reply.status).toBe(200);
    expect(leaks(reply.text)).toEqual([]);
    const [minor, freed] = reply.body.people;
    expect(minor).toMatchObject({ id: d, state: 'possibly-deprived', status: 'detained' });
    expect(minor.events).toHaveLength(1);
    expect(minor.events[0]).toMatchObject({ start: null, certainty: 'possible', id: expect.stringMatching(/^anon-/) });
    expect(minor.events[0].claims[0]).toMatchObject({ excerpt: WITHHELD_TEXT, withheld: true });
    expect(freed).toMatchObject({ id: w, state: 'free' });
    expect(freed.events[0]).toMatchObject({ kind: 'release', id: expect.stringMatching(/^anon-/) });
    expect(freed.events[0].claims[0]).toMatchObject({ excerpt: WITHHELD_TEXT });
  });

  it('status-as-of: a guessed real id answers as an unknown id does, wherever it stands among the ids', async () => {
    const [d, w] = [publicIdOf(dilnaza.id), publicIdOf(witness.id)];
    const ask = async (first: string) => {
      const reply = await api.get(`/api/status-as-of?date=2020-01-01&ids=${first},${w},${d}`);
      expect(reply.status).toBe(200);
      // notFound echoes the ids as sent; what the reader was told of people must not name her.
      expect(leaks(JSON.stringify(reply.body.people))).toEqual([]);
      return { people: reply.body.people.map((p: { id: string }) => p.id), notFound: reply.body.notFound };
    };
    const guessed = await ask(dilnaza.id);
    const unknown = await ask('no-such-person');
    expect(guessed.people).toEqual([w, d]);
    expect(unknown.people).toEqual(guessed.people);
    expect(guessed.notFound).toEqual([dilnaza.id]);
  });

  it("timeline: the minor's undated detention in the undated row, with its claims withheld", async () => {
    const reply = await api.get(`/api/timeline?people=${publicIdOf(dilnaza.id)}`);
    expect(reply.status).toBe(200);
    expect(leaks(reply.text)).toEqual([]);
    const undated = reply.body.undated as { eventId: string; edtf: null; claims: { excerpt: string }[] }[];
    expect(undated).toHaveLength(1);
    expect(undated[0]!.eventId).toMatch(/^anon-/);
    expect(undated[0]!.claims.map((c) => c.excerpt)).toEqual([WITHHELD_TEXT]);
  });

  it('orphaned children and stale status with the undated detention: nothing named', async () => {
    for (const path of [
      '/api/patterns/orphaned-children?date=2020-01-01',
      '/api/patterns/stale-status?months=6&asOf=2025-01-01',
    ]) {
      const reply = await api.get(path);
      expect(reply.status, path).toBe(200);
      expect(leaks(reply.text), path).toEqual([]);
    }
  });
});
