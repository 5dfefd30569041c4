import { Controller, Get, Inject, Param, Res, type OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import type { FastifyReply } from 'fastify';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fail } from '../http/problem-details.js';
import { buildOpenApiDocument } from './openapi-document.js';
import { discoverRoutes } from './route-discovery.js';
import { Documented } from './route-doc.js';

export const API_INFO = {
  title: 'leadscore api',
  version: '1',
  description:
    'Workspaces, keys, settings, models, CRM webhooks, outcomes and the audit log of leadscore. Errors are RFC 9457 problem details (application/problem+json) whose `detail` says what to change.',
} as const;

/** The docs page's files, from the swagger-ui-dist package: served by the api itself, no CDN. */
const DOCS_ASSETS: Readonly<Record<string, string>> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
};

const DOCS_PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>leadscore api</title>
    <link rel="stylesheet" href="/docs/swagger-ui.css" />
  </head>
  <body>
    <div id="swagger-ui"></div>
    <script src="/docs/swagger-ui-bundle.js"></script>
    <script>
      window.ui = SwaggerUIBundle({ url: '/openapi.json', dom_id: '#swagger-ui', deepLinking: true });
    </script>
  </body>
</html>
`;

/** GET /openapi.json (built once, at start, from every route's @Documented) and the docs page /docs. */
@Controller()
export class OpenApiController implements OnApplicationBootstrap {
  private document: Record<string, unknown> | undefined;
  private readonly assetDir = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
  private readonly assets = new Map<string, Buffer>();

  constructor(
    @Inject(DiscoveryService) private readonly discovery: DiscoveryService,
    @Inject(MetadataScanner) private readonly scanner: MetadataScanner,
    @Inject(Reflector) private readonly reflector: Reflector,
  ) {}

  /** Built at start: an undocumented route stops the api there, not at the first reader. */
  onApplicationBootstrap(): void {
    this.document = buildOpenApiDocument(
      discoverRoutes(this.discovery, this.scanner, this.reflector),
      API_INFO,
    );
  }

  @Get('openapi.json')
  @Documented({
    tag: 'operations',
    auth: 'public',
    summary: 'This OpenAPI 3.1 document',
    responses: { 200: { description: 'The OpenAPI document', contentType: 'application/json' } },
  })
  openApi(): Record<string, unknown> {
    if (!this.document) throw new Error('the OpenAPI document is built at application bootstrap');
    return this.document;
  }

  @Get('docs')
  @Documented({
    tag: 'operations',
    auth: 'public',
    summary: 'The api’s documentation page (Swagger UI over /openapi.json)',
    responses: { 200: { description: 'An HTML page', contentType: 'text/html' } },
  })
  async docs(@Res() reply: FastifyReply): Promise<void> {
    await reply.header('content-type', 'text/html; charset=utf-8').send(DOCS_PAGE);
  }

  @Get('docs/:asset')
  @Documented({
    tag: 'operations',
    auth: 'public',
    summary: 'A file of the docs page',
    parameters: [
      {
        name: 'asset',
        in: 'path',
        description: 'swagger-ui.css or swagger-ui-bundle.js',
        schema: { type: 'string', enum: Object.keys(DOCS_ASSETS) },
      },
    ],
    responses: {
      200: {
        description: 'The file',
        contentType: [...new Set(Object.values(DOCS_ASSETS).map((type) => type.split(';')[0] ?? type))],
      },
    },
  })
  async asset(@Param('asset') name: string, @Res() reply: FastifyReply): Promise<void> {
    const type = Object.hasOwn(DOCS_ASSETS, name) ? DOCS_ASSETS[name] : undefined;
    if (type === undefined)
      fail('not-found', `No docs file "${name.slice(0, 80)}"; the docs page is at /docs.`);
    let body = this.assets.get(name);
    if (!body) {
      body = await readFile(join(this.assetDir, name));
      this.assets.set(name, body);
    }
    await reply.header('content-type', type).header('cache-control', 'public, max-age=3600').send(body);
  }
}
