import { z } from 'zod';
import { Dataset } from '../graph/schema/index.js';
import type { Content, Contract, RouteContract } from './contract/define.js';
import type { OpenApiDocument } from './contract/explore.js';
import { api } from './contract/index.js';

type JsonSchema = Record<string, unknown> & { properties?: Record<string, JsonSchema>; required?: string[] };
type Io = 'input' | 'output';

/** Schemas written once under components and referred to (the dataset is large). */
const COMPONENTS: Record<string, z.ZodType> = { Dataset };

type Components = Record<string, z.ZodType>;

const jsonSchema = (schema: z.ZodType, io: Io, components: Components = COMPONENTS): JsonSchema => {
  const component = Object.entries(components).find(([, known]) => known === schema)?.[0];
  if (component) return { $ref: `#/components/schemas/${component}` };
  return z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
};

/**
 * Path or query parameters. A comma-separated list (server/contract/query.ts idList) is text on
 * the wire but an array once parsed: it is documented as the array, `style: form, explode: false`,
 * so its item schema and maxItems show, with the text's own length limit as `x-maxLength`.
 */
function parameters(schema: z.ZodType | undefined, where: 'path' | 'query') {
  if (!schema) return [];
  const wire = jsonSchema(schema, 'input');
  const parsed = jsonSchema(schema, 'output');
  return Object.entries(wire.properties ?? {}).map(([name, property]) => {
    const list = parsed.properties?.[name];
    const isList = property.type === 'string' && list?.type === 'array';
    const description = [
      property.description,
      isList ? `comma-separated, at most ${String(list.maxItems)} items` : undefined,
    ].filter((text): text is string => typeof text === 'string');
    return {
      name,
      in: where,
      required: where === 'path' || (wire.required ?? []).includes(name),
      ...(isList
        ? { style: 'form', explode: false, schema: { ...list, 'x-maxLength': property.maxLength } }
        : { schema: property }),
      ...(description.length ? { description: description.join('; ') } : {}),
    };
  });
}

const STATUS_TEXT: Record<number, string> = {
  200: 'OK',
  302: 'Redirect: the `Location` header says where',
  400: 'Invalid request: `{error: {code, message, details}}`, details name each field (`query.depth`)',
  401: 'Sign in first (`sign_in_required`), or the sign-in failed: `{error: {code, message}}`',
  403: 'Not allowed for this reader (`admin_only`), or the CSRF token is missing: `{error: {code, message}}`',
  404: 'No such entity, or no such route: `{error: {code, message}}`',
  409: 'In conflict with the graph (an id in use, a source still cited, a record not deleted): `{error: {code, message}}`',
  412: 'The record changed since it was read: `{error: {code, message, details: {version, etag}}}`; reload and retry',
  413: 'Too large: `{error: {code, message}}`',
  428: 'This change needs `If-Match` with the ETag read: `{error: {code, message}}`',
  429: "Past the route's request budget (with RateLimit and Retry-After headers): `{error: {code, message}}`",
  503: 'The database is unreachable (with Retry-After): `{error: {code, message}}`',
};

function content(media: Content) {
  return Object.fromEntries(
    Object.entries(media).map(([type, schema]) => [type, { schema: jsonSchema(schema, 'output') }]),
  );
}

/** The version a change must name (graph/write), and the version a read or write answers. */
const IF_MATCH = {
  name: 'If-Match',
  in: 'header',
  required: true,
  description: 'the ETag of the version read (`"3"`)',
  schema: { type: 'string' },
};
const ETAG = { ETag: { description: "the record's version, for If-Match", schema: { type: 'string' } } };

function operation(spec: RouteContract) {
  return {
    summary: spec.summary,
    tags: [spec.tag],
    parameters: [
      ...parameters(spec.params, 'path'),
      ...parameters(spec.query, 'query'),
      ...(spec.ifMatch ? [IF_MATCH] : []),
    ],
    ...(spec.body
      ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(spec.body, 'input') } } } }
      : {}),
    responses: Object.fromEntries(
      Object.entries(spec.responses).map(([status, media]) => [
        status,
        {
          description: STATUS_TEXT[Number(status)] ?? 'Error',
          ...(spec.etag && status === '200' ? { headers: ETAG } : {}),
          content: content(media),
        },
      ]),
    ),
  };
}

/**
 * OpenAPI 3.1 of a contract: request and response schemas, with their limits. `components` are
 * written once and referred to; a vocabulary's own Dataset can stand in for Kinline's (the test
 * that adds a type).
 */
export function openApiOf(contract: Contract, components: Components = COMPONENTS): z.output<typeof OpenApiDocument> {
  const paths: Record<string, Record<string, ReturnType<typeof operation>>> = {};
  for (const spec of Object.values(contract)) {
    const path = `/api${spec.path.replace(/:(\w+)/g, '{$1}')}`;
    paths[path] = { ...paths[path], [spec.method]: operation(spec) };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Kinline API',
      version: '0.1.0',
      description: 'Knowledge graph and timelines of detentions, with every claim cited.',
    },
    components: {
      schemas: Object.fromEntries(
        Object.entries(components).map(([name, schema]) => [
          name,
          z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }),
        ]),
      ),
    },
    paths,
  };
}

let cached: z.output<typeof OpenApiDocument> | undefined;

/** The document of the API's own contract, generated once. */
export function openApiDocument(): z.output<typeof OpenApiDocument> {
  cached ??= openApiOf(api);
  return cached;
}
