import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PROBLEM_CONTENT_TYPE, problem } from '../http/problem-details.js';

export const CONSOLE_PREFIX = '/console';

/**
 * The console's pages may run only their own scripts and talk only to this origin; CodeMirror and uPlot
 * set inline styles, hence `'unsafe-inline'` for styles alone. No framing (clickjacking).
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

function pageHeaders(reply: FastifyReply): FastifyReply {
  return reply
    .header('content-security-policy', CONTENT_SECURITY_POLICY)
    .header('x-content-type-options', 'nosniff')
    .header('referrer-policy', 'same-origin')
    .header('cache-control', 'no-cache');
}

/**
 * Serves the built console (apps/console/dist) under /console: hashed assets cached for a year, and
 * index.html for every other path below /console, so that deep links (a contact's page) load the app,
 * which routes on the client. Without a build, /console says how to make one.
 */
export async function serveConsole(
  app: NestFastifyApplication,
  consoleDir: string | undefined,
): Promise<void> {
  const fastify: FastifyInstance = app.getHttpAdapter().getInstance();
  const built = consoleDir !== undefined && existsSync(join(consoleDir, 'index.html'));
  if (!built) {
    const notBuilt = problem(
      'not-found',
      `The console is not built${consoleDir ? ` (no index.html in ${consoleDir})` : ''}: run \`npx nx build @leadscore/console\` (npm start does), or set CONSOLE_DIR.`,
    );
    for (const url of [CONSOLE_PREFIX, `${CONSOLE_PREFIX}/*`])
      fastify.get(url, (_request, reply) => reply.code(404).type(PROBLEM_CONTENT_TYPE).send(notBuilt));
    return;
  }
  await app.register(fastifyStatic, {
    root: consoleDir,
    prefix: `${CONSOLE_PREFIX}/`,
    // One route per file found at start (a build replaces the directory; restart the api after one).
    wildcard: false,
    index: false,
    // Cache-Control is ours (below): a year for the hashed assets, revalidation for anything else.
    cacheControl: false,
    setHeaders: (response, path) => {
      response.setHeader('x-content-type-options', 'nosniff');
      response.setHeader(
        'cache-control',
        path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  });
  fastify.get(CONSOLE_PREFIX, (_request, reply) => reply.redirect(`${CONSOLE_PREFIX}/`, 308));
  const missingAsset = problem(
    'not-found',
    'No such file of the console: reload the page (a new build renamed it).',
  );
  // A path below /console is a page of the app, except under assets/ (files that exist have their route).
  const page = (request: FastifyRequest, reply: FastifyReply) =>
    request.url.startsWith(`${CONSOLE_PREFIX}/assets/`)
      ? reply.code(404).type(PROBLEM_CONTENT_TYPE).send(missingAsset)
      : pageHeaders(reply).sendFile('index.html');
  fastify.get(`${CONSOLE_PREFIX}/`, page);
  fastify.get(`${CONSOLE_PREFIX}/*`, page);
}
