import type { ServiceScrape } from './pipeline-health.js';
import { parsePrometheusText } from './prometheus-text.js';

/** One service's /metrics endpoint (PIPELINE_METRICS_URLS: `name=url`). */
export interface MetricsTarget {
  readonly name: string;
  readonly url: string;
}

/** How long one service may take to answer /metrics (its whole body) before it counts as down. */
export const METRICS_SCRAPE_TIMEOUT_MS = 1_500;

/**
 * The pipeline services' Prometheus endpoints (PIPELINE_METRICS_URLS): `scrape()` asks every one at
 * once and never fails — a service that does not answer 200 with readable metrics within the timeout
 * is down, with the reason.
 */
export class PipelineMetricsGateway {
  constructor(
    readonly targets: readonly MetricsTarget[],
    private readonly timeoutMs = METRICS_SCRAPE_TIMEOUT_MS,
  ) {}

  scrape(): Promise<ServiceScrape[]> {
    return Promise.all(this.targets.map((target) => this.scrapeOne(target)));
  }

  private async scrapeOne({ name, url }: MetricsTarget): Promise<ServiceScrape> {
    try {
      const response = await fetch(url, {
        headers: { accept: 'text/plain;version=0.0.4;q=1,*/*;q=0.1' },
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      if (!response.ok) {
        await response.body?.cancel();
        return { name, up: false, reason: `${url} answered ${response.status} ${response.statusText}` };
      }
      return { name, up: true, metrics: parsePrometheusText(await response.text()) };
    } catch (error) {
      return { name, up: false, reason: `${url}: ${reasonOf(error, this.timeoutMs)}` };
    }
  }
}

function reasonOf(error: unknown, timeoutMs: number): string {
  if (error instanceof DOMException && error.name === 'TimeoutError')
    return `no answer within ${timeoutMs} ms`;
  if (error instanceof Error)
    return error.cause instanceof Error ? `${error.message} (${error.cause.message})` : error.message;
  return String(error);
}
