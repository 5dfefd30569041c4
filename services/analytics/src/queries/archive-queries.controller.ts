import { BadRequestException, Controller, Get, Inject, Param, Query } from '@nestjs/common';
import {
  AnalyticsQueries,
  clickHouseTimeOf,
  type AnalyticsQueryRunner,
  type ClickHouseTime,
} from '@leadscore/analytics';
import type {
  ContactArchive,
  ContactScoreHistory,
  ContactTimeline,
  DeadLetterSummary,
  EventsPerDay,
  LeadFunnel,
  ScoreDistributionAt,
  TopRules,
} from '@leadscore/contracts';
import {
  contactArchiveView,
  deadLetterSummaryView,
  distributionAtView,
  eventsPerDayView,
  leadFunnelView,
  scoreHistoryView,
  timelineView,
  topRulesView,
} from './archive-views.js';

export const ARCHIVE_QUERIES = Symbol('ARCHIVE_QUERIES');

const DEFAULT_LIMIT = 500;
const MAX_LIMIT = 5_000;
const DEFAULT_PERIOD_DAYS = 30;

/** Rows of each kind in a contact's data export. */
const EXPORT_LIMIT = 100_000;
const DEFAULT_BUCKET_WIDTH = 10;
const MAX_BUCKET_WIDTH = 1_000_000;
const DEFAULT_TOP_RULES = 20;
const MAX_TOP_RULES = 1_000;

/** `text` as a whole number from 1 to `max` (`fallback` when absent), or a 400 naming the parameter. */
export function wholeNumberOf(name: string, text: string | undefined, fallback: number, max: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < 1 || value > max)
    throw new BadRequestException(`${name}: expected a whole number from 1 to ${max}, got "${text}"`);
  return value;
}

const limitOf = (text: string | undefined) => wholeNumberOf('limit', text, DEFAULT_LIMIT, MAX_LIMIT);

function timeOf(name: string, text: string | undefined, fallback: Date): Date {
  if (text === undefined) return fallback;
  const time = new Date(text);
  if (Number.isNaN(time.getTime()))
    throw new BadRequestException(
      `${name}: expected an RFC 3339 date-time such as 2026-12-01T00:00:00Z, got "${text}"`,
    );
  return time;
}

/** [from, to): the last 30 days unless given; RFC 3339 for answers, ClickHouse text for query parameters. */
function periodOf(
  from: string | undefined,
  to: string | undefined,
): { from: string; to: string; params: { from: ClickHouseTime; to: ClickHouseTime } } {
  const end = timeOf('to', to, new Date());
  const start = timeOf('from', from, new Date(end.getTime() - DEFAULT_PERIOD_DAYS * 86_400_000));
  if (start >= end) throw new BadRequestException('from: expected a time before to');
  return {
    from: start.toISOString(),
    to: end.toISOString(),
    params: { from: clickHouseTimeOf(start.getTime()), to: clickHouseTimeOf(end.getTime()) },
  };
}

/**
 * The archive's named queries over HTTP, for the api (which authenticates the caller and passes its
 * workspace): internal, never exposed to the internet.
 */
@Controller('internal/v1/workspaces/:workspace')
export class ArchiveQueriesController {
  constructor(@Inject(ARCHIVE_QUERIES) private readonly queries: AnalyticsQueryRunner) {}

  @Get('contacts/:contact/score-history')
  async scoreHistory(
    @Param('workspace') workspace: string,
    @Param('contact') contact: string,
    @Query('model') model: string | undefined,
    @Query('limit') limit: string | undefined,
  ): Promise<ContactScoreHistory> {
    const rows = await this.queries.run(AnalyticsQueries.contactScoreHistory, {
      workspace,
      contact,
      model: model ?? '',
      limit: limitOf(limit),
    });
    return scoreHistoryView(contact, rows);
  }

  @Get('contacts/:contact/timeline')
  async timeline(
    @Param('workspace') workspace: string,
    @Param('contact') contact: string,
    @Query('limit') limit: string | undefined,
  ): Promise<ContactTimeline> {
    const rows = await this.queries.run(AnalyticsQueries.contactTimeline, {
      workspace,
      contact,
      limit: limitOf(limit),
    });
    return timelineView(contact, rows);
  }

  /** Everything of one contact, for its data export: up to EXPORT_LIMIT rows of each kind. */
  @Get('contacts/:contact/archive')
  async contactArchive(
    @Param('workspace') workspace: string,
    @Param('contact') contact: string,
  ): Promise<ContactArchive> {
    const params = { workspace, contact, limit: EXPORT_LIMIT };
    const [events, history, lifecycle] = await Promise.all([
      this.queries.run(AnalyticsQueries.contactEvents, params),
      this.queries.run(AnalyticsQueries.contactScoreHistory, { ...params, model: '' }),
      this.queries.run(AnalyticsQueries.contactLifecycleChanges, params),
    ]);
    return contactArchiveView(contact, events, history, lifecycle);
  }

  @Get('events-per-day')
  async eventsPerDay(
    @Param('workspace') workspace: string,
    @Query('from') from: string | undefined,
    @Query('to') to: string | undefined,
  ): Promise<EventsPerDay> {
    const period = periodOf(from, to);
    const rows = await this.queries.run(AnalyticsQueries.eventsPerTypePerDay, {
      workspace,
      ...period.params,
    });
    return eventsPerDayView(period.from, period.to, rows);
  }

  @Get('models/:model/distribution')
  async distribution(
    @Param('workspace') workspace: string,
    @Param('model') model: string,
    @Query('at') at: string | undefined,
    @Query('bucketWidth') bucketWidth: string | undefined,
  ): Promise<ScoreDistributionAt> {
    const time = timeOf('at', at, new Date());
    const width = wholeNumberOf('bucketWidth', bucketWidth, DEFAULT_BUCKET_WIDTH, MAX_BUCKET_WIDTH);
    const [row] = await this.queries.run(AnalyticsQueries.scoreDistributionAt, {
      workspace,
      model,
      at: clickHouseTimeOf(time.getTime()),
      width,
    });
    return distributionAtView(model, time.toISOString(), width, row);
  }

  @Get('models/:model/funnel')
  async funnel(
    @Param('workspace') workspace: string,
    @Param('model') model: string,
    @Query('from') from: string | undefined,
    @Query('to') to: string | undefined,
  ): Promise<LeadFunnel> {
    const period = periodOf(from, to);
    const rows = await this.queries.run(AnalyticsQueries.leadFunnel, {
      workspace,
      model,
      ...period.params,
    });
    return leadFunnelView(model, period.from, period.to, rows);
  }

  @Get('models/:model/top-rules')
  async topRules(
    @Param('workspace') workspace: string,
    @Param('model') model: string,
    @Query('from') from: string | undefined,
    @Query('to') to: string | undefined,
    @Query('limit') limit: string | undefined,
  ): Promise<TopRules> {
    const period = periodOf(from, to);
    const rows = await this.queries.run(AnalyticsQueries.topRules, {
      workspace,
      model,
      ...period.params,
      limit: wholeNumberOf('limit', limit, DEFAULT_TOP_RULES, MAX_TOP_RULES),
    });
    return topRulesView(model, period.from, period.to, rows);
  }

  @Get('dead-letters')
  async deadLetters(
    @Param('workspace') workspace: string,
    @Query('from') from: string | undefined,
    @Query('to') to: string | undefined,
  ): Promise<DeadLetterSummary> {
    const period = periodOf(from, to);
    const rows = await this.queries.run(AnalyticsQueries.deadLettersByReason, {
      workspace,
      ...period.params,
    });
    return deadLetterSummaryView(period.from, period.to, rows);
  }
}
