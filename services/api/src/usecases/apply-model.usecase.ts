import { diffModels, type ModelApplied, type ScoringModel } from '@leadscore/contracts';
import { auditLogRepository, scoringModelRepository } from '@leadscore/persistence';
import type { ApiContext } from '../app/api.context.js';
import type { Caller } from '../auth/caller.js';
import type { ModelText } from '../http/model-body.js';
import { fail, failRetryable } from '../http/problem-details.js';
import { requireValidModel } from './model-input.js';
import { modelVersionView } from './model-version.view.js';

/** Retry-After of a 503 when Kafka did not acknowledge the model. */
const APPLY_RETRY_AFTER_SECONDS = 5;

/**
 * An admin applies a model to its workspace: validated as the scorer will, refused (409) unless its
 * version is above the live one, then — in one transaction, applies of the same model serialised —
 * recorded in scoring_models with its source text and the acting key, audited `model.applied`, and
 * published on leads.models.v1 (key `<workspace>:<id>`). The transaction commits only once Kafka
 * acknowledged the record; when Kafka does not, nothing is recorded and the answer is 503.
 */
export class ApplyModel {
  constructor(private readonly context: ApiContext) {}

  async execute(caller: Caller, input: ModelText): Promise<ModelApplied> {
    const model = requireValidModel(input, caller.workspaceId);
    const at = this.context.now();
    return this.context.dataSource.transaction(async (sql) => {
      await scoringModelRepository.lockModel(sql, caller.workspaceId, model.id);
      const live = await scoringModelRepository.live(sql, caller.workspaceId, model.id);
      if (live && live.version >= model.version)
        fail(
          'conflict',
          `Version ${live.version} of the model "${model.id}" is live (applied ${live.appliedAt.toISOString()}); a version is applied once and only above the live one. Set version: ${live.version + 1} and send it again (POST /v1/models/diff shows what it changes).`,
        );
      const diff = diffModels(live?.document as ScoringModel | undefined, model);
      const recorded = await scoringModelRepository.recordApplied(sql, {
        workspaceId: caller.workspaceId,
        modelId: model.id,
        version: model.version,
        document: model,
        appliedAt: at,
        source: input.text,
        sourceFormat: input.format,
        appliedBy: caller.actor,
      });
      if (!recorded)
        // Only a version below the live one can exist already: the live one was checked above.
        fail(
          'conflict',
          `Version ${model.version} of the model "${model.id}" was applied before; set a version above ${live?.version ?? model.version} and send it again.`,
        );
      await auditLogRepository.append(sql, [
        {
          workspaceId: caller.workspaceId,
          actor: caller.actor,
          action: 'model.applied',
          target: model.id,
          details: {
            version: model.version,
            previousVersion: live?.version ?? null,
            name: model.name,
            format: input.format,
            rulesAdded: diff.rules.added.length,
            rulesRemoved: diff.rules.removed.length,
            rulesChanged: diff.rules.changed.length,
            sectionsChanged: diff.sections.map((section) => section.section),
          },
          at,
        },
      ]);
      try {
        await this.context.producer.send(this.context.topics.models, [
          { key: `${model.workspace}:${model.id}`, value: JSON.stringify(model) },
        ]);
      } catch {
        failRetryable(
          'unavailable',
          `Kafka did not acknowledge the model, so version ${model.version} of "${model.id}" was not applied (nothing was recorded). Send it again after ${APPLY_RETRY_AFTER_SECONDS} s; GET /readyz shows whether Kafka is reachable.`,
          APPLY_RETRY_AFTER_SECONDS,
        );
      }
      const version = modelVersionView(
        {
          modelId: model.id,
          version: model.version,
          name: model.name,
          appliedAt: at,
          appliedBy: caller.actor,
          sourceFormat: input.format,
        },
        model.version,
      );
      return { version, diff };
    });
  }
}
