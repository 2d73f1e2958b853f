import { describe, expect, it } from 'vitest';
import { createApp } from '../server/app.js';
import { api as contract } from '../server/contract/index.js';
import { READ_LAYER_ROUTES } from '../server/routes/define.js';

/**
 * No route can answer without the read layer (graph/read/scope.ts): every route Express would
 * dispatch to is a function that mount() built, which hands its handler the reader's scope, and
 * every contract route is one of them. A route added with `app.get(...)` beside the contract fails here.
 */

interface Layer {
  route?: { path: string | RegExp; methods: Record<string, boolean>; stack: { handle: unknown }[] };
  handle: { stack?: Layer[] };
}

function routesOf(stack: Layer[]): { path: string | RegExp; methods: string[]; handles: unknown[] }[] {
  return stack.flatMap((layer) => {
    if (layer.route)
      return [
        {
          path: layer.route.path,
          methods: Object.keys(layer.route.methods).filter((m) => layer.route!.methods[m]),
          handles: layer.route.stack.map((s) => s.handle),
        },
      ];
    return layer.handle?.stack ? routesOf(layer.handle.stack) : [];
  });
}

describe('the read-layer registry', () => {
  const app = createApp({ anonymousRead: true }) as unknown as { router: { stack: Layer[] } };
  const routes = routesOf(app.router.stack);
  const apiRoutes = routes.filter((r) => typeof r.path === 'string');

  it('binds every contract route, and nothing else, through mount()', () => {
    const declared = Object.values(contract)
      .map((spec) => `${spec.method} ${spec.path}`)
      .sort();
    const bound = apiRoutes.flatMap((r) => r.methods.map((m) => `${m} ${String(r.path)}`)).sort();
    expect(bound).toEqual(declared);
  });

  it('dispatches every data route to a function that received a read scope', () => {
    expect(apiRoutes.length).toBeGreaterThan(15);
    for (const route of apiRoutes) {
      const bound = route.handles.filter((h) => READ_LAYER_ROUTES.has(h as never));
      expect(bound, `${route.methods} ${String(route.path)}`).toHaveLength(1);
      // Only the read-layer function answers: no extra handler after it could send other data.
      expect(route.handles, `${route.methods} ${String(route.path)}`).toHaveLength(1);
    }
  });

  it('serves nothing else but the built client (a page without data)', () => {
    for (const route of routes.filter((r) => typeof r.path !== 'string'))
      expect(String(route.path)).toBe(String(/^\/(?!api\/).*/));
  });
});
