import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { LightMyRequestResponse } from 'fastify';

type Json = Record<string, unknown>;

interface DocumentedOperation {
  readonly template: string;
  readonly pattern: RegExp;
  readonly parameterCount: number;
  readonly method: string;
  readonly responses: Json;
}

const DOCUMENT_ID = 'https://leadscore.test/openapi.json';

function escapePointer(part: string): string {
  return part.replace(/~/g, '~0').replace(/\//g, '~1');
}

/**
 * Checks answers of the api against its own /openapi.json: the status is documented for the route,
 * the content type is the documented one, and a JSON body matches the documented schema. The api's
 * test harness runs every answer of every api test through it, so a route answering something its
 * document does not say fails the test that saw it.
 */
export class OpenApiConformance {
  private readonly operations: DocumentedOperation[] = [];
  private readonly ajv = new Ajv2020({ strict: false, allErrors: true });
  private readonly validators = new Map<string, ValidateFunction>();

  constructor(document: Json) {
    addFormats.default(this.ajv);
    this.ajv.addSchema(document, DOCUMENT_ID);
    const paths = (document['paths'] ?? {}) as Record<string, Record<string, Json>>;
    for (const [template, item] of Object.entries(paths)) {
      const source = template
        .split(/(\{[A-Za-z0-9_]+\})/)
        .map((part) => (part.startsWith('{') ? '([^/]+)' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
        .join('');
      for (const [method, operation] of Object.entries(item))
        this.operations.push({
          template,
          pattern: new RegExp(`^${source}$`),
          parameterCount: (template.match(/\{/g) ?? []).length,
          method: method.toUpperCase(),
          responses: (operation['responses'] ?? {}) as Json,
        });
    }
    // A literal segment beats a parameter (`/docs/x` vs `/docs/{asset}` would otherwise be ambiguous).
    this.operations.sort((a, b) => a.parameterCount - b.parameterCount);
  }

  /** The documented operation a request goes to, if any. */
  operationOf(method: string, url: string): DocumentedOperation | undefined {
    const path = url.split('?')[0] ?? url;
    return this.operations.find((op) => op.method === method.toUpperCase() && op.pattern.test(path));
  }

  /**
   * What is wrong with this answer by the document, or undefined when it conforms. Requests to paths
   * the document does not have (an unknown route's 404) are not checked.
   */
  violation(method: string, url: string, response: LightMyRequestResponse): string | undefined {
    const operation = this.operationOf(method, url);
    if (!operation) return undefined;
    const where = `${method.toUpperCase()} ${operation.template} answered ${response.statusCode}`;
    const status = String(response.statusCode);
    const documented = operation.responses[status] as Json | undefined;
    if (!documented)
      return `${where}, a status its OpenAPI document does not list (it lists ${Object.keys(operation.responses).join(', ')})`;
    const content = documented['content'] as Record<string, Json> | undefined;
    if (!content)
      return response.body === '' ? undefined : `${where} with a body the document does not describe`;
    const type =
      String(response.headers['content-type'] ?? '')
        .split(';')[0]
        ?.trim() ?? '';
    const mediaType = content[type];
    if (!mediaType) return `${where} as "${type}", not as documented (${Object.keys(content).join(', ')})`;
    if (!mediaType['schema'] || !type.endsWith('json')) return undefined;
    const pointer = `#/paths/${escapePointer(operation.template)}/${operation.method.toLowerCase()}/responses/${status}/content/${escapePointer(type)}/schema`;
    let validate = this.validators.get(pointer);
    if (!validate) {
      validate = this.ajv.compile({ $ref: `${DOCUMENT_ID}${pointer}` });
      this.validators.set(pointer, validate);
    }
    let body: unknown;
    try {
      body = JSON.parse(response.body);
    } catch {
      return `${where} with a body that is not JSON: ${response.body.slice(0, 200)}`;
    }
    if (validate(body)) return undefined;
    return `${where} with a body that does not match its documented schema: ${this.ajv.errorsText(validate.errors)} — body ${response.body.slice(0, 300)}`;
  }
}
