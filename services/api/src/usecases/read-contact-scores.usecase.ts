import type { WorkspaceId } from '@leadscore/access';
import {
  normalizeSubject,
  type ContactModelScore,
  type ContactScores,
  type ScoringModel,
} from '@leadscore/contracts';
import {
  contactRankRepository,
  contactScoreRepository,
  lifecycleStateRepository,
  scoringModelRepository,
  storedModelOf,
  workspaceSettingsRepository,
  type ContactScoreRow,
  type SqlRunner,
} from '@leadscore/persistence';
import { explainAt, relativeScore, roundScore, type ContactScoreState, type Score } from '@leadscore/scoring';
import type { ApiContext } from '../app/api.context.js';
import type { Caller } from '../auth/caller.js';
import { fail } from '../http/problem-details.js';
import { relativeBasisOf } from '../scores/score-stats.js';

const iso = (ms: number) => new Date(ms).toISOString();

const NOTHING_PUBLISHED = { fit: 0, engagement: 0, total: 0, tier: null, grade: null } as const;

function figures(score: Pick<Score, 'fit' | 'engagement' | 'total' | 'tier' | 'grade'>, at: number) {
  return {
    fit: score.fit,
    engagement: score.engagement,
    total: score.total,
    tier: score.tier,
    grade: score.grade,
    at: iso(at),
  };
}

/**
 * GET /v1/contacts/{contact}: the contact's scores under every model that scored it, each as of now
 * (`explainAt` of libs/scoring on the state the scorer keeps, with the live model version) and as
 * stored by the last event or decay pass, with its lifecycle stage and why it has its score.
 */
export class ReadContactScores {
  constructor(private readonly context: ApiContext) {}

  /** `given` says where the key came from, for errors (the path, or a lookup's query parameter). */
  async execute(
    caller: Caller,
    contactKey: string,
    given: { field: string; words: string } = { field: '{contact}', words: 'in the path' },
  ): Promise<ContactScores> {
    const sql = this.context.dataSource.manager;
    const settings = await workspaceSettingsRepository.find(sql, caller.workspaceId);
    const subject = normalizeSubject(contactKey, { defaultCountry: settings?.defaultCountry ?? undefined });
    if (!subject.ok)
      fail(
        'invalid-request',
        `The contact "${contactKey.slice(0, 80)}" ${given.words} is not a contact key: expected ${subject.expected}. Percent-encode the key if it holds "/" or "?".`,
        [{ field: given.field, expected: subject.expected }],
      );
    const contact = subject.value;
    const rows = await contactScoreRepository.loadMany(sql, [
      { workspaceId: caller.workspaceId, contactId: contact },
    ]);
    if (rows.length === 0)
      fail(
        'not-found',
        `No model has scored the contact "${contact}" in this workspace (yet): its events may still be on their way, or none matched a rule.`,
      );
    const stages = await lifecycleStateRepository.loadMany(
      sql,
      rows.map((row) => ({ workspaceId: row.workspaceId, modelId: row.modelId, contactId: row.contactId })),
      false,
    );
    const ranks = await contactRankRepository.ofContact(
      sql,
      caller.workspaceId,
      contact,
      rows.map((row) => row.modelId),
    );
    const now = this.context.now().getTime();
    const models: ContactModelScore[] = [];
    for (const row of [...rows].sort((a, b) => a.modelId.localeCompare(b.modelId))) {
      const model = await modelFor(sql, caller.workspaceId, row);
      const state = row.state as ContactScoreState;
      const explained = explainAt(model, state, now);
      const stage = stages.get(lifecycleStateRepository.keyOf(row));
      const rank = ranks.get(row.modelId);
      const stats = rank ? await this.context.scoreStats.of(caller.workspaceId, row.modelId) : undefined;
      const percent = rank && stats ? relativeScore(relativeBasisOf(stats), rank.rank.total) : null;
      models.push({
        modelId: row.modelId,
        modelVersion: row.modelVersion,
        liveVersion: model.version,
        now: figures(explained.snapshot, explained.score.at),
        // The stored columns are the state's last published snapshot (none yet: a new contact's zeros).
        stored: {
          ...figures(state.reported ?? NOTHING_PUBLISHED, row.updatedAt.getTime()),
          sequence: row.sequence,
        },
        stage: stage?.stage ?? null,
        relative:
          percent === null || !stats
            ? null
            : { percent: roundScore(percent), basis: 'stored', statsAsOf: stats.asOf.toISOString() },
        contributions: [...explained.contributions],
        sinceLastWrite: explained.sinceLastWrite.map((applied) => ({ ...applied, at: iso(applied.at) })),
        runningAwards: explained.runningAwards.map((award) => ({
          ...award,
          expiresAt: iso(award.expiresAt),
        })),
        waitingAbsences: explained.waitingAbsences.map((absence) => ({
          ...absence,
          dueAt: iso(absence.dueAt),
        })),
      });
    }
    return { contact, models };
  }
}

/** The live version of the row's model (what the next event or decay pass applies), else the row's own. */
async function modelFor(sql: SqlRunner, workspace: WorkspaceId, row: ContactScoreRow): Promise<ScoringModel> {
  const stored =
    (await scoringModelRepository.live(sql, workspace, row.modelId)) ??
    (await scoringModelRepository.find(sql, row.workspaceId, row.modelId, row.modelVersion));
  if (!stored)
    throw new Error(
      `scoring_models has no version of ${row.workspaceId}/${row.modelId}, which scored a contact`,
    );
  return storedModelOf(stored);
}
