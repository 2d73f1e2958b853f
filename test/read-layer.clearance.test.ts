import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser } from '../graph/access/users.js';
import { auditEntries } from '../graph/audit/log.js';
import { validateAndLoad } from '../graph/store/check.js';
import { type Api, seededApi } from './support/api.js';
import { storedPublicIds } from './support/graph.js';
import { protectedFixture, SECRETS } from './support/protected-fixture.js';

/**
 * One graph, read by a viewer and by users cleared to two levels: each sees exactly what their
 * clearance allows (README, "Who sees what"), and every read of a protected person by name is audited.
 */
const PASSWORD = 'a long enough password';
let api: Api;
let publicIdOf: (id: string) => string;
const cookies: Record<string, string> = {};

async function as(who: string | null, path: string) {
  return api.send('GET', path, who ? { headers: { cookie: cookies[who]! } } : {});
}

beforeAll(async () => {
  api = await seededApi(protectedFixture);
  publicIdOf = await storedPublicIds();
  await addUser({ username: 'dana', role: 'cleared', clearance: 'pseudonymous', password: PASSWORD });
  await addUser({ username: 'yerlan', role: 'cleared', clearance: 'confidential', password: PASSWORD });
  await addUser({ username: 'vika', role: 'viewer', password: PASSWORD });
  for (const username of ['dana', 'yerlan', 'vika']) {
    const reply = await api.send('POST', '/api/session', { body: { username, password: PASSWORD } });
    cookies[username] = (reply.headers.get('set-cookie') ?? '').split(';')[0]!;
  }
});
afterAll(() => api?.close());

describe('a person by clearance', () => {
  it('a viewer sees the minor as a pseudonym; a pseudonymous clearance reads her by name', async () => {
    const path = `/api/entities/${publicIdOf(SECRETS.childId)}`;
    const viewer = await as('vika', path);
    expect(viewer.body.entity).toMatchObject({ protected: true, id: publicIdOf(SECRETS.childId) });
    expect(viewer.text).not.toContain(SECRETS.childBirthDate);
    const cleared = await as('dana', path);
    expect(cleared.body.entity).toMatchObject({
      id: SECRETS.childId,
      name: SECRETS.childNames[0],
      birthDate: SECRETS.childBirthDate,
      disclosure: 'pseudonymous',
    });
    // Her real id works for the cleared reader, and is unknown to the viewer.
    expect((await as('dana', `/api/entities/${SECRETS.childId}`)).status).toBe(200);
    expect((await as('vika', `/api/entities/${SECRETS.childId}`)).status).toBe(404);
  });

  it('the confidential witness stays withheld from a pseudonymous clearance, not from a confidential one', async () => {
    const path = `/api/entities/${publicIdOf(SECRETS.witnessId)}`;
    const dana = await as('dana', path);
    expect(dana.body.entity.protected).toBe(true);
    for (const name of SECRETS.witnessNames) expect(dana.text).not.toContain(name);
    const yerlan = await as('yerlan', path);
    expect(yerlan.body.entity).toMatchObject({ name: SECRETS.witnessNames[0], disclosure: 'confidential' });
  });

  it('withholds the excerpts about the child from a viewer, and shows them to her cleared reader', async () => {
    const path = `/api/entities/person-aiman-umarova`;
    const excerpt = (body: { relationships: { type: string; claims: { excerpt: string }[] }[] }) =>
      body.relationships.find((r) => r.type === 'GUARDIAN_OF')!.claims[0]!.excerpt;
    expect(excerpt((await as('vika', path)).body)).not.toContain('Bekova');
    expect(excerpt((await as('dana', path)).body)).toBe(`Umarova represents ${SECRETS.childNames[0]}`);
  });
});

describe('search by clearance', () => {
  it('a viewer searching a protected name gets what a name that exists nowhere gets', async () => {
    const pairs: [string, string][] = [
      [SECRETS.childNames[0]!, 'Qwzxv Plorbek'],
      [SECRETS.childNames[1]!, 'Щюфыв Жэйцук'],
      [SECRETS.witnessNames[0]!, 'Qwzxv Plorbekova'],
      ['Birth of Aigerim', 'Birth of Qwzxvu'],
    ];
    for (const [name, unknown] of pairs) {
      const protectedName = await as('vika', `/api/search?q=${encodeURIComponent(name)}`);
      const nowhere = await as('vika', `/api/search?q=${encodeURIComponent(unknown)}`);
      expect(protectedName.status).toBe(200);
      // The query is echoed exactly as sent; the hits are those of a name no one has.
      expect(protectedName.body.query).toBe(name);
      expect(
        protectedName.body.items.map((i: { id: string }) => i.id),
        name,
      ).toEqual(nowhere.body.items.map((i: { id: string }) => i.id));
    }
  });

  it('a cleared reader finds the child by any of her names, and the birth record named after her', async () => {
    for (const name of SECRETS.childNames) {
      const reply = await as('dana', `/api/search?q=${encodeURIComponent(name)}`);
      expect(
        reply.body.items.map((i: { id: string }) => i.id),
        name,
      ).toContain(SECRETS.childId);
    }
    const birth = await as('dana', `/api/search?q=${encodeURIComponent('Birth of Aigerim')}`);
    expect(birth.body.items.map((i: { id: string }) => i.id)).toContain(SECRETS.birthEventId);
    const witness = await as('dana', `/api/search?q=${encodeURIComponent(SECRETS.witnessNames[0]!)}`);
    expect(witness.body.items.map((i: { id: string }) => i.id)).not.toContain(SECRETS.witnessId);
  });
});

describe('the audit of protected reads', () => {
  it('logs each read of a protected person by name, with who and which route, and no viewer reads', async () => {
    await as('yerlan', `/api/entities/${SECRETS.witnessId}`);
    const entries = await auditEntries({ limit: 50 });
    const reads = entries.filter((e) => e.action === 'read-protected');
    expect(reads.some((e) => e.actor === 'yerlan' && (e.details.ids as string[]).includes(SECRETS.witnessId))).toBe(
      true,
    );
    expect(reads.some((e) => e.actor === 'dana' && e.details.route === 'entity')).toBe(true);
    expect(reads.some((e) => e.actor === 'vika')).toBe(false);
  });
});

describe('protection follows a load', () => {
  it('a later import that protects someone withholds the records already stored that name him', async () => {
    const source = 'src-bitter-winter-2019-orphans';
    await validateAndLoad({
      kinline: 1,
      entities: [
        { type: 'Person', id: 'person-timur-later', names: [{ value: 'Timur Qasymov' }] },
        {
          type: 'Event',
          id: 'event-timur-interview',
          kind: 'testimony',
          date: '2020-02',
          names: [{ value: 'Interview with Timur Qasymov' }],
          claims: [{ source, locator: 'p. 2', excerpt: 'Timur Qasymov said he was held in Ghulja' }],
        },
      ],
      relationships: [],
    });
    const before = await as('vika', '/api/search?q=Timur%20Qasymov');
    expect(before.body.items.map((i: { id: string }) => i.id)).toContain('event-timur-interview');
    // A second file says he is a confidential witness: the interview named after him is withheld at once.
    await validateAndLoad({
      kinline: 1,
      entities: [
        { type: 'Person', id: 'person-timur-later', disclosure: 'confidential', names: [{ value: 'Timur Qasymov' }] },
      ],
      relationships: [],
    });
    publicIdOf = await storedPublicIds();
    const after = await as('vika', '/api/search?q=Timur%20Qasymov');
    expect(after.body.items).toEqual([]);
    const event = await as('vika', `/api/entities/${publicIdOf('event-timur-interview')}`);
    expect(event.body.entity).toMatchObject({ protected: true });
    expect(event.text).not.toContain('Qasymov');
    expect((await as('yerlan', '/api/entities/event-timur-interview')).body.entity.name).toBe(
      'Interview with Timur Qasymov',
    );
  });

  it('an interrupted batched load leaves no record it protects readable', async () => {
    const source = 'src-bitter-winter-2019-orphans';
    const file = {
      kinline: 1,
      entities: [
        { type: 'Person', id: 'person-batch-minor', minor: true, names: [{ value: 'Saule Ermekova' }] },
        {
          type: 'Event',
          id: 'event-record-17',
          kind: 'birth',
          date: '2014-07-02',
          names: [{ value: 'Civil record 17' }],
          claims: [{ source, locator: 'register, line 17', excerpt: 'born 2 July 2014' }],
        },
      ],
      relationships: [
        {
          id: 'rel-record-17',
          type: 'PARTICIPATED_IN',
          from: 'person-batch-minor',
          to: 'event-record-17',
          role: 'subject',
          claims: [{ source, locator: 'register, line 17', excerpt: 'the child' }],
        },
      ],
    };
    // Stop after the entities' batches: the link that makes the record hers is never written.
    await expect(
      validateAndLoad(file, {
        transaction: 'batched',
        batchSize: 1,
        onProgress: (done) => {
          if (done >= 2) throw new Error('interrupted');
        },
      }),
    ).rejects.toThrow('interrupted');
    publicIdOf = await storedPublicIds();
    // A birth record a viewer may not read is not there for them at all (its place is a birthplace).
    const record = await as('vika', `/api/entities/${publicIdOf('event-record-17')}`);
    expect(record.status).toBe(404);
    expect(record.text).not.toContain('2014');
    expect((await as('vika', '/api/entities/event-record-17')).status).toBe(404);
    expect((await as('yerlan', '/api/entities/event-record-17')).body.entity.date).toBe('2014-07-02');
    expect((await as('vika', '/api/search?q=Saule%20Ermekova')).body.items).toEqual([]);
  });
});
