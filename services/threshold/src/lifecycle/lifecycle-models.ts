import { type Lifecycle, type ScoringModel } from '@leadscore/contracts';
import { scoringModelRepository, storedModelOf, type SqlRunner } from '@leadscore/persistence';

/** The part of a model the threshold service reads. */
export interface LifecycleModel {
  readonly lifecycle: Lifecycle | undefined;
  /** The tiers, whose named steps (under named tiers) transitions walk. */
  readonly tiers: ScoringModel['tiers'];
  /** Account scoring: members' changes under this version roll up into their accounts. */
  readonly accounts: ScoringModel['accounts'];
}

/**
 * Model versions by (workspace, model, version), read from `scoring_models` (the scorer records every
 * version it applies). A version never changes, so each is read and validated once per process.
 */
export class LifecycleModels {
  private readonly cache = new Map<string, LifecycleModel | null>();

  async find(
    sql: SqlRunner,
    workspace: string,
    modelId: string,
    version: number,
  ): Promise<LifecycleModel | null> {
    const key = `${workspace}\u0000${modelId}\u0000${version}`;
    const cached = this.cache.get(key);
    if (cached !== undefined) return cached;
    const row = await scoringModelRepository.find(sql, workspace, modelId, version);
    // Not cached when missing: the scorer may record it a moment later.
    if (!row) return null;
    const model = storedModelOf(row);
    const found: LifecycleModel = {
      lifecycle: model.lifecycle,
      tiers: model.tiers,
      accounts: model.accounts,
    };
    this.cache.set(key, found);
    return found;
  }
}
