import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import { type DiscoveryService, type MetadataScanner, type Reflector } from '@nestjs/core';
import { requiredScopesOf } from '../auth/api-key.guard.js';
import type { DiscoveredRoute } from './openapi-document.js';
import { ROUTE_DOC, type RouteDoc } from './route-doc.js';

/**
 * Routes of libraries (libs/observability's /metrics, /healthz, /readyz), which cannot carry the
 * api's @Documented: documented here, keyed by method and path.
 */
const LIBRARY_ROUTE_DOCS: Readonly<Record<string, RouteDoc>> = {
  'GET /metrics': {
    tag: 'operations',
    auth: 'public',
    summary: 'Prometheus metrics',
    responses: { 200: { description: 'Prometheus text exposition format', contentType: 'text/plain' } },
  },
  'GET /healthz': {
    tag: 'operations',
    auth: 'public',
    summary: 'Liveness: the process answers',
    responses: { 200: { description: '`{"status":"ok"}`', contentType: 'application/json' } },
  },
  'GET /readyz': {
    tag: 'operations',
    auth: 'public',
    summary: 'Readiness: PostgreSQL and Kafka answer',
    responses: {
      200: { description: 'Ready, with each check', contentType: 'application/json' },
      503: { description: 'Not ready: the failing checks say why' },
    },
  },
};

function joinPath(...parts: unknown[]): string {
  const joined = parts
    .flatMap((part) => (typeof part === 'string' ? [part] : []))
    .map((part) => part.replace(/^\/+|\/+$/g, ''))
    .filter((part) => part !== '')
    .join('/');
  return `/${joined}`;
}

/** Every route Nest registered for the app's controllers, with its @Documented and scopes. */
export function discoverRoutes(
  discovery: DiscoveryService,
  scanner: MetadataScanner,
  reflector: Reflector,
): DiscoveredRoute[] {
  const routes: DiscoveredRoute[] = [];
  for (const wrapper of discovery.getControllers()) {
    const controller = wrapper.metatype as (new (...args: never[]) => object) | null;
    if (!controller || typeof controller !== 'function') continue;
    const base: unknown = Reflect.getMetadata(PATH_METADATA, controller);
    const prototype = controller.prototype as Record<string, unknown>;
    for (const name of scanner.getAllMethodNames(prototype)) {
      const handler = prototype[name] as object;
      const method: unknown = Reflect.getMetadata(METHOD_METADATA, handler);
      if (typeof method !== 'number') continue;
      const path = joinPath(base, Reflect.getMetadata(PATH_METADATA, handler));
      const verb = RequestMethod[method] ?? String(method);
      routes.push({
        method: verb,
        path,
        doc:
          (Reflect.getMetadata(ROUTE_DOC, handler) as RouteDoc | undefined) ??
          LIBRARY_ROUTE_DOCS[`${verb} ${path}`],
        scopes: requiredScopesOf(reflector, [handler, controller]),
        handler: `${controller.name}.${name}`,
      });
    }
  }
  return routes;
}
