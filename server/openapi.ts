import { z } from 'zod';
import { allRoutes } from './routes/index.js';
import { Dataset } from '../graph/schema/index.js';

type JsonSchema = Record<string, unknown> & { properties?: Record<string, JsonSchema>; required?: string[] };

const jsonSchema = (schema: z.ZodType): JsonSchema =>
  z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;

function parameters(schema: z.ZodType | undefined, where: 'path' | 'query') {
  if (!schema) return [];
  const json = jsonSchema(schema);
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name,
    in: where,
    required: where === 'path' || (json.required ?? []).includes(name),
    schema: property,
    ...(typeof property.description === 'string' ? { description: property.description } : {}),
  }));
}

const errorResponse = { description: 'Error: `{error: {code, message, details?}}`' };

function byPath(): Map<string, (typeof allRoutes)[number][]> {
  const groups = new Map<string, (typeof allRoutes)[number][]>();
  for (const spec of allRoutes) {
    const path = spec.path.replace(/:(\w+)/g, '{$1}');
    groups.set(path, [...(groups.get(path) ?? []), spec]);
  }
  return groups;
}

let cached: unknown;

/** OpenAPI 3.1, generated from the same zod schemas that validate the requests. */
export function openApiDocument(): unknown {
  cached ??= {
    openapi: '3.1.0',
    info: {
      title: 'Kinline API',
      version: '0.1.0',
      description: 'Knowledge graph and timelines of detentions, with every claim cited.',
    },
    components: { schemas: { Dataset: jsonSchema(Dataset) } },
    paths: Object.fromEntries(
      [...byPath().entries()].map(([path, specs]) => [
        `/api${path}`,
        Object.fromEntries(
          specs.map((spec) => [
            spec.method,
            {
              summary: spec.summary,
              tags: [spec.tag],
              parameters: [...parameters(spec.params, 'path'), ...parameters(spec.query, 'query')],
              ...(spec.body
                ? {
                    requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(spec.body) } } },
                  }
                : {}),
              responses: {
                200: {
                  description: 'OK',
                  content: Object.fromEntries(['application/json', ...(spec.produces ?? [])].map((type) => [type, {}])),
                },
                400: errorResponse,
                404: errorResponse,
                503: errorResponse,
              },
            },
          ]),
        ),
      ]),
    ),
  };
  return cached;
}
