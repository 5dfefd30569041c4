import {
  BadRequestException,
  Controller,
  Get,
  Inject,
  Module,
  Param,
  PayloadTooLargeException,
  Query,
  type DynamicModule,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { ObservabilityModule, type ReadinessCheck } from '@leadscore/observability';
import { type Registry } from 'prom-client';
import { AnalyticsQueries, type AnalyticsQueryRunner } from '@leadscore/analytics';
import type { ReplayContacts, ReplayEvents } from '@leadscore/contracts';
import {
  ARCHIVE_QUERIES,
  ArchiveQueriesController,
  wholeNumberOf,
} from '../queries/archive-queries.controller.js';
import { replayContactsView, replayEventsView } from '../queries/archive-views.js';
import { AnalyticsRuntime } from './analytics.runtime.js';

export interface AnalyticsModuleOptions {
  readonly runtime: AnalyticsRuntime;
  /** The archive's named queries, served under /internal/v1 to the api. */
  readonly queries: AnalyticsQueryRunner;
  readonly registry: Registry;
  readonly readinessChecks: readonly ReadinessCheck[];
}

const ANALYTICS_RUNTIME = Symbol('ANALYTICS_RUNTIME');

/** GET /internal/v1/offsets: where the archive ends per topic and partition (operators, tests). */
@Controller('internal/v1/offsets')
class ArchiveOffsetsController {
  constructor(@Inject(ANALYTICS_RUNTIME) private readonly runtime: AnalyticsRuntime) {}

  @Get()
  offsets(): ReturnType<AnalyticsRuntime['archivedOffsets']> {
    return this.runtime.archivedOffsets();
  }
}

/** Contacts one replay may ask for (a survivor and the contacts merged into it). */
const MAX_REPLAY_CONTACTS = 100;
/** Events one replay may read; beyond, the caller is told rather than given a cut history. */
const MAX_REPLAY_EVENTS = 200_000;

/**
 * GET /internal/v1/workspaces/:workspace/replay-events?contact=…&contact=…: the archived events of those
 * contacts with their Kafka positions, for the scorer's merges. Where the archive ends is read before
 * the events, so every event before `archivedThrough` is in the answer.
 */
@Controller('internal/v1/workspaces/:workspace/replay-events')
class ReplayEventsController {
  constructor(
    @Inject(ANALYTICS_RUNTIME) private readonly runtime: AnalyticsRuntime,
    @Inject(ARCHIVE_QUERIES) private readonly queries: AnalyticsQueryRunner,
  ) {}

  @Get()
  async replayEvents(
    @Param('workspace') workspace: string,
    @Query('contact') contact: string | string[] | undefined,
  ): Promise<ReplayEvents> {
    const contacts = contact === undefined ? [] : Array.isArray(contact) ? contact : [contact];
    if (contacts.length === 0 || contacts.length > MAX_REPLAY_CONTACTS)
      throw new BadRequestException(
        `contact: name 1 to ${MAX_REPLAY_CONTACTS} contacts, as ?contact=<key>&contact=<key>`,
      );
    const { topics } = await this.runtime.archivedOffsets();
    const rows = await this.queries.run(AnalyticsQueries.replayEvents, {
      workspace,
      contacts: JSON.stringify(contacts),
      limit: MAX_REPLAY_EVENTS + 1,
    });
    if (rows.length > MAX_REPLAY_EVENTS)
      throw new PayloadTooLargeException(
        `these contacts have more than ${MAX_REPLAY_EVENTS} archived events: too many to replay at once`,
      );
    return replayEventsView(rows, topics);
  }
}

/** Contacts per page of replay-contacts, unless asked (?contacts=), and at most. */
const DEFAULT_PAGE_CONTACTS = 500;
const MAX_PAGE_CONTACTS = 1_000;

/**
 * GET /internal/v1/workspaces/:workspace/replay-contacts?after=<contact key>&contacts=<1..1000>: the next
 * page of the workspace's archived contacts in key order after `after`, each with its events in the order
 * the scorer saw them, for backtests and rescoring; `next` is the page's last key when there may be more,
 * `archivedThrough` where the archive ends (read first); on the first page, `archivedFrom` the time of
 * the workspace's oldest archived event and `archivedContacts` how many contacts it holds.
 */
@Controller('internal/v1/workspaces/:workspace/replay-contacts')
class ReplayContactsController {
  constructor(
    @Inject(ANALYTICS_RUNTIME) private readonly runtime: AnalyticsRuntime,
    @Inject(ARCHIVE_QUERIES) private readonly queries: AnalyticsQueryRunner,
  ) {}

  @Get()
  async replayContacts(
    @Param('workspace') workspace: string,
    @Query('after') after: string | string[] | undefined,
    @Query('contacts') contacts: string | undefined,
  ): Promise<ReplayContacts> {
    if (after !== undefined && typeof after !== 'string')
      throw new BadRequestException("after: expected one contact key (the previous page's next)");
    const pageSize = wholeNumberOf('contacts', contacts, DEFAULT_PAGE_CONTACTS, MAX_PAGE_CONTACTS);
    // Where the archive ends is read before the events: every event before it is in the page.
    const { topics } = await this.runtime.archivedOffsets();
    // The archive's extent (a scan of the workspace's events) only once per walk: on its first page.
    const [rows, extent] = await Promise.all([
      this.queries.run(AnalyticsQueries.replayContacts, {
        workspace,
        after: after ?? '',
        contacts: pageSize,
        limit: MAX_REPLAY_EVENTS + 1,
      }),
      after === undefined || after === ''
        ? this.queries.run(AnalyticsQueries.oldestEvent, { workspace })
        : undefined,
    ]);
    if (rows.length > MAX_REPLAY_EVENTS)
      throw new PayloadTooLargeException(
        `this page of up to ${pageSize} contacts has more than ${MAX_REPLAY_EVENTS} archived events, too many for one answer: ask for fewer contacts per page (?contacts=)`,
      );
    return replayContactsView(rows, pageSize, extent && (extent[0] ?? { oldest: null, contacts: 0 }), topics);
  }
}

/**
 * HTTP surface of analytics: the archive's queries (/internal/v1, for the api), /metrics, /healthz,
 * /readyz; on shutdown the consumer finishes its batch.
 */
@Module({})
export class AnalyticsModule implements OnApplicationShutdown {
  constructor(@Inject(ANALYTICS_RUNTIME) private readonly runtime: AnalyticsRuntime) {}

  static forRoot(options: AnalyticsModuleOptions): DynamicModule {
    return {
      module: AnalyticsModule,
      imports: [
        ObservabilityModule.forRoot({
          service: 'analytics',
          registry: options.registry,
          readinessChecks: options.readinessChecks,
        }),
      ],
      controllers: [
        ArchiveQueriesController,
        ArchiveOffsetsController,
        ReplayEventsController,
        ReplayContactsController,
      ],
      providers: [
        { provide: ANALYTICS_RUNTIME, useValue: options.runtime },
        { provide: ARCHIVE_QUERIES, useValue: options.queries },
      ],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.runtime.stop();
  }
}
