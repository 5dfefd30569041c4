import type { ModelBacktest, ReplayContact, ScoringModel } from '@leadscore/contracts';
import {
  backtestModels,
  type BacktestContact,
  type BacktestReport,
  type BacktestSide,
} from '@leadscore/lifecycle';
import { contactAliasRepository, scoringModelRepository } from '@leadscore/persistence';
import { stitchedReplayOrder } from '@leadscore/scoring';
import type { ApiContext } from '../app/api.context.js';
import type { Caller } from '../auth/caller.js';
import type { ModelText } from '../http/model-body.js';
import { fail } from '../http/problem-details.js';
import { requireValidModel } from './model-input.js';

/** New and lost MQLs listed in the answer (the counts cover them all). */
export const BACKTEST_LISTED = 100;

/** A contact's archived events as the pure engine replays them (times as epoch ms). */
export function backtestContactOf(archived: ReplayContact): BacktestContact {
  return {
    contact: archived.contact,
    events: archived.events.map((event) => ({
      id: event.id,
      source: event.source,
      type: event.type,
      data: event.data,
      time: Date.parse(event.time),
    })),
  };
}

function sideOf(side: BacktestSide): ModelBacktest['live'] {
  const { outcomes } = side;
  return {
    model: { id: side.model.id, version: side.model.version },
    tiers: { ...side.tiers },
    stages: { ...side.stages },
    outcomes: {
      known: outcomes.known,
      converted: outcomes.converted,
      rocAuc: outcomes.rocAuc,
      byTier: outcomes.byTier.map(({ group, contacts, converted, rate }) => ({
        tier: group,
        contacts,
        converted,
        rate,
      })),
      thresholds: outcomes.thresholds.map((t) => ({
        threshold: t.threshold,
        predictedPositive: t.predictedPositive,
        truePositive: t.truePositive,
        falsePositive: t.falsePositive,
        falseNegative: t.falseNegative,
        precision: t.precision,
        recall: t.recall,
        f1: t.f1,
      })),
      deciles: outcomes.deciles.map((d) => ({
        decile: d.decile,
        contacts: d.contacts,
        converted: d.converted,
        rate: d.rate,
        lift: d.lift,
      })),
    },
  };
}

/** The pure engine's report as the api's answer (schemas/api/model-backtest.schema.json). */
export function modelBacktestOf(
  modelId: string,
  report: BacktestReport,
  period: { readonly from: string | null; readonly until: Date },
  truncated: boolean,
): ModelBacktest {
  return {
    modelId,
    period: { from: period.from, until: period.until.toISOString() },
    contacts: report.contacts,
    truncated,
    moved: { ...report.moved },
    newMql: {
      count: report.newMql.length,
      first: report.newMql
        .slice(0, BACKTEST_LISTED)
        .map(({ contact, at }) => ({ contact, at: new Date(at).toISOString() })),
    },
    lostMql: { count: report.lostMql.length, first: report.lostMql.slice(0, BACKTEST_LISTED) },
    live: sideOf(report.live),
    candidate: sideOf(report.candidate),
  };
}

/**
 * A candidate model against the live version of the same id, on the workspace's archived contacts
 * (read page by page from the analytics service, at most `maxContacts`): nothing is stored or published.
 */
export class BacktestModel {
  constructor(private readonly context: ApiContext) {}

  async execute(caller: Caller, input: ModelText): Promise<ModelBacktest> {
    const candidate = requireValidModel(input, caller.workspaceId);
    const { dataSource, modelDocuments } = this.context;
    const liveVersion = await scoringModelRepository.liveVersion(
      dataSource.manager,
      caller.workspaceId,
      candidate.id,
    );
    const live: ScoringModel | undefined =
      liveVersion === undefined
        ? undefined
        : await modelDocuments.version(caller.workspaceId, candidate.id, liveVersion);
    if (!live)
      return fail(
        'not-found',
        `The model "${candidate.id}" has no live version in this workspace: a backtest compares a candidate against the live version of the same id, so apply the model first (POST /v1/models, or leadscore model apply), then backtest its next version.`,
      );
    const { contacts, truncated, archivedFrom } = await this.archivedContacts(caller);
    const until = this.context.now();
    const report = backtestModels(live, candidate, contacts, until.getTime());
    return modelBacktestOf(candidate.id, report, { from: archivedFrom, until }, truncated);
  }

  /**
   * Every archived contact of the caller's workspace up to the limit, in key order, as one person per
   * identity: a contact merged into another is left out, its events (before the merge) count under its
   * survivor, interleaved as the merge replayed them (libs/scoring `stitchedReplayOrder`).
   */
  private async archivedContacts(caller: Caller): Promise<{
    contacts: BacktestContact[];
    truncated: boolean;
    archivedFrom: string | null;
  }> {
    const max = this.context.backtestMaxContacts;
    const contacts: BacktestContact[] = [];
    let archivedFrom: string | null = null;
    let after: string | undefined;
    for (let first = true; ; first = false) {
      const page = await this.context.archive.replayContacts(caller.workspaceId, after);
      if (first) archivedFrom = page.archivedFrom ?? null;
      for (const person of await this.peopleOf(caller.workspaceId, page.contacts)) {
        if (contacts.length === max) return { contacts, truncated: true, archivedFrom };
        contacts.push(person);
      }
      // A page without contacts ends the walk too: a `next` that does not move on would never end it.
      if (page.next === null || page.contacts.length === 0)
        return { contacts, truncated: false, archivedFrom };
      if (contacts.length === max) return { contacts, truncated: true, archivedFrom };
      after = page.next;
    }
  }

  /** A page's contacts without those merged into another, each survivor with its merged contacts' events. */
  private async peopleOf(workspace: string, page: readonly ReplayContact[]): Promise<BacktestContact[]> {
    const manager = this.context.dataSource.manager;
    const keys = page.map((c) => ({ workspaceId: workspace, contactId: c.contact }));
    const [mergedAway, mergedInto] = await Promise.all([
      contactAliasRepository.aliasesAmong(manager, keys),
      contactAliasRepository.mergedIntoAny(
        manager,
        workspace,
        page.map((c) => c.contact),
      ),
    ]);
    const mergedEvents =
      mergedInto.length === 0
        ? []
        : await this.context.archive.replayEvents(
            workspace,
            mergedInto.map((alias) => alias.alias),
          );
    return page.flatMap((archived): BacktestContact[] => {
      if (
        mergedAway.has(contactAliasRepository.keyOf({ workspaceId: workspace, contactId: archived.contact }))
      )
        return [];
      const merged = mergedInto.filter((alias) => alias.survivor === archived.contact);
      if (merged.length === 0) return [backtestContactOf(archived)];
      const events = stitchedReplayOrder({
        survivor: archived.contact,
        merged: merged.map((alias) => ({ contact: alias.alias, through: alias.through })),
        archived: [
          ...archived.events.map((event) => ({ ...event, contact: archived.contact })),
          ...mergedEvents.filter((event) => merged.some((alias) => alias.alias === event.contact)),
        ],
      });
      return [{ contact: archived.contact, events }];
    });
  }
}
