import type { ContactModelScore, ContactScores } from '@leadscore/contracts';
import { contactAliasRepository, contactReadRepository } from '@leadscore/persistence';
import { explainAt, relativeScore, roundScore, type ContactScoreState, type Score } from '@leadscore/scoring';
import type { ApiContext } from '../app/api.context.js';
import type { Caller } from '../auth/caller.js';
import { fail } from '../http/problem-details.js';
import { relativeBasisOf } from '../scores/score-stats.js';
import { IN_THE_PATH, contactKeyOf, type GivenAs } from './contact-key.js';

const iso = (ms: number) => new Date(ms).toISOString();

const NOTHING_PUBLISHED = { fit: 0, engagement: 0, total: 0, tier: null, grade: null } as const;

function figures(
  score: Pick<Score, 'fit' | 'engagement' | 'total' | 'tier' | 'tierName' | 'grade' | 'probability'>,
  at: number,
) {
  return {
    fit: score.fit,
    engagement: score.engagement,
    total: score.total,
    tier: score.tier,
    ...(score.tierName === undefined ? {} : { tierName: score.tierName }),
    grade: score.grade,
    ...(score.probability === undefined ? {} : { probability: score.probability }),
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
  async execute(caller: Caller, contactKey: string, given: GivenAs = IN_THE_PATH): Promise<ContactScores> {
    const sql = this.context.dataSource.manager;
    const asked = await contactKeyOf(this.context, caller, contactKey, given);
    // Any of a contact's identities finds it: a merged-away key answers with its survivor.
    const {
      survivor: contact,
      mergedAway,
      aliases: identities,
    } = await contactAliasRepository.identitiesOf(sql, { workspaceId: caller.workspaceId, contactId: asked });
    const reads = await contactReadRepository.load(sql, caller.workspaceId, contact);
    if (reads.length === 0)
      fail(
        'not-found',
        `No model has scored the contact "${contact}" in this workspace (yet): its events may still be on their way, or none matched a rule.`,
      );
    const now = this.context.now().getTime();
    const models: ContactModelScore[] = [];
    for (const { score: row, stage, rank, liveVersion } of reads) {
      const model = await this.context.modelDocuments.version(row.workspaceId, row.modelId, liveVersion);
      if (!model)
        throw new Error(`scoring_models has no version ${liveVersion} of ${row.workspaceId}/${row.modelId}`);
      const state = row.state as ContactScoreState;
      const explained = explainAt(model, state, now);
      const stats = rank ? await this.context.scoreStats.of(caller.workspaceId, row.modelId) : undefined;
      const percent = rank && stats ? relativeScore(relativeBasisOf(stats), rank.total) : null;
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
        stage,
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
        frequencyCounts: explained.frequencyCounts.map((count) => ({
          ...count,
          oldestLeavesAt: count.oldestLeavesAt === null ? null : iso(count.oldestLeavesAt),
        })),
        ...(explained.predictiveContributions
          ? { predictiveContributions: explained.predictiveContributions.map((c) => ({ ...c })) }
          : {}),
      });
    }
    return {
      contact,
      ...(mergedAway ? { mergedFrom: asked } : {}),
      ...(identities.length > 0 ? { identities } : {}),
      models,
    };
  }
}
