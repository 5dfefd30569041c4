import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { PinoNestLogger, type Logger } from '@leadscore/observability';
import fastifyCookie from '@fastify/cookie';
import { serveConsole } from '../console/serve-console.js';
import { configureApiHttp, requestIdOf } from '../http/http-setup.js';
import { API_BODY_LIMIT_BYTES } from '../http/http-limits.js';
import { ApiModule, type ApiModuleOptions } from './api.module.js';

export interface ApiAppOptions extends ApiModuleOptions {
  readonly logger: Logger;
  /**
   * API_TRUSTED_PROXIES: proxies whose X-Forwarded-For names the client. None (the default): the
   * connecting address is the client's, so nobody can name another's address to the auth throttle.
   */
  readonly trustedProxies?: readonly string[];
  /** The built web console (apps/console/dist), served under /console; undefined: not served. */
  readonly consoleDir?: string;
}

/** Builds (not listens) the api app: main.ts and the integration tests share this. */
export async function createApiApp(options: ApiAppOptions): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: API_BODY_LIMIT_BYTES,
    trustProxy: options.trustedProxies?.length ? [...options.trustedProxies] : false,
    requestIdHeader: false,
    genReqId: requestIdOf,
  });
  const app = await NestFactory.create<NestFastifyApplication>(ApiModule.forRoot(options), adapter, {
    logger: new PinoNestLogger(options.logger),
    bufferLogs: false,
    // Bodies are parsed by the routes through the shared JSON guard (request-body.ts).
    bodyParser: false,
  });
  configureApiHttp(app, options.logger);
  await app.register(fastifyCookie);
  await serveConsole(app, options.consoleDir);
  await app.init();
  return app;
}
