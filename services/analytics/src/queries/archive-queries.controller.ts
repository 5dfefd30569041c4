import { BadRequestException, Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { AnalyticsQueries, clickHouseTimeOf, type AnalyticsQueryRunner } from '@leadscore/analytics';
import type {
  ContactScoreHistory,
  ContactTimeline,
  DeadLetterSummary,
  EventsPerDay,
} from '@leadscore/contracts';
import { deadLetterSummaryView, eventsPerDayView, scoreHistoryView, timelineView } from './archive-views.js';

export const ARCHIVE_QUERIES = Symbol('ARCHIVE_QUERIES');

const DEFAULT_LIMIT = 500;
const MAX_LIMIT = 5_000;
const DEFAULT_PERIOD_DAYS = 30;

function limitOf(text: string | undefined): number {
  if (text === undefined) return DEFAULT_LIMIT;
  const limit = Number(text);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT)
    throw new BadRequestException(`limit: expected a whole number from 1 to ${MAX_LIMIT}, got "${text}"`);
  return limit;
}

function timeOf(name: string, text: string | undefined, fallback: Date): Date {
  if (text === undefined) return fallback;
  const time = new Date(text);
  if (Number.isNaN(time.getTime()))
    throw new BadRequestException(
      `${name}: expected an RFC 3339 date-time such as 2026-12-01T00:00:00Z, got "${text}"`,
    );
  return time;
}

/** [from, to): the last 30 days unless given. */
function periodOf(from: string | undefined, to: string | undefined): { from: Date; to: Date } {
  const end = timeOf('to', to, new Date());
  const start = timeOf('from', from, new Date(end.getTime() - DEFAULT_PERIOD_DAYS * 86_400_000));
  if (start >= end) throw new BadRequestException('from: expected a time before to');
  return { from: start, to: end };
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

  @Get('events-per-day')
  async eventsPerDay(
    @Param('workspace') workspace: string,
    @Query('from') from: string | undefined,
    @Query('to') to: string | undefined,
  ): Promise<EventsPerDay> {
    const period = periodOf(from, to);
    const rows = await this.queries.run(AnalyticsQueries.eventsPerTypePerDay, {
      workspace,
      from: clickHouseTimeOf(period.from.getTime()),
      to: clickHouseTimeOf(period.to.getTime()),
    });
    return eventsPerDayView(period.from.toISOString(), period.to.toISOString(), rows);
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
      from: clickHouseTimeOf(period.from.getTime()),
      to: clickHouseTimeOf(period.to.getTime()),
    });
    return deadLetterSummaryView(period.from.toISOString(), period.to.toISOString(), rows);
  }
}
