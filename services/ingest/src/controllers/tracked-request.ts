import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from '@leadscore/observability';
import type { WorkspaceDirectory } from '../auth/workspace-directory.js';
import { EventIngestion } from '../app/event-ingestion.js';
import { INGEST_LOGGER, WORKSPACE_DIRECTORY } from '../app/ingest.tokens.js';
import { ProblemError } from '../http/problem-details.js';

/** The one event a signed tracking request (pixel open, email click) records. */
export interface TrackedEvent {
  readonly id: string;
  readonly source: string;
  readonly type: string;
  readonly subject: string;
  readonly data: Record<string, unknown>;
}

/**
 * What the pixel and the click link share: their answer (the GIF, the redirect) is the same whatever
 * Kafka says, so the event is handed to the producer without waiting for its ack
 * (EventPublisher.publishDetached counts, and logs on failure, its outcome); the answer waits only when
 * the producer pushes back. An event ingest refuses (rate limit, invalid subject) is logged and the
 * answer sent regardless.
 */
@Injectable()
export class TrackedRequests {
  constructor(
    private readonly ingestion: EventIngestion,
    @Inject(WORKSPACE_DIRECTORY) private readonly directory: WorkspaceDirectory,
    @Inject(INGEST_LOGGER) private readonly logger: Logger,
  ) {}

  /** An unsigned, malformed or forged request: counted, nothing produced. */
  refused(channel: 'pixel' | 'link'): void {
    this.ingestion.countRejected(channel);
  }

  /** Records `event` and answers; synchronous unless the producer pushes back (then the answer's promise). */
  record(
    channel: 'pixel' | 'link',
    workspace: string,
    event: TrackedEvent,
    answer: () => void,
    notRecorded: string,
  ): Promise<void> | undefined {
    let backPressure: Promise<void> | undefined;
    try {
      backPressure = this.ingestion.submit({
        channel,
        workspace,
        keyKind: 'publishable',
        identity: this.directory.settings(workspace)?.identity ?? {},
        defaultSource: event.source,
        candidates: [event],
      });
    } catch (error) {
      const status = error instanceof ProblemError ? error.problem.status : 500;
      this.logger.warn({ err: error, workspace, status }, notRecorded);
    }
    if (backPressure) return backPressure.then(answer);
    answer();
    return undefined;
  }
}
