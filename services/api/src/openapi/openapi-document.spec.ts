import { describe, expect, it } from '@jest/globals';
import { apiKeySchema, keyListSchema } from '@leadscore/contracts';
import { buildOpenApiDocument, openApiPath, type DiscoveredRoute } from './openapi-document.js';

const INFO = { title: 't', version: '1', description: 'd' };
const listKeys: DiscoveredRoute = {
  method: 'GET',
  path: '/v1/keys',
  scopes: ['admin', 'read'],
  handler: 'KeysController.list',
  doc: { tag: 'keys', summary: 'List', responses: { 200: { description: 'keys', schema: keyListSchema } } },
};

describe('buildOpenApiDocument', () => {
  it('turns Nest paths into OpenAPI templates', () => {
    expect(openApiPath('/v1/webhooks/:id/deliveries/:deliveryId')).toBe(
      '/v1/webhooks/{id}/deliveries/{deliveryId}',
    );
    expect(openApiPath('v1/keys/')).toBe('/v1/keys');
  });

  it('lists each scope as an alternative security requirement and adds the common problems', () => {
    const document = buildOpenApiDocument([listKeys], INFO) as {
      paths: Record<string, Record<string, Record<string, unknown>>>;
    };
    const operation = document.paths['/v1/keys']?.['get'];
    expect(operation?.['security']).toEqual([
      { apiKey: ['admin'] },
      { apiKey: ['read'] },
      { consoleSession: [] },
    ]);
    expect(Object.keys(operation?.['responses'] as object)).toEqual(['200', '401', '403', '429', '500']);
  });

  it('pulls referenced schemas into components under their titles', () => {
    const document = buildOpenApiDocument([listKeys], INFO) as {
      components: { schemas: Record<string, unknown> };
    };
    expect(Object.keys(document.components.schemas).sort()).toEqual(['ApiKey', 'KeyList', 'Problem']);
    expect(JSON.stringify(document.components.schemas['KeyList'])).toContain(
      '"$ref":"#/components/schemas/ApiKey"',
    );
  });

  it('refuses an undocumented route, an undocumented path parameter and a schema that is not a contract', () => {
    expect(() => buildOpenApiDocument([{ ...listKeys, doc: undefined }], INFO)).toThrow(
      /GET \/v1\/keys \(KeysController.list\) has no @Documented/,
    );
    expect(() => buildOpenApiDocument([{ ...listKeys, path: '/v1/keys/:id' }], INFO)).toThrow(
      /document the path parameter "id"/,
    );
    const handWritten = { type: 'object' };
    expect(() =>
      buildOpenApiDocument(
        [
          {
            ...listKeys,
            doc: { tag: 'k', summary: 's', responses: { 200: { description: 'x', schema: handWritten } } },
          },
        ],
        INFO,
      ),
    ).toThrow(/not one of schemas\//);
    expect(apiKeySchema['$id']).toBeDefined();
  });
});
