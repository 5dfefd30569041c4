import type { ScoringModel } from '@leadscore/contracts';
import {
  scoringModelRepository,
  storedModelOf,
  type DataSource,
  type SqlRunner,
} from '@leadscore/persistence';
import { LRUCache } from 'lru-cache';
import { modelNotFound } from '../usecases/model-input.js';

/** Parsed model versions kept in memory (a version never changes once recorded, so no expiry is needed). */
export const MODEL_VERSIONS_KEPT = 1_000;

/**
 * Model versions as the scorer recorded them, parsed and validated once per process: a contact read
 * needs its model's document on every request, and parsing it (schema validation included) cost more
 * than the rest of the read.
 */
export class ModelDocuments {
  private readonly parsed = new LRUCache<string, ScoringModel>({ max: MODEL_VERSIONS_KEPT });

  constructor(private readonly dataSource: DataSource) {}

  /** One version of a model, or undefined when it was never recorded. */
  async version(workspaceId: string, modelId: string, version: number): Promise<ScoringModel | undefined> {
    const key = `${workspaceId}\u0000${modelId}\u0000${version}`;
    const cached = this.parsed.get(key);
    if (cached) return cached;
    const stored = await scoringModelRepository.find(this.dataSource.manager, workspaceId, modelId, version);
    if (!stored) return undefined;
    const model = storedModelOf(stored);
    this.parsed.set(key, model);
    return model;
  }
}

/** The live version of a model of the caller's workspace; 404 when the workspace has no such model. */
export async function liveVersionOrNotFound(
  sql: SqlRunner,
  workspaceId: string,
  modelId: string,
): Promise<number> {
  const live = await scoringModelRepository.liveVersion(sql, workspaceId, modelId);
  if (live === undefined) modelNotFound(modelId);
  return live;
}
