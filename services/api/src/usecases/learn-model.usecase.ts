import type { FeatureMapping, LearnRequest, ModelLearnReport } from '@leadscore/contracts';
import type { BacktestContact } from '@leadscore/lifecycle';
import {
  learnFromLeads,
  leadsFromContacts,
  modelFromLearning,
  parseFeatureMapping,
  parseLeadCsv,
  proposeMapping,
  type ArchivedLead,
  type LearnOptions,
  type LearnReport,
  type LeadTable,
} from '@leadscore/learning';
import { ScoringInputError, profileChangeOf } from '@leadscore/scoring';
import type { ApiContext } from '../app/api.context.js';
import { readArchivedPeople } from '../archive/archived-people.js';
import type { Caller } from '../auth/caller.js';
import { fail } from '../http/problem-details.js';

/** The model id of the YAML when the request names none. */
export const LEARNED_MODEL_ID = 'learned';

/**
 * A contact as learning reads it: its events with their times, each identify or update with the traits
 * it set (libs/scoring `profileChangeOf`, as the scorer reads them), so that `leadsFromContacts` reads the
 * profile as it stood before the outcome.
 */
export function archivedLeadOf(person: BacktestContact): ArchivedLead {
  return {
    contact: person.contact,
    events: person.events.map((event) => {
      const traits = profileChangeOf(event);
      return traits ? { type: event.type, time: event.time, traits } : { type: event.type, time: event.time };
    }),
  };
}

/** The library's report as the answer's `report` (schemas/api/learn-report.schema.json), field by field. */
export function learnReportOf(report: LearnReport): NonNullable<ModelLearnReport['report']> {
  const { leakage, regression, evaluation } = report;
  return {
    leads: report.leads,
    trainLeads: report.trainLeads,
    testLeads: report.testLeads,
    leakage: {
      columns: leakage.columns.map((c) => ({
        name: c.name,
        kind: c.kind,
        auc: c.auc,
        leaky: c.leaky,
        excluded: c.excluded,
        reason: c.reason,
      })),
      included: [...leakage.included],
      excluded: leakage.excluded.map(({ name, reason }) => ({ name, reason })),
      classBalance: { ...leakage.classBalance },
    },
    leftOut: report.leftOut.map(({ column, reason }) => ({ column, reason })),
    closeRates: report.closeRates.map(({ column, field, suggestions }) => ({
      column,
      field,
      suggestions: {
        overall: { ...suggestions.overall },
        suggestions: suggestions.suggestions.map((s) => ({
          leads: s.leads,
          conversions: s.conversions,
          rate: s.rate,
          lift: s.lift,
          value: s.value,
          kind: s.kind,
          pooledValues: [...s.pooledValues],
          points: s.points,
          reason: s.reason,
        })),
        notAnswered:
          suggestions.notAnswered === null
            ? null
            : {
                leads: suggestions.notAnswered.leads,
                conversions: suggestions.notAnswered.conversions,
                rate: suggestions.notAnswered.rate,
                lift: suggestions.notAnswered.lift,
                reason: suggestions.notAnswered.reason,
              },
      },
    })),
    regression: {
      C: regression.C,
      pointsPerLogOdds: regression.pointsPerLogOdds,
      converged: regression.converged,
      iterations: regression.iterations,
      intercept: regression.intercept,
      points: regression.points.map(({ column, coefficient, points }) => ({
        column:
          column.kind === 'category'
            ? {
                kind: 'category' as const,
                source: column.source,
                field: column.field,
                value: column.value,
                ...(column.placeholders ? { placeholders: [...column.placeholders] } : {}),
              }
            : {
                kind: 'count' as const,
                source: column.source,
                event: column.event,
                mean: column.mean,
                sd: column.sd,
              },
        coefficient,
        points,
      })),
    },
    evaluation: {
      count: evaluation.count,
      positives: evaluation.positives,
      rocAuc: evaluation.rocAuc,
      accuracy: evaluation.accuracy,
      brierScore: evaluation.brierScore,
      logLoss: evaluation.logLoss,
      calibration: evaluation.calibration.map((bin) => ({ ...bin })),
    },
  };
}

/** What the library refused (a CSV line, a mapping path, too few leads), as a 422 with its words. */
function unprocessable(error: unknown, what: string): never {
  if (error instanceof ScoringInputError)
    fail('invalid-leads', `${what}: ${error.message}`, errorsOf(error.message));
  throw error;
}

/** A CSV problem's line (and column, when the message names one), as the problem's field. */
function errorsOf(message: string): { field: string; expected: string }[] | undefined {
  const at = /^CSV line (\d+)(?:, column "([^"]*)")?/.exec(message);
  if (!at) return undefined;
  return [
    {
      field: `csv: line ${at[1]}${at[2] === undefined ? '' : `, column "${at[2]}"`}`,
      expected: message.slice(at[0].length).replace(/^:\s*/, ''),
    },
  ];
}

/**
 * Learns points from past leads (libs/learning), nothing stored: a CSV sent as text through a reviewed
 * mapping (without one: the proposal alone, to review and send back), or the workspace's archived
 * contacts whose outcomes were recorded through the api, read as the backtest reads them (every page,
 * merged contacts under their survivor, at most API_BACKTEST_MAX_CONTACTS).
 */
export class LearnModel {
  constructor(private readonly context: ApiContext) {}

  async execute(caller: Caller, request: LearnRequest): Promise<ModelLearnReport> {
    const options: LearnOptions = request.options ?? {};
    const model = { id: request.model?.id ?? LEARNED_MODEL_ID, name: request.model?.name };
    const mapping = request.mapping === undefined ? undefined : this.reviewedMapping(request.mapping);
    if (request.source === 'csv') {
      let table: LeadTable;
      try {
        table = parseLeadCsv(request.csv ?? '');
      } catch (error) {
        return unprocessable(error, 'The CSV cannot be read');
      }
      if (mapping === undefined) {
        let proposal: FeatureMapping;
        try {
          proposal = proposeMapping(table);
        } catch (error) {
          return unprocessable(error, 'No mapping can be proposed');
        }
        return {
          source: 'csv',
          status: 'mapping-proposed',
          detail: `Nothing learned yet: review the proposed mapping of the ${table.columns.length} columns (map each count to the event type the live scorer counts, each category to its profile field, ignore what is not about the lead), then send it back as \`mapping\` with the same CSV.`,
          mapping: proposal,
          contacts: null,
          report: null,
          model: null,
        };
      }
      const report = this.learn(table, mapping, options, 'The CSV cannot be learned from');
      return {
        source: 'csv',
        status: 'learned',
        detail: `Learned from ${report.leads} leads of the CSV (${report.testLeads} held out to evaluate). Review the model, then diff, backtest and apply it.`,
        mapping,
        contacts: null,
        report: learnReportOf(report),
        model: modelFromLearning(report, { id: model.id, name: model.name ?? 'Learned from a CRM export' }),
      };
    }
    if (request.csv !== undefined)
      return fail(
        'invalid-request',
        'csv: expected no CSV with source contacts (the leads are the archived contacts); send source csv to learn from a file.',
        [{ field: 'csv', expected: 'nothing: only with source csv' }],
      );
    if (mapping === undefined)
      return fail(
        'invalid-request',
        'mapping: expected a value: learning from contacts needs a mapping (which profile field each category reads, which event type each count counts).',
        [{ field: 'mapping', expected: 'a value: it is required with source contacts' }],
      );
    const people = await readArchivedPeople(
      this.context,
      caller.workspaceId,
      this.context.backtestMaxContacts,
    );
    const leads = leadsFromContacts(people.contacts.map(archivedLeadOf), mapping);
    const contacts = {
      archived: people.contacts.length,
      labelled: leads.table.rows.length,
      unlabelled: leads.unlabelled,
      truncated: people.truncated,
      archivedFrom: people.archivedFrom,
    };
    if (leads.table.rows.length === 0)
      return fail(
        'invalid-leads',
        `No archived contact of this workspace has an outcome yet (${people.contacts.length} read, all left out as unlabelled): record won, converted or lost outcomes (POST /v1/contacts/{contact}/outcomes), then learn again.`,
      );
    const report = this.learn(leads.table, leads.mapping, options, 'The contacts cannot be learned from');
    return {
      source: 'contacts',
      status: 'learned',
      detail: `Learned from ${report.leads} contacts with an outcome (${leads.unlabelled} of ${people.contacts.length} left out: no outcome yet${people.truncated ? `; only the first ${people.contacts.length} archived contacts were read` : ''}). Review the model, then diff, backtest and apply it.`,
      mapping,
      contacts,
      report: learnReportOf(report),
      model: modelFromLearning(report, {
        id: model.id,
        name: model.name ?? 'Learned from recorded outcomes',
      }),
    };
  }

  /** The mapping's own checks beyond its schema (a column mapped twice), with the library's words. */
  private reviewedMapping(mapping: FeatureMapping): FeatureMapping {
    try {
      return parseFeatureMapping(JSON.stringify(mapping), 'mapping');
    } catch (error) {
      return unprocessable(error, 'The mapping cannot be used');
    }
  }

  private learn(table: LeadTable, mapping: FeatureMapping, options: LearnOptions, what: string): LearnReport {
    try {
      return learnFromLeads(table, mapping, options);
    } catch (error) {
      return unprocessable(error, what);
    }
  }
}
