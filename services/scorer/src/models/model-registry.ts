import { type ScoringModel } from '@leadscore/contracts';

/** The scoring models in force, per workspace; replaced whole when a new version arrives. */
export class ModelRegistry {
  private readonly byWorkspace = new Map<string, Map<string, ScoringModel>>();

  /** Applies a version; an older or equal version than the one in force is ignored. */
  apply(model: ScoringModel): boolean {
    const models = this.byWorkspace.get(model.workspace) ?? new Map<string, ScoringModel>();
    const current = models.get(model.id);
    if (current && current.version >= model.version) return false;
    models.set(model.id, model);
    this.byWorkspace.set(model.workspace, models);
    return true;
  }

  remove(workspace: string, modelId: string): void {
    this.byWorkspace.get(workspace)?.delete(modelId);
  }

  modelsFor(workspace: string): readonly ScoringModel[] {
    return [...(this.byWorkspace.get(workspace)?.values() ?? [])];
  }

  get size(): number {
    let n = 0;
    for (const models of this.byWorkspace.values()) n += models.size;
    return n;
  }
}
