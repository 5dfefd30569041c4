import { RouteConfig } from '@nestjs/platform-fastify';

/** The key of the Fastify route config that gives a JSON route a body limit of its own. */
export const BODY_LIMIT_ROUTE = 'leadscoreBodyLimit';

/**
 * The route takes JSON bodies of up to `bytes` instead of the api's 16 KB (http-setup.ts applies it;
 * larger bodies are a 413 before any parsing).
 */
export const BodyLimit = (bytes: number) => RouteConfig({ [BODY_LIMIT_ROUTE]: bytes });

/** The limit a route was given with @BodyLimit, if any. */
export function bodyLimitOf(config: unknown): number | undefined {
  if (typeof config !== 'object' || config === null) return undefined;
  const limit = (config as Record<string, unknown>)[BODY_LIMIT_ROUTE];
  return typeof limit === 'number' ? limit : undefined;
}
