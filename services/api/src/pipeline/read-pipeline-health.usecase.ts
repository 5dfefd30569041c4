import type { PipelineMetricsGateway } from './pipeline-metrics-gateway.js';
import type { PipelineHealth } from '@leadscore/contracts';
import { pipelineHealthOf, type PipelineSnapshot } from './pipeline-health.js';

/** What the use case needs of ApiContext (which gives it `pipelineMetrics` from PIPELINE_METRICS_URLS). */
export interface PipelineHealthContext {
  readonly pipelineMetrics: PipelineMetricsGateway;
  readonly now: () => Date;
}

/**
 * A call this soon after the previous scrape gets that scrape's answer again, so that several consoles
 * polling together neither load the services nor compute rates over a few milliseconds.
 */
export const PIPELINE_HEALTH_MIN_INTERVAL_MS = 1_000;

/**
 * The pipeline's health from the services' metrics (GET /v1/pipeline/health). Rates compare each scrape
 * with the previous one, kept here in memory (per api instance); callers arriving while a scrape runs
 * share it.
 */
export class ReadPipelineHealth {
  private previous: { readonly snapshot: PipelineSnapshot; readonly answer: PipelineHealth } | undefined;
  private running: Promise<PipelineHealth> | undefined;

  constructor(private readonly context: PipelineHealthContext) {}

  execute(): Promise<PipelineHealth> {
    const previous = this.previous;
    const age = previous ? this.context.now().getTime() - previous.snapshot.at.getTime() : undefined;
    if (previous && age !== undefined && age >= 0 && age < PIPELINE_HEALTH_MIN_INTERVAL_MS)
      return Promise.resolve(previous.answer);
    this.running ??= this.scrape().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async scrape(): Promise<PipelineHealth> {
    const at = this.context.now();
    const snapshot: PipelineSnapshot = { at, services: await this.context.pipelineMetrics.scrape() };
    const answer = pipelineHealthOf(snapshot, this.previous?.snapshot);
    this.previous = { snapshot, answer };
    return answer;
  }
}
