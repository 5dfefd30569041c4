import type { ModelBacktest, ScoringModel } from '@leadscore/contracts';
import { backtestModels, type BacktestReport, type BacktestSide } from '@leadscore/lifecycle';
import { scoringModelRepository } from '@leadscore/persistence';
import type { ApiContext } from '../app/api.context.js';
import { readArchivedPeople } from '../archive/archived-people.js';
import type { Caller } from '../auth/caller.js';
import type { ModelText } from '../http/model-body.js';
import { fail } from '../http/problem-details.js';
import { requireValidModel } from './model-input.js';

/** New and lost MQLs listed in the answer (the counts cover them all). */
export const BACKTEST_LISTED = 100;

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
    const { contacts, truncated, archivedFrom } = await readArchivedPeople(
      this.context,
      caller.workspaceId,
      this.context.backtestMaxContacts,
    );
    const until = this.context.now();
    const report = backtestModels(live, candidate, contacts, until.getTime());
    return modelBacktestOf(candidate.id, report, { from: archivedFrom, until }, truncated);
  }
}
