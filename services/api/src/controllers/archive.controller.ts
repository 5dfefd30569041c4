import { Controller, Get, Inject, Param, Query, UseGuards } from '@nestjs/common';
import {
  contactScoreHistorySchema,
  contactTimelineSchema,
  deadLetterSummarySchema,
  eventsPerDaySchema,
  type ContactScoreHistory,
  type ContactTimeline,
  type DeadLetterSummary,
  type EventsPerDay,
} from '@leadscore/contracts';
import { ApiKeyGuard, RequireAnyScope } from '../auth/api-key.guard.js';
import { AuthenticatedCaller, type Caller } from '../auth/caller.js';
import { Documented, type ParameterDoc } from '../openapi/route-doc.js';
import { ReadArchive } from '../usecases/read-archive.usecase.js';

const CONTACT: ParameterDoc = {
  name: 'contact',
  in: 'path',
  description: 'A contact key (email:…, phone:…, user:…, anon:…); percent-encoded',
  schema: { type: 'string', minLength: 1 },
};
const LIMIT: ParameterDoc = {
  name: 'limit',
  in: 'query',
  description: 'At most this many rows (1–5000, default 500)',
  schema: { type: 'integer', minimum: 1, maximum: 5000 },
};
const PERIOD: readonly ParameterDoc[] = [
  {
    name: 'from',
    in: 'query',
    description: 'Start, RFC 3339 (default: 30 days before `to`)',
    schema: { type: 'string', format: 'date-time' },
  },
  {
    name: 'to',
    in: 'query',
    description: 'End, excluded, RFC 3339 (default: now)',
    schema: { type: 'string', format: 'date-time' },
  },
];
const ARCHIVE_DOWN = { 503: { description: 'The analytics service (the archive) does not answer' } } as const;

/** Histories and trends from the ClickHouse archive (read or admin), through the analytics service. */
@Controller('v1')
@UseGuards(ApiKeyGuard)
export class ArchiveController {
  constructor(@Inject(ReadArchive) private readonly archive: ReadArchive) {}

  @Get('contacts/:contact/history')
  @RequireAnyScope('admin', 'read')
  @Documented({
    tag: 'archive',
    summary: 'A contact’s score history: every change, its cause and the rules behind it',
    description:
      'From the archive: every score change under every model (or `model`), oldest first per model — events and refits, and the decay, expiry, absence and inactivity steps — with the contributions after each.',
    parameters: [
      CONTACT,
      { name: 'model', in: 'query', description: 'Only this model', schema: { type: 'string' } },
      LIMIT,
    ],
    responses: {
      200: { description: 'The contact’s score changes', schema: contactScoreHistorySchema },
      404: { description: 'The archive holds no score change of this contact in the caller’s workspace' },
      ...ARCHIVE_DOWN,
    },
  })
  history(
    @AuthenticatedCaller() caller: Caller,
    @Param('contact') contact: string,
    @Query('model') model: string | undefined,
    @Query('limit') limit: string | undefined,
  ): Promise<ContactScoreHistory> {
    return this.archive.scoreHistory(caller, contact, { model, limit });
  }

  @Get('contacts/:contact/timeline')
  @RequireAnyScope('admin', 'read')
  @Documented({
    tag: 'archive',
    summary: 'A contact’s events, newest first, with the points each gave and by which rules',
    parameters: [CONTACT, LIMIT],
    responses: {
      200: { description: 'The contact’s events', schema: contactTimelineSchema },
      404: { description: 'The archive holds no event of this contact in the caller’s workspace' },
      ...ARCHIVE_DOWN,
    },
  })
  timeline(
    @AuthenticatedCaller() caller: Caller,
    @Param('contact') contact: string,
    @Query('limit') limit: string | undefined,
  ): Promise<ContactTimeline> {
    return this.archive.timeline(caller, contact, { limit });
  }

  @Get('analytics/events-per-day')
  @RequireAnyScope('admin', 'read')
  @Documented({
    tag: 'archive',
    summary: 'Archived events per type per day (UTC)',
    parameters: PERIOD,
    responses: {
      200: { description: 'Events per type per day', schema: eventsPerDaySchema },
      ...ARCHIVE_DOWN,
    },
  })
  eventsPerDay(
    @AuthenticatedCaller() caller: Caller,
    @Query('from') from: string | undefined,
    @Query('to') to: string | undefined,
  ): Promise<EventsPerDay> {
    return this.archive.eventsPerDay(caller, { from, to });
  }

  @Get('analytics/dead-letters')
  @RequireAnyScope('admin', 'read')
  @Documented({
    tag: 'archive',
    summary: 'Rejected input by reason and by where it was rejected',
    parameters: PERIOD,
    responses: {
      200: { description: 'Dead letters by reason', schema: deadLetterSummarySchema },
      ...ARCHIVE_DOWN,
    },
  })
  deadLetters(
    @AuthenticatedCaller() caller: Caller,
    @Query('from') from: string | undefined,
    @Query('to') to: string | undefined,
  ): Promise<DeadLetterSummary> {
    return this.archive.deadLetters(caller, { from, to });
  }
}
