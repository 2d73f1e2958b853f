import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { read } from '../graph/db/driver.js';
import { validateAndLoad } from '../graph/store/check.js';
import { type Api, startApi } from './support/api.js';
import { freshGraph } from './support/graph.js';

/**
 * GET /api/map and /api/places/:id/nearby against real Neo4j: located records in a box through
 * the point index, precision as an area, detentions per facility filtered by as-of, clusters at
 * low zoom, and nothing about a protected child through the counts.
 */

const SRC = 'src-map-report';
const cite = [{ source: SRC, locator: 'p. 1', excerpt: 'Listed in the report.', confidence: 'probable' }];
const named = (value: string) => [{ value, kind: 'primary' }];
const MINOR = { id: 'person-aru-minorova-2012', name: 'Aru Minorova' };

const dataset = {
  kinline: 1,
  entities: [
    { type: 'Source', id: SRC, kind: 'report', names: named('Map report') },
    // Urumqi: two identified camps 3 km apart; Kashgar: "a prison in Kashgar" and the city itself.
    {
      type: 'Facility',
      id: 'fac-urumqi-1',
      kind: 'camp',
      names: named('Urumqi camp 1'),
      latitude: 43.83,
      longitude: 87.61,
    },
    {
      type: 'Facility',
      id: 'fac-urumqi-2',
      kind: 'camp',
      names: named('Urumqi camp 2'),
      latitude: 43.85,
      longitude: 87.64,
    },
    {
      type: 'Facility',
      id: 'fac-kashgar-prison',
      kind: 'prison',
      precision: 'facility-type',
      names: named('Prison, Kashgar'),
      latitude: 39.47,
      longitude: 75.99,
    },
    { type: 'Place', id: 'place-kashgar', kind: 'city', names: named('Kashgar'), latitude: 39.47, longitude: 75.99 },
    {
      type: 'Place',
      id: 'place-khorgos',
      kind: 'border-crossing',
      names: named('Khorgos'),
      latitude: 44.21,
      longitude: 80.41,
    },
    { type: 'Place', id: 'place-rome', kind: 'city', names: named('Rome'), latitude: 41.9, longitude: 12.5 },
    { type: 'Place', id: 'place-nowhere', kind: 'region', names: named('Somewhere unlocated') },
    { type: 'Person', id: 'person-public-adult', names: named('Public Adult') },
    { type: 'Person', id: MINOR.id, names: named(MINOR.name), minor: true, birthDate: '2012-03-04' },
    {
      type: 'Event',
      id: 'ev-adult-held',
      kind: 'detention',
      names: named('Detention of Public Adult'),
      date: '2017-01/2018-12',
      claims: cite,
    },
    {
      type: 'Event',
      id: 'ev-minor-held',
      kind: 'detention',
      names: named(`Detention of ${MINOR.name}`),
      date: '2018-02-01/2018-03-01',
      claims: cite,
    },
    {
      type: 'Event',
      id: 'ev-adult-kashgar',
      kind: 'detention',
      names: named('Held in Kashgar'),
      date: '2016',
      claims: cite,
    },
  ],
  relationships: [
    ['ev-adult-held', 'person-public-adult', 'fac-urumqi-1'],
    ['ev-minor-held', MINOR.id, 'fac-urumqi-1'],
    ['ev-adult-kashgar', 'person-public-adult', 'fac-kashgar-prison'],
  ].flatMap(([event, person, at]) => [
    { id: `${event}-subject`, type: 'PARTICIPATED_IN', from: person, to: event, role: 'subject', claims: cite },
    { id: `${event}-at`, type: 'OCCURRED_AT', from: event, to: at, claims: cite },
  ]),
};

const XINJIANG = 'bbox=73,34,97,50';
let api: Api;
type Feature = { id: string; geometry: { coordinates: [number, number] }; properties: Record<string, unknown> };
const byId = (body: { features: Feature[] }) => new Map(body.features.map((f) => [f.id, f]));

beforeAll(async () => {
  await freshGraph();
  await validateAndLoad(dataset, { file: 'map.json' });
  api = await startApi();
});
afterAll(() => api?.close());

describe('GET /api/map', () => {
  it('answers the located records in a box as GeoJSON, with precision as an area', async () => {
    const map = await api.get(`/api/map?${XINJIANG}`);
    expect(map.status).toBe(200);
    expect(map.body.type).toBe('FeatureCollection');
    const features = byId(map.body);
    expect([...features.keys()].sort()).toEqual([
      'fac-kashgar-prison',
      'fac-urumqi-1',
      'fac-urumqi-2',
      'place-kashgar',
      'place-khorgos',
    ]);
    expect(features.get('fac-urumqi-1')).toMatchObject({
      geometry: { type: 'Point', coordinates: [87.61, 43.83] },
      properties: { type: 'Facility', name: 'Urumqi camp 1', precision: 'facility', radiusKm: 0, detentions: 2 },
    });
    // "A prison in Kashgar" and the city: areas of a city's size, not points.
    expect(features.get('fac-kashgar-prison')?.properties).toMatchObject({ precision: 'facility-type', radiusKm: 20 });
    expect(features.get('place-kashgar')?.properties).toMatchObject({ precision: 'city', radiusKm: 20 });
    expect(features.get('place-khorgos')?.properties).toMatchObject({ kind: 'border-crossing', radiusKm: 0 });
    const facilities = await api.get(`/api/map?${XINJIANG}&types=Facility`);
    expect(facilities.body.features.every((f: Feature) => f.properties.type === 'Facility')).toBe(true);
    // The point stays the data's own: no stored point leaks into a record's page.
    expect((await api.get('/api/entities/fac-urumqi-1')).text).not.toContain('srid');
  });

  it('counts only the detentions possibly running on the as-of day, and says which certainly', async () => {
    const on = async (asOf: string) => byId((await api.get(`/api/map?${XINJIANG}&asOf=${asOf}`)).body);
    const during = await on('2018-02-15');
    expect(during.get('fac-urumqi-1')?.properties).toMatchObject({ detentions: 2, detentionsCertain: 2 });
    expect(during.get('fac-kashgar-prison')?.properties).toMatchObject({ detentions: 0 });
    // The adult's "2017-01/2018-12" began some day in January 2017: possibly running on 2017-01-10.
    const early = await on('2017-01-10');
    expect(early.get('fac-urumqi-1')?.properties).toMatchObject({ detentions: 1, detentionsCertain: 0 });
    expect((await on('2019-06-01')).get('fac-urumqi-1')?.properties.detentions).toBe(0);
  });

  it('clusters records close together at low zoom, with their count, and not when zoomed in', async () => {
    const far = await api.get(`/api/map?${XINJIANG}&zoom=5`);
    const cluster = far.body.features.find((f: Feature) => f.properties.cluster && f.properties.detentions === 2);
    expect(cluster?.properties).toMatchObject({ count: 2, types: { Facility: 2 }, detentions: 2 });
    const [w, s, e, n] = cluster.properties.bbox;
    expect([w, s, e, n]).toEqual([87.61, 43.83, 87.64, 43.85]);
    const near = await api.get(`/api/map?${XINJIANG}&zoom=13`);
    expect(near.body.features.some((f: Feature) => f.properties.cluster)).toBe(false);
    expect(near.body.features).toHaveLength(5);
  });

  it('tells a protected child to an anonymous reader through no count beyond the timeline', async () => {
    const map = await api.get(`/api/map?${XINJIANG}&asOf=2018-02-15`);
    const nearbyReply = await api.get('/api/places/place-khorgos/nearby?km=1000&asOf=2018-02-15');
    for (const reply of [map, nearbyReply]) {
      expect(reply.text).not.toContain(MINOR.name);
      expect(reply.text).not.toContain(MINOR.id);
      expect(reply.text).not.toContain('2012');
    }
    // The count is the number of detentions the facility's timeline shows the same reader.
    const timeline = await api.get('/api/timeline?facility=fac-urumqi-1');
    const shown = new Set(timeline.body.items.map((i: { eventId: string }) => i.eventId));
    expect(byId(map.body).get('fac-urumqi-1')?.properties.detentions).toBe(shown.size);
    const stored = await read('MATCH (e:Event {id: "ev-minor-held"}) RETURN e.needs AS needs');
    expect(stored.records[0]?.get('needs')).toBe('pseudonymous');
  });

  it('refuses a malformed box, naming the field', async () => {
    for (const bad of ['bbox=1,2,3', 'bbox=a,b,c,d', 'bbox=0,50,10,40', 'bbox=0,0,200,10']) {
      const reply = await api.get(`/api/map?${bad}`);
      expect(reply.status, bad).toBe(400);
      expect(reply.body.error.details[0].path, bad).toMatch(/^query\.bbox/);
    }
    expect((await api.get(`/api/map?${XINJIANG}&types=Person`)).status).toBe(400);
  });
});

describe('GET /api/places/:id/nearby', () => {
  it('lists the facilities within N km of a place, nearest first, through the point index', async () => {
    const reply = await api.get('/api/places/place-kashgar/nearby?km=1500');
    expect(reply.status).toBe(200);
    const ids = reply.body.features.map((f: Feature) => f.id);
    expect(ids).toEqual(['fac-kashgar-prison', 'fac-urumqi-1', 'fac-urumqi-2']);
    expect(reply.body.features[0].properties.distanceKm).toBe(0);
    expect(reply.body.features[1].properties.distanceKm).toBeGreaterThan(900);
    expect((await api.get('/api/places/place-kashgar/nearby?km=100')).body.features).toHaveLength(1);
    const plan = await read(
      `EXPLAIN MATCH (n:Facility) WHERE point.distance(n.location, point({latitude: 39.5, longitude: 76})) <= 1000 RETURN n`,
    );
    expect(JSON.stringify(plan.summary.plan)).toContain('POINT INDEX n:Facility(location)');
    expect((await api.get('/api/places/place-nowhere/nearby?km=10')).status).toBe(404);
    expect((await api.get('/api/places/no-such-place/nearby?km=10')).status).toBe(404);
    expect((await api.get('/api/places/place-kashgar/nearby?km=-1')).status).toBe(400);
  });
});
