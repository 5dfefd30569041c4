import { contractSchemas, problemSchema } from '@leadscore/contracts';
import type { KeyScope } from '@leadscore/access';
import type { ContractSchema, ParameterDoc, ResponseDoc, RouteDoc } from './route-doc.js';

/** One route as Nest registered it, with what the OpenAPI document needs to know about it. */
export interface DiscoveredRoute {
  /** Upper-case HTTP method. */
  readonly method: string;
  /** Nest's path, e.g. `/v1/keys/:id`. */
  readonly path: string;
  readonly doc: RouteDoc | undefined;
  /** The scopes of @RequireAnyScope (any one of them suffices); undefined for non-key routes. */
  readonly scopes: readonly KeyScope[] | undefined;
  /** Where it is declared, for error messages: `KeysController.revoke`. */
  readonly handler: string;
}

export interface OpenApiInfo {
  readonly title: string;
  readonly version: string;
  readonly description: string;
}

type Json = Record<string, unknown>;

export const PROBLEM_JSON = 'application/problem+json';
const SCHEMA_BASE = 'https://schemas.leadscore.dev/';

/**
 * Problems every route of a kind can answer, added by the generator so no route lists them by hand
 * (the statuses match what the guards, body readers and filters answer).
 */
const COMMON_PROBLEMS = {
  badRequest:
    'The body or query is malformed or invalid: `detail` and `errors` say which field and what it expects',
  unauthenticated: 'Not authenticated: no console session, or a missing, unknown or revoked key',
  forbidden: 'The key lacks the scope this route needs',
  notFound: 'Nothing with this id in the caller’s workspace (also what another workspace’s ids get)',
  tooLarge: 'The body is larger than this route accepts',
  unsupportedType: 'The body is not of a content type this route accepts',
  internal: 'An error of the api itself; the request id (`X-Request-Id`) finds it in the logs',
  rateLimited:
    'Too many requests: this key used its quota (or this address failed to authenticate too often); retry after `Retry-After` seconds',
} as const;

const integerHeader = (description: string): Json => ({
  description,
  schema: { type: 'integer', minimum: 0 },
});

/** The quota fields of draft-ietf-httpapi-ratelimit-headers-06 on every answer to a key (api-rate-limits.ts). */
const RATE_LIMIT_HEADERS: Json = {
  'RateLimit-Limit': integerHeader('Requests the key may make at once (its burst)'),
  'RateLimit-Remaining': integerHeader('Requests the key may make now'),
  'RateLimit-Reset': integerHeader('Seconds until the key’s quota is full again'),
  'RateLimit-Policy': {
    description: 'The quota policy: `<burst>;w=<seconds to refill>;rate=<per second>`',
    schema: { type: 'string' },
  },
};
const RETRY_AFTER = integerHeader('Seconds after which the request may succeed');

/** Nest's `/v1/keys/:id` → OpenAPI's `/v1/keys/{id}`. */
export function openApiPath(nestPath: string): string {
  const path = nestPath.replace(/:([A-Za-z0-9_]+)/g, '{$1}').replace(/\/+$/, '');
  return path.startsWith('/') ? path || '/' : `/${path}`;
}

function pathParameterNames(path: string): string[] {
  return [...path.matchAll(/\{([A-Za-z0-9_]+)\}/g)].map((match) => match[1] ?? '');
}

/**
 * The contract schemas (schemas/) as OpenAPI components, named by their `title`: every relative `$ref`
 * ("api-key.schema.json", "x.schema.json#/definitions/y") and local one ("#/definitions/y") rewritten to
 * `#/components/schemas/...`, and `$id`/`$schema` dropped (a 3.1 document's schemas are 2020-12 in
 * its dialect; an `$id` left in would change the base that the rewritten refs resolve against).
 */
class ComponentSchemas {
  private readonly byId = new Map<string, ContractSchema>();
  /** Component name by `$id`, given when the schema is first used (titles are unique among those). */
  private readonly names = new Map<string, string>();
  readonly components: Record<string, Json> = {};

  constructor(schemas: readonly ContractSchema[]) {
    for (const schema of schemas) {
      const id = schema['$id'];
      if (typeof id !== 'string' || typeof schema['title'] !== 'string')
        throw new Error(`a contract schema lacks $id or title: ${JSON.stringify(schema).slice(0, 120)}`);
      this.byId.set(id, schema);
    }
  }

  /** `{ $ref }` to the component of `schema`, adding it (and what it references) on first use. */
  refTo(schema: ContractSchema): Json {
    const id = schema['$id'];
    if (typeof id !== 'string' || !this.byId.has(id))
      throw new Error(
        `a documented schema is not one of schemas/ (generated into libs/contracts): ${JSON.stringify(schema).slice(0, 120)}`,
      );
    return { $ref: this.add(id) };
  }

  private add(id: string): string {
    const schema = this.byId.get(id);
    if (schema === undefined) throw new Error(`no contract schema has the $id ${id}`);
    let name = this.names.get(id);
    if (name === undefined) {
      const title = String(schema['title']);
      name = title;
      for (let n = 2; name in this.components; n++) name = `${title}${n}`;
      this.names.set(id, name);
      this.components[name] = {}; // reserved first: schemas may reference each other
      const { $id: _id, $schema: _dialect, ...body } = schema;
      this.components[name] = this.rewrite(body, id, `#/components/schemas/${name}`) as Json;
    }
    return `#/components/schemas/${name}`;
  }

  private rewrite(node: unknown, baseId: string, basePointer: string): unknown {
    if (Array.isArray(node)) return node.map((item) => this.rewrite(item, baseId, basePointer));
    if (node === null || typeof node !== 'object') return node;
    const copy: Json = {};
    for (const [key, value] of Object.entries(node as Json)) {
      copy[key] =
        key === '$ref' && typeof value === 'string'
          ? this.resolveRef(value, baseId, basePointer)
          : this.rewrite(value, baseId, basePointer);
    }
    return copy;
  }

  private resolveRef(ref: string, baseId: string, basePointer: string): string {
    const [target = '', fragment = ''] = ref.split('#');
    if (target === '') return `${basePointer}${fragment}`;
    const absolute = new URL(target, baseId).href;
    if (!absolute.startsWith(SCHEMA_BASE))
      throw new Error(`${baseId} references ${ref}, which is not a schema of schemas/`);
    return `${this.add(absolute)}${fragment}`;
  }
}

function jsonContent(schema: Json, contentType: string | readonly string[] = 'application/json'): Json {
  return Object.fromEntries([contentType].flat().map((type) => [type, { schema }]));
}

function response(doc: ResponseDoc, components: ComponentSchemas): Json {
  if (doc.schema === undefined && doc.contentType === undefined) return { description: doc.description };
  const schema = doc.schema ? components.refTo(doc.schema) : {};
  return { description: doc.description, content: jsonContent(schema, doc.contentType) };
}

function problemResponse(description: string, components: ComponentSchemas): Json {
  return { description, content: jsonContent(components.refTo(problemSchema), PROBLEM_JSON) };
}

function parameter(doc: ParameterDoc): Json {
  return {
    name: doc.name,
    in: doc.in,
    description: doc.description,
    required: doc.in === 'path' ? true : (doc.required ?? false),
    schema: doc.schema,
  };
}

function operation(route: DiscoveredRoute, path: string, components: ComponentSchemas): Json {
  const doc = route.doc;
  if (!doc)
    throw new Error(
      `${route.method} ${path} (${route.handler}) has no @Documented: every route of the api is in /openapi.json`,
    );
  const parameters = doc.parameters ?? [];
  for (const name of pathParameterNames(path))
    if (!parameters.some((p) => p.in === 'path' && p.name === name))
      throw new Error(`${route.method} ${path} (${route.handler}): document the path parameter "${name}"`);

  const responses: Json = {};
  for (const [status, documented] of Object.entries(doc.responses)) {
    const code = Number(status);
    // Errors are problem+json: the problem schema, or the route's extension of it (e.g. invalid-model).
    responses[status] =
      code >= 400 && documented.schema === undefined
        ? problemResponse(documented.description, components)
        : response(code >= 400 ? { contentType: PROBLEM_JSON, ...documented } : documented, components);
  }
  const addProblem = (status: number, description: string) => {
    responses[String(status)] ??= problemResponse(description, components);
  };
  if (doc.body || parameters.length > 0) addProblem(400, COMMON_PROBLEMS.badRequest);
  if (doc.auth !== 'public') {
    addProblem(401, COMMON_PROBLEMS.unauthenticated);
    addProblem(
      403,
      doc.auth === 'operator'
        ? 'The api runs without OPERATOR_TOKEN: this route is switched off'
        : COMMON_PROBLEMS.forbidden,
    );
  }
  if (doc.auth === undefined) {
    addProblem(429, COMMON_PROBLEMS.rateLimited);
    const tooMany = responses['429'] as Json;
    tooMany['headers'] = { 'Retry-After': RETRY_AFTER, ...RATE_LIMIT_HEADERS };
    for (const [status, answer] of Object.entries(responses))
      if (Number(status) < 300) (answer as Json)['headers'] = { ...RATE_LIMIT_HEADERS };
  }
  if (pathParameterNames(path).length > 0) addProblem(404, COMMON_PROBLEMS.notFound);
  if (doc.body) {
    addProblem(413, COMMON_PROBLEMS.tooLarge);
    addProblem(415, COMMON_PROBLEMS.unsupportedType);
  }
  addProblem(500, COMMON_PROBLEMS.internal);

  const security =
    doc.auth === 'public'
      ? []
      : doc.auth === 'operator'
        ? [{ operatorToken: [] }]
        : doc.auth === 'session'
          ? [{ consoleSession: [] }]
          : [...(route.scopes ?? []).map((scope) => ({ apiKey: [scope] })), { consoleSession: [] }];
  if (doc.auth === undefined && (route.scopes ?? []).length === 0)
    throw new Error(`${route.method} ${path} (${route.handler}): a key route without @RequireAnyScope`);

  return {
    operationId: route.handler.replace(/Controller\./, '.').replace(/^./, (c) => c.toLowerCase()),
    tags: [doc.tag],
    summary: doc.summary,
    ...(doc.description ? { description: doc.description } : {}),
    ...(doc.auth === undefined
      ? { 'x-leadscore-scopes': route.scopes, 'x-leadscore-any-scope': 'any one of the scopes suffices' }
      : {}),
    security,
    ...(parameters.length > 0 ? { parameters: parameters.map(parameter) } : {}),
    ...(doc.body
      ? {
          requestBody: {
            required: true,
            content: Object.fromEntries(
              (doc.bodyContentTypes ?? ['application/json']).map((type) => [
                type,
                { schema: components.refTo(doc.body as ContractSchema) },
              ]),
            ),
          },
        }
      : {}),
    responses,
  };
}

/**
 * The api's OpenAPI 3.1 document, from its routes' @Documented metadata and the contract schemas of
 * schemas/api/ (generated into libs/contracts): nothing in it is written twice. Throws, naming the
 * route, when a route is undocumented or documents a schema that is not a contract.
 */
export function buildOpenApiDocument(routes: readonly DiscoveredRoute[], info: OpenApiInfo): Json {
  const components = new ComponentSchemas(contractSchemas);
  const paths: Record<string, Json> = {};
  const sorted = [...routes].sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
  for (const route of sorted) {
    const path = openApiPath(route.path);
    const method = route.method.toLowerCase();
    const item = (paths[path] ??= {});
    if (method in item) throw new Error(`${route.method} ${path} is declared twice (${route.handler})`);
    item[method] = operation(route, path, components);
  }
  const tags = [...new Set(sorted.flatMap((route) => (route.doc ? [route.doc.tag] : [])))].sort();
  return {
    openapi: '3.1.1',
    info: { title: info.title, version: info.version, description: info.description },
    jsonSchemaDialect: 'https://spec.openapis.org/oas/3.1/dialect/base',
    servers: [{ url: '/' }],
    tags: tags.map((name) => ({ name })),
    paths,
    components: {
      schemas: components.components,
      securitySchemes: {
        apiKey: {
          type: 'http',
          scheme: 'bearer',
          description:
            'A workspace key (`sk_…`; publishable `pk_…` keys only send events to ingest). Each route needs any one of the scopes listed with it.',
        },
        consoleSession: {
          type: 'apiKey',
          in: 'cookie',
          name: 'leadscore_session',
          description:
            'A person signed in to the console (POST /v1/session). Their role gives the scopes: viewer `read`; editor `read`, `models:write`; admin also `admin`. Unsafe requests (POST, PUT, PATCH, DELETE) must also send the session’s `X-CSRF-Token`.',
        },
        operatorToken: {
          type: 'http',
          scheme: 'bearer',
          description: 'The OPERATOR_TOKEN of the api’s environment: the bootstrap of workspaces.',
        },
      },
    },
  };
}
