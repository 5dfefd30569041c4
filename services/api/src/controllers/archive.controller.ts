import { Controller, Get, Inject, Param, Query, UseGuards } from '@nestjs/common';
import {
  contactLifecycleSchema,
  contactScoreHistorySchema,
  contactTimelineSchema,
  deadLetterSummarySchema,
  eventsPerDaySchema,
  leadFunnelSchema,
  scoreDistributionAtSchema,
  topRulesSchema,
  type ContactLifecycleLog,
  type ContactScoreHistory,
  type ContactTimeline,
  type DeadLetterSummary,
  type EventsPerDay,
  type LeadFunnel,
  type ScoreDistributionAt,
  type TopRules,
} from '@leadscore/contracts';
import { ApiKeyGuard, RequireAnyScope } from '../auth/api-key.guard.js';
import { AuthenticatedCaller, type Caller } from '../auth/caller.js';
import { Documented, type ParameterDoc } from '../openapi/route-doc.js';
import { ReadArchive } from '../usecases/read-archive.usecase.js';
import { ReadContactLifecycle } from '../usecases/read-contact-lifecycle.usecase.js';
import { ID_PARAMETER, modelId } from './models.controller.js';

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
const NO_MODEL = { 404: { description: 'The workspace has no such model' } } as const;
const ARCHIVE_DOWN = { 503: { description: 'The analytics service (the archive) does not answer' } } as const;

/** Histories and trends from the ClickHouse archive (read or admin), through the analytics service. */
@Controller('v1')
@UseGuards(ApiKeyGuard)
export class ArchiveController {
  constructor(
    @Inject(ReadArchive) private readonly archive: ReadArchive,
    @Inject(ReadContactLifecycle) private readonly readLifecycle: ReadContactLifecycle,
  ) {}

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

  @Get('contacts/:contact/lifecycle')
  @RequireAnyScope('admin', 'read')
  @Documented({
    tag: 'archive',
    summary: 'A contact’s tier and stage transitions and the webhook deliveries about it',
    description:
      'Transitions under every model from the archive, and the newest 200 CRM webhook deliveries from PostgreSQL; both newest first.',
    parameters: [CONTACT],
    responses: {
      200: { description: 'Transitions and deliveries', schema: contactLifecycleSchema },
      404: { description: 'No score, transition or delivery of this contact in the caller’s workspace' },
      ...ARCHIVE_DOWN,
    },
  })
  lifecycle(
    @AuthenticatedCaller() caller: Caller,
    @Param('contact') contact: string,
  ): Promise<ContactLifecycleLog> {
    return this.readLifecycle.execute(caller, contact);
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

  @Get('analytics/models/:id/distribution')
  @RequireAnyScope('admin', 'read')
  @Documented({
    tag: 'archive',
    summary: 'How a model’s scores stood at a point in time: percentiles, histogram, tiers',
    description:
      'From the archive: each contact’s latest score change at or before `at` (default: now). GET /v1/models/{id}/distribution answers for now from the live scores.',
    parameters: [
      ID_PARAMETER,
      {
        name: 'at',
        in: 'query',
        description: 'The point in time, RFC 3339 (default: now)',
        schema: { type: 'string', format: 'date-time' },
      },
      {
        name: 'bucketWidth',
        in: 'query',
        description: 'Points per histogram bucket (1–1000000, default 10)',
        schema: { type: 'integer', minimum: 1, maximum: 1_000_000 },
      },
    ],
    responses: {
      200: { description: 'The distribution at that time', schema: scoreDistributionAtSchema },
      ...NO_MODEL,
      ...ARCHIVE_DOWN,
    },
  })
  distributionAt(
    @AuthenticatedCaller() caller: Caller,
    @Param('id') id: string,
    @Query('at') at: string | undefined,
    @Query('bucketWidth') bucketWidth: string | undefined,
  ): Promise<ScoreDistributionAt> {
    return this.archive.distributionAt(caller, modelId(id), { at, bucketWidth });
  }

  @Get('analytics/models/:id/funnel')
  @RequireAnyScope('admin', 'read')
  @Documented({
    tag: 'archive',
    summary: 'A model’s funnel by cohort week: leads, MQLs, SQLs, conversion, time to MQL',
    description:
      'Contacts that became leads (their first score change under the model) in [from, to), by the week (from Monday, UTC) that happened, with how many have reached MQL and SQL by now and the median and p90 time from lead to MQL.',
    parameters: [ID_PARAMETER, ...PERIOD],
    responses: {
      200: { description: 'The cohorts', schema: leadFunnelSchema },
      ...NO_MODEL,
      ...ARCHIVE_DOWN,
    },
  })
  funnel(
    @AuthenticatedCaller() caller: Caller,
    @Param('id') id: string,
    @Query('from') from: string | undefined,
    @Query('to') to: string | undefined,
  ): Promise<LeadFunnel> {
    return this.archive.funnel(caller, modelId(id), { from, to });
  }

  @Get('analytics/models/:id/top-rules')
  @RequireAnyScope('admin', 'read')
  @Documented({
    tag: 'archive',
    summary: 'The rules that gave the most points under a model',
    description:
      'Each award counts its own points (what the rule is worth after it minus before it), not the rule’s running total; decay is not an award. A score change lists its 10 largest contributions, so a small award to a contact with more than 10 rules is not counted.',
    parameters: [
      ID_PARAMETER,
      ...PERIOD,
      {
        name: 'limit',
        in: 'query',
        description: 'At most this many rules (1–1000, default 20)',
        schema: { type: 'integer', minimum: 1, maximum: 1000 },
      },
    ],
    responses: {
      200: { description: 'Rules by points given', schema: topRulesSchema },
      ...NO_MODEL,
      ...ARCHIVE_DOWN,
    },
  })
  topRules(
    @AuthenticatedCaller() caller: Caller,
    @Param('id') id: string,
    @Query('from') from: string | undefined,
    @Query('to') to: string | undefined,
    @Query('limit') limit: string | undefined,
  ): Promise<TopRules> {
    return this.archive.topRules(caller, modelId(id), { from, to, limit });
  }
}
