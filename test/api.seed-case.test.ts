import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { api as contract } from '../server/contract/index.js';
import { seededApi, type Api } from './support/api.js';

const ARTICLE = readFileSync(resolve('..', 'shared', 'seeds', 'bitter-winter-ccp-orphans-2019.txt'), 'utf8');
const UMAROVA = 'person-aiman-umarova';
let api: Api;

beforeAll(async () => {
  api = await seededApi();
});
afterAll(() => api?.close());

it('finds Umarova by her Latin and her Cyrillic name, first', async () => {
  for (const q of ['Umarova', 'Умарова', 'umarová', 'Aiman']) {
    const reply = await api.get(`/api/search?q=${encodeURIComponent(q)}`);
    expect(reply.status).toBe(200);
    expect(reply.body.items[0].id, q).toBe(UMAROVA);
  }
  const page = await api.get('/api/search?q=Umarova&limit=2&offset=0');
  expect(page.body.items).toHaveLength(2);
  expect(page.body.hasMore).toBe(true);
  const people = await api.get('/api/search?q=Umarova&types=Person');
  expect(people.body.items.every((hit: { type: string }) => hit.type === 'Person')).toBe(true);
});

it('cites every relationship of Umarova with an excerpt quoted verbatim from the article', async () => {
  const reply = await api.get(`/api/entities/${UMAROVA}`);
  expect(reply.status).toBe(200);
  expect(reply.body.entity.names.map((n: { value: string }) => n.value)).toContain('Айман Умарова');
  const rels = reply.body.relationships as {
    id: string;
    type: string;
    other: { id: string; protected?: boolean };
    claims: { excerpt: string; locator: string; source: { id: string } }[];
  }[];
  expect(rels.length).toBeGreaterThan(5);
  for (const rel of rels) {
    expect(rel.claims.length, rel.id).toBeGreaterThan(0);
    for (const claim of rel.claims) {
      expect(ARTICLE.includes(claim.excerpt), `${rel.id}: "${claim.excerpt}"`).toBe(true);
      expect(claim.locator).toMatch(/^para\. \d+$/);
    }
  }
  // She represents the four children, who appear only under their pseudonyms.
  const represented = rels.filter((r) => r.type === 'REPRESENTS').map((r) => r.other);
  expect(represented).toHaveLength(4);
  expect(represented.every((child) => child.protected === true && child.id.startsWith('anon-'))).toBe(true);
  const award = rels.find((r) => r.type === 'PARTICIPATED_IN' && r.other.id === 'event-iwoc-award-2018-umarova');
  expect(award?.claims[0]?.excerpt).toContain('International Women of Courage');
});

it('gives the citations of one relationship, and a source with all the claims it supports', async () => {
  const entity = await api.get(`/api/entities/${UMAROVA}`);
  const rel = entity.body.relationships[0];
  const citations = await api.get(`/api/citations/${rel.id}`);
  expect(citations.status).toBe(200);
  expect(citations.body.claims).toEqual(rel.claims);
  const source = await api.get('/api/sources/src-bitter-winter-2019-orphans');
  expect(source.body.source.publisher).toBe('Bitter Winter');
  expect(source.body.claimCount).toBeGreaterThan(100);
  // Claims about the children are listed too, under their pseudonyms.
  expect(source.body.claims).toHaveLength(source.body.claimCount);
  expect(
    source.body.claims.some((c: { fact: { label: string } }) => c.fact.label.includes('Child 1 of family BW-2019-01')),
  ).toBe(true);
  expect(
    source.body.claims.every((c: { excerpt: string }) => ARTICLE.includes(c.excerpt) || c.excerpt.startsWith('[')),
  ).toBe(true);
});

it('exports the source as CSL-JSON and BibTeX, and a view as GraphML', async () => {
  const csl = await api.get('/api/sources/src-bitter-winter-2019-orphans/cite?format=csl');
  expect(csl.headers.get('content-type')).toContain('application/vnd.citationstyles.csl+json');
  expect(csl.body[0]).toMatchObject({
    id: 'src-bitter-winter-2019-orphans',
    publisher: 'Bitter Winter',
    author: [{ literal: 'Massimo Introvigne' }],
  });
  const bib = await api.get('/api/sources/src-bitter-winter-2019-orphans/cite?format=bibtex');
  expect(bib.text).toMatch(/^@article\{src-bitter-winter-2019-orphans,/);
  expect(bib.text).toContain('year = {2019}');
  const graphml = await api.get(`/api/export?format=graphml&ids=${UMAROVA},person-massimo-introvigne,org-cesnur`);
  expect(graphml.status).toBe(200);
  expect(graphml.text).toContain('<graphml');
  expect(graphml.text).toContain('Massimo Introvigne');
  const json = await api.get('/api/export?format=json');
  expect(json.body.entities.length).toBe(50);
});

it('serves an OpenAPI document with every route and its parameters', async () => {
  const reply = await api.get('/api/openapi.json');
  expect(reply.body.openapi).toBe('3.1.0');
  for (const spec of Object.values(contract)) {
    const path = `/api${spec.path.replace(/:(\w+)/g, '{$1}')}`;
    expect(reply.body.paths[path]?.[spec.method], path).toBeDefined();
  }
  const search = reply.body.paths['/api/search'].get.parameters.map((p: { name: string }) => p.name);
  expect(search).toEqual(expect.arrayContaining(['q', 'types', 'limit', 'offset']));
});
