import type { Contract, Method, RouteContract } from './define.js';

type QueryValue = string | number | boolean | readonly string[] | undefined;

/** `/api/entities/:id` with the params filled in, each encoded. */
export function pathOf(route: RouteContract, params: Readonly<Record<string, string>> = {}): string {
  return `/api${route.path.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(params[name] ?? ''))}`;
}

/** The query string (with its `?`) of a call: lists joined by commas; empty values and lists left out. */
export function queryString(query: Readonly<Record<string, QueryValue>> = {}): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    const text = Array.isArray(value) ? value.join(',') : value === undefined ? '' : String(value);
    if (text !== '') search.set(key, text);
  }
  return search.size ? `?${search}` : '';
}

export interface MatchedRoute<C extends Contract> {
  name: keyof C & string;
  route: C[keyof C];
  params: Record<string, string>;
}

/** The contract entry a request went to (method and path, as Express matches them), or null. */
export function matchRoute<C extends Contract>(contract: C, method: string, url: string): MatchedRoute<C> | null {
  const pathname = new URL(url, 'http://localhost').pathname;
  for (const [name, route] of Object.entries(contract) as [keyof C & string, C[keyof C]][]) {
    if (route.method !== (method.toLowerCase() as Method)) continue;
    const names: string[] = [];
    const pattern = new RegExp(
      `^/api${route.path.replace(/:(\w+)/g, (_, param: string) => {
        names.push(param);
        return '([^/]+)';
      })}/?$`,
      'i', // Express routes are case-insensitive and take a trailing slash
    );
    const match = pattern.exec(pathname);
    if (match) return { name, route, params: Object.fromEntries(names.map((n, i) => [n, decoded(match[i + 1]!)])) };
  }
  return null;
}

function decoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
