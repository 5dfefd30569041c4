import type {
  ContactScoreHistory,
  ContactTimeline,
  DeadLetterSummary,
  EventsPerDay,
  LeadFunnel,
  ScoreDistributionAt,
  TopRules,
} from '@leadscore/contracts';
import type { ApiContext } from '../app/api.context.js';
import type { Caller } from '../auth/caller.js';
import { fail } from '../http/problem-details.js';
import { liveVersionOrNotFound } from '../scores/model-documents.js';
import { contactKeyOf } from './contact-key.js';

export interface Period {
  readonly from?: string | undefined;
  readonly to?: string | undefined;
}

/**
 * The archive's answers for the caller's workspace (services/analytics over HTTP): a contact's score
 * history and timeline (404 when the archive holds nothing of it), events per day, dead letters; and a
 * model's distribution at a point in time, funnel and top rules (404 when the workspace has no such model).
 */
export class ReadArchive {
  constructor(private readonly context: ApiContext) {}

  async scoreHistory(
    caller: Caller,
    contactKey: string,
    query: { model?: string | undefined; limit?: string | undefined },
  ): Promise<ContactScoreHistory> {
    const contact = await contactKeyOf(this.context, caller, contactKey);
    const history = await this.context.archive.get<ContactScoreHistory>(
      caller.workspaceId,
      `/contacts/${encodeURIComponent(contact)}/score-history`,
      query,
    );
    if (history.changes.length === 0)
      fail(
        'not-found',
        `The archive holds no score change of the contact "${contact}"${query.model ? ` under the model "${query.model}"` : ''} in this workspace (yet).`,
      );
    return history;
  }

  async timeline(
    caller: Caller,
    contactKey: string,
    query: { limit?: string | undefined },
  ): Promise<ContactTimeline> {
    const contact = await contactKeyOf(this.context, caller, contactKey);
    const timeline = await this.context.archive.get<ContactTimeline>(
      caller.workspaceId,
      `/contacts/${encodeURIComponent(contact)}/timeline`,
      query,
    );
    if (timeline.events.length === 0)
      fail('not-found', `The archive holds no event of the contact "${contact}" in this workspace (yet).`);
    return timeline;
  }

  eventsPerDay(caller: Caller, period: Period): Promise<EventsPerDay> {
    return this.context.archive.get<EventsPerDay>(caller.workspaceId, '/events-per-day', { ...period });
  }

  deadLetters(caller: Caller, period: Period): Promise<DeadLetterSummary> {
    return this.context.archive.get<DeadLetterSummary>(caller.workspaceId, '/dead-letters', { ...period });
  }

  async distributionAt(
    caller: Caller,
    modelId: string,
    query: { at?: string | undefined; bucketWidth?: string | undefined },
  ): Promise<ScoreDistributionAt> {
    return this.context.archive.get<ScoreDistributionAt>(
      caller.workspaceId,
      await this.modelPath(caller, modelId, 'distribution'),
      query,
    );
  }

  async funnel(caller: Caller, modelId: string, period: Period): Promise<LeadFunnel> {
    return this.context.archive.get<LeadFunnel>(
      caller.workspaceId,
      await this.modelPath(caller, modelId, 'funnel'),
      { ...period },
    );
  }

  async topRules(
    caller: Caller,
    modelId: string,
    query: Period & { limit?: string | undefined },
  ): Promise<TopRules> {
    return this.context.archive.get<TopRules>(
      caller.workspaceId,
      await this.modelPath(caller, modelId, 'top-rules'),
      { ...query },
    );
  }

  private async modelPath(caller: Caller, modelId: string, view: string): Promise<string> {
    await liveVersionOrNotFound(this.context.dataSource.manager, caller.workspaceId, modelId);
    return `/models/${encodeURIComponent(modelId)}/${view}`;
  }
}
