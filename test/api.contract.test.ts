import express from 'express';
import { expect, it } from 'vitest';
import { api as contract } from '../server/contract/index.js';
import { openApiDocument } from '../server/openapi.js';
import { mount } from '../server/routes/define.js';
import { handlers } from '../server/routes/index.js';
import { checkAgainstContract } from './support/api.js';

type Operation = {
  parameters: { name: string; style?: string; explode?: boolean; schema: Record<string, unknown> }[];
  responses: Record<string, { content?: Record<string, { schema?: Record<string, unknown> }> }>;
};
const operationOf = (name: keyof typeof contract): Operation => {
  const spec = contract[name];
  const paths = openApiDocument().paths as Record<string, Record<string, Operation>>;
  return paths[`/api${spec.path.replace(/:(\w+)/g, '{$1}')}`]![spec.method]!;
};

it('refuses to start when a route has no handler or a handler has no route', () => {
  const { search: _, ...withoutSearch } = handlers;
  expect(() => mount(express.Router(), contract, withoutSearch as typeof handlers)).toThrow(/"search" has no handler/);
  const extra = { ...handlers, forgotten: async () => ({}) };
  expect(() => mount(express.Router(), contract, extra)).toThrow(/"forgotten" has no route/);
  expect(() => mount(express.Router(), contract, handlers)).not.toThrow();
});

it('documents a response schema for every route, and the one error shape for its errors', () => {
  for (const name of Object.keys(contract) as (keyof typeof contract)[]) {
    const { responses } = operationOf(name);
    if (responses['302']) {
      // A browser navigation (OIDC sign-in): it redirects, with no body, instead of answering 200.
      expect(responses['200'], name).toBeUndefined();
      expect(responses['302'].content, name).toEqual({});
      continue;
    }
    const ok = Object.entries(responses['200']?.content ?? {});
    expect(ok.length, name).toBeGreaterThan(0);
    for (const [type, media] of ok) expect(media.schema, `${name} 200 ${type}`).toBeTypeOf('object');
    for (const status of ['400', '404', '503']) {
      const error = responses[status]?.content?.['application/json']?.schema as { properties?: object } | undefined;
      expect(error?.properties, `${name} ${status}`).toHaveProperty('error');
    }
  }
  const search = operationOf('search').responses['200']!.content!['application/json']!.schema!;
  expect(search).toMatchObject({ properties: { items: { type: 'array', maxItems: 100 } } });
});

it('documents list parameters as arrays with their item schema and limits', () => {
  const lists = [
    ['search', 'types', 7],
    ['neighbourhood', 'ids', 50],
    ['neighbourhood', 'relTypes', 20],
    ['timeline', 'people', 50],
    // 500 public ids and their commas: more text than the other lists.
    ['statusAsOf', 'ids', 500, 12_000],
    ['export', 'ids', 5000],
  ] as const;
  for (const [name, param, max, text = 4000] of lists as readonly (readonly [
    (typeof lists)[number][0],
    string,
    number,
    number?,
  ])[]) {
    const parameter = operationOf(name).parameters.find((p) => p.name === param)!;
    expect(parameter, `${name}.${param}`).toMatchObject({
      style: 'form',
      explode: false,
      schema: { type: 'array', minItems: 1, maxItems: max, items: { type: 'string' }, 'x-maxLength': text },
    });
  }
  const types = operationOf('search').parameters.find((p) => p.name === 'types')!;
  expect((types.schema.items as { enum?: string[] }).enum).toContain('Person');
  const ids = operationOf('neighbourhood').parameters.find((p) => p.name === 'ids')!;
  expect(ids.schema.items).toMatchObject({ maxLength: 120 });
});

it('fails a test whose answer breaks the schema of the route it came from', () => {
  const check = (path: string, status: number, body: unknown, type = 'application/json') => {
    const response = new Response(null, { status, headers: { 'content-type': `${type}; charset=utf-8` } });
    checkAgainstContract('GET', path, response, body, typeof body === 'string' ? body : JSON.stringify(body));
  };
  const page = { query: 'x', items: [], offset: 0, limit: 20, hasMore: false };
  expect(() => check('/api/search?q=x', 200, page)).not.toThrow();
  expect(() => check('/api/search?q=x', 200, { ...page, hasMore: 'no' })).toThrow(/hasMore/);
  expect(() => check('/api/search?q=x', 200, { ...page, internal: 1 })).toThrow(/internal/);
  expect(() => check('/api/entities/x', 404, { error: { code: 'not_found', message: 'No entity' } })).not.toThrow();
  expect(() => check('/api/entities/x', 404, { message: 'No entity' })).toThrow(/contract/);
  expect(() => check('/api/export?format=gexf', 200, '<gexf/>', 'application/gexf+xml')).not.toThrow();
  expect(() => check('/api/export', 200, '<x/>', 'text/html')).toThrow(/does not declare/);
  expect(() => check('/api/nowhere', 200, {})).toThrow(/no route/);
});
