import { Controller, Get, Inject, Query, Res } from '@nestjs/common';
import type { Logger } from '@leadscore/observability';
import type { FastifyReply } from 'fastify';
import type { WorkspaceDirectory } from '../auth/workspace-directory.js';
import { INGEST_LOGGER, WORKSPACE_DIRECTORY } from '../app/ingest.tokens.js';
import { fail } from '../http/problem-details.js';
import { knownKey } from '../http/request-guards.js';
import { TrackerScript } from '../tracking/tracker-script.js';

export const TRACKER_PATH = '/v1/tracker.js';

const NO_FIELDS: ReadonlySet<string> = new Set();

/**
 * Five minutes: a page picks up a changed `trackingFormFields` within that (plus the settings reload);
 * the fields are filtered again on receipt, so an older copy never stores a field that was removed.
 */
const SCRIPT_HEADERS = {
  'content-type': 'text/javascript; charset=utf-8',
  'cache-control': 'public, max-age=300',
  'x-content-type-options': 'nosniff',
};

/**
 * GET /v1/tracker.js?key=<publishable key>: the tracking snippet (tracker/src), with the key and the
 * workspace's form fields written in, so a page sends no field the workspace did not configure.
 */
@Controller('v1')
export class TrackerController {
  private readonly script: TrackerScript | Error;

  constructor(
    @Inject(WORKSPACE_DIRECTORY) private readonly directory: WorkspaceDirectory,
    @Inject(INGEST_LOGGER) logger: Logger,
  ) {
    try {
      this.script = TrackerScript.load();
    } catch (error) {
      this.script = error instanceof Error ? error : new Error(String(error));
      logger.error({ err: this.script }, 'GET /v1/tracker.js will answer 500');
    }
  }

  @Get('tracker.js')
  serve(@Query('key') key: unknown, @Res({ passthrough: true }) reply: FastifyReply): string {
    if (typeof key !== 'string' || key === '')
      fail('malformed-request', 'Name your publishable key: /v1/tracker.js?key=pk_…', {
        errors: [{ field: 'key', expected: 'the publishable key (pk_…) of your workspace, once' }],
      });
    const found = knownKey(key, this.directory);
    if (found.kind !== 'publishable')
      fail(
        'forbidden',
        'This is a secret key: it must never be on a web page. Embed a publishable key (pk_…), and revoke this one if it was published.',
      );
    if (this.script instanceof Error) fail('internal', this.script.message);
    void reply.headers(SCRIPT_HEADERS);
    return this.script.render({
      writeKey: key,
      formFields: this.directory.settings(found.workspace)?.trackingFormFields ?? NO_FIELDS,
    });
  }
}
