import type { ScoringModel } from '@leadscore/contracts';
import type { RankedScoreRow } from '@leadscore/persistence';
import { nextAttentionAt, rankOf, type ContactScoreState } from '@leadscore/scoring';

/**
 * The `contact_scores` row (and rank) of a state as every score writer stores it: the published
 * (rounded) figures of its last change, the state itself, the unrounded total it ranks by, and when
 * it next needs the decay service.
 */
export function scoreRowOf(
  workspace: string,
  model: ScoringModel,
  contact: string,
  state: ContactScoreState,
): RankedScoreRow {
  const reported = state.reported;
  const attentionAt = nextAttentionAt(model, state);
  return {
    workspaceId: workspace,
    modelId: model.id,
    contactId: contact,
    modelVersion: model.version,
    sequence: state.sequence,
    fit: reported?.fit ?? 0,
    engagement: reported?.engagement ?? 0,
    total: reported?.total ?? 0,
    tier: reported?.tier ?? null,
    grade: reported?.grade ?? null,
    state,
    updatedAt: new Date(state.asOf),
    rank: rankOf(model, state),
    attentionAt: attentionAt === null ? null : new Date(attentionAt),
  };
}
