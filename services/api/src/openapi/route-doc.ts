import { SetMetadata } from '@nestjs/common';

/** A JSON Schema generated from schemas/ (libs/contracts `<name>Schema`), never written by hand here. */
export type ContractSchema = Readonly<Record<string, unknown>>;

/** One documented response: its description and, when it has a JSON body, the schema of that body. */
export interface ResponseDoc {
  readonly description: string;
  /** The body's schema; absent for bodies that are not JSON (e.g. the docs page) or empty ones. */
  readonly schema?: ContractSchema;
  /** Content type(s) of the body (default `application/json`). */
  readonly contentType?: string | readonly string[];
}

/** A query or path parameter of a route. */
export interface ParameterDoc {
  readonly name: string;
  readonly in: 'query' | 'path';
  readonly description: string;
  readonly required?: boolean;
  /** Its JSON Schema, e.g. `{ type: 'string', pattern: '...' }` or `{ type: 'integer', minimum: 1 }`. */
  readonly schema: Readonly<Record<string, unknown>>;
}

/**
 * What the OpenAPI document (/openapi.json) says about a route besides what Nest already knows
 * (method, path, the scopes of @RequireAnyScope). Every route of the api carries one: the document is
 * built from these and the contract schemas, and a test checks every route is documented and every
 * documented response matches what the route answers.
 *
 * Errors (401, 403, 404, 400, 413, 415, 429, 503) are problem+json and are added to every route by
 * the generator as they apply; list here only the success responses and the errors particular to
 * the route (e.g. 409).
 */
export interface RouteDoc {
  readonly summary: string;
  readonly description?: string;
  /** A tag grouping routes on the docs page, e.g. `keys`, `models`, `webhooks`. */
  readonly tag: string;
  /** The request body's schema (validated by the route through the shared JSON guard). */
  readonly body?: ContractSchema;
  /** The body's content types when not only JSON (e.g. the model source as YAML). */
  readonly bodyContentTypes?: readonly string[];
  readonly parameters?: readonly ParameterDoc[];
  /** Success responses and route-specific errors, by status code. */
  readonly responses: Readonly<Record<number, ResponseDoc>>;
  /** Who may call it when not a workspace key: `operator` (OPERATOR_TOKEN), `public` (no auth) or `session` (the console's cookie alone). */
  readonly auth?: 'operator' | 'public' | 'session';
}

export const ROUTE_DOC = 'leadscore:route-doc';

/** Documents a route for /openapi.json (see RouteDoc). */
export const Documented = (doc: RouteDoc) => SetMetadata(ROUTE_DOC, doc);
