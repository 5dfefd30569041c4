import { setTimeout as sleep } from 'node:timers/promises';
import type { IngestReceipt, ReceiptResult } from '@leadscore/contracts';
import { CommandError, refusedBy, unreachable } from './api-client.js';
import type { Connection } from './connection.js';
import { readEventFile, type EventFile } from './event-file.js';
import { ExitCode, type ExitStatus } from './exit-codes.js';
import { colour, writeJson, type Output } from './output.js';
import { progressBar } from './progress-bar.js';

export interface SendSettings {
  /** Events per request: ingest takes up to INGEST_MAX_BATCH_EVENTS (500). */
  readonly batchSize: number;
  /** Bytes per request body: ingest takes up to INGEST_BODY_LIMIT_BYTES (524288). */
  readonly batchBytes: number;
  /** Requests in flight; each contact's events stay on one of them, in file order. */
  readonly concurrency: number;
  /** Attempts after the first for a request answered 429, 502, 503, 504 or not at all. */
  readonly retries: number;
  /** A progress bar on standard error (a terminal's). */
  readonly progress?: NodeJS.WritableStream | undefined;
}

export const DEFAULT_SEND_SETTINGS = {
  batchSize: 500,
  batchBytes: 500_000,
  concurrency: 4,
  retries: 5,
} as const satisfies SendSettings;

/** An event ingest refused, or a line that is not JSON, where it is in the file. */
export interface Rejection {
  readonly line: number;
  readonly id: string | null;
  readonly reason: 'invalid' | 'too_large' | 'forbidden' | 'not_json';
  readonly errors: readonly { readonly field: string; readonly expected: string }[];
}

export interface SendReport {
  readonly file: string;
  readonly events: number;
  readonly accepted: number;
  readonly duplicates: number;
  readonly rejected: number;
  readonly rejections: readonly Rejection[];
}

/** Rejections shown in words; --json has them all. */
const SHOWN_REJECTIONS = 50;

/**
 * `leadscore send FILE`: the events of a JSON array or NDJSON file (or stdin) posted to ingest's
 * /v1/events in batches, each contact's events in file order, with a per-event report by line.
 */
export async function sendEvents(
  connection: Connection,
  path: string,
  settings: SendSettings,
  output: Output,
): Promise<ExitStatus> {
  if (!connection.key)
    throw new CommandError(
      ExitCode.unauthenticated,
      `No key for ${connection.ingestUrl}: pass --key, set LEADSCORE_KEY, or run leadscore login.`,
    );
  const file = await readEventFile(path);
  const started = performance.now();
  const report = await send(file, { ...connection, key: connection.key }, settings);
  const seconds = (performance.now() - started) / 1000;
  if (output.json) writeJson(output, report);
  else describe(report, seconds, output);
  return report.rejected > 0 ? ExitCode.invalid : ExitCode.ok;
}

function describe(report: SendReport, seconds: number, output: Output): void {
  for (const rejection of report.rejections.slice(0, SHOWN_REJECTIONS)) {
    const where = `${report.file}:${rejection.line}: ${rejection.id ?? '(no id)'}: ${rejection.reason}`;
    const why = rejection.errors.map((error) =>
      error.field ? `${colour.bold(error.field)}: expected ${error.expected}` : error.expected,
    );
    output.err(`${where}${why.length > 0 ? `: ${why.join('; ')}` : ''}`);
  }
  if (report.rejections.length > SHOWN_REJECTIONS)
    output.err(
      `… and ${report.rejections.length - SHOWN_REJECTIONS} more rejections (--json lists them all)`,
    );
  const rate = seconds > 0 ? Math.round(report.events / seconds) : report.events;
  const counts = `${report.accepted} of ${report.events} events accepted, ${report.duplicates} duplicates, ${report.rejected} rejected`;
  const line = `${counts} in ${seconds.toFixed(1)} s (${rate} events/s)`;
  output.out(report.rejected > 0 ? `${colour.red('✗')} ${line}` : `${colour.green('✓')} ${line}`);
}

interface Target {
  readonly ingestUrl: string;
  readonly key: string;
}

/** One request's events: their indexes in the file and each one's JSON, in that order. */
interface Batch {
  readonly indexes: readonly number[];
  readonly parts: readonly string[];
}

const bodyOf = (batch: Batch) => `[${batch.parts.join(',')}]`;

async function send(file: EventFile, target: Target, settings: SendSettings): Promise<SendReport> {
  const lanes = lanesOf(file.events, settings.concurrency);
  const rejections: Rejection[] = file.malformed.map((bad) => ({
    line: bad.line,
    id: null,
    reason: 'not_json',
    errors: [{ field: '', expected: `one event as JSON per line; this is ${bad.message}` }],
  }));
  const tally = { accepted: 0, duplicates: 0 };
  const bar = settings.progress
    ? progressBar(
        settings.progress,
        'sending {bar} {percentage}% | {value}/{total} events | {eta_formatted} left',
      )
    : undefined;
  bar?.start(file.events.length, 0);
  let failure: unknown;
  const runLane = async (lane: readonly number[]) => {
    for (const batch of batchesOf(file.events, lane, settings)) {
      if (failure !== undefined) return;
      try {
        for (const { batch: sent, results } of await post(batch, target, settings))
          for (const result of results) {
            const index = sent.indexes[result.index];
            if (index === undefined) continue;
            if (result.status === 'accepted') tally.accepted++;
            else if (result.status === 'duplicate') tally.duplicates++;
            else if (result.status === 'rejected')
              rejections.push({
                line: file.lineOf(index),
                id: result.id ?? null,
                reason: result.reason,
                errors: result.errors,
              });
          }
        bar?.increment(batch.indexes.length);
      } catch (error) {
        failure ??= error;
      }
    }
  };
  try {
    await Promise.all(lanes.map(runLane));
  } finally {
    bar?.stop();
  }
  if (failure !== undefined) throw stoppedBy(failure, tally.accepted + tally.duplicates, file);
  rejections.sort((a, b) => a.line - b.line);
  return {
    file: file.name,
    events: file.events.length + file.malformed.length,
    accepted: tally.accepted,
    duplicates: tally.duplicates,
    rejected: rejections.length,
    rejections,
  };
}

/** A failure that stopped the sending, saying how far it got and that sending again is safe. */
function stoppedBy(failure: unknown, through: number, file: EventFile): unknown {
  if (!(failure instanceof CommandError)) return failure;
  return new CommandError(
    failure.status,
    `${failure.message}\n${through} of ${file.events.length} events of ${file.name} went through before this; sending the file again is safe (events are deduplicated by source and id).`,
    failure.problem,
  );
}

/**
 * Spreads the events over `count` lanes by contact (`subject`), keeping file order within a lane: the
 * order Kafka keeps per contact is the file's, whatever the concurrency.
 */
function lanesOf(events: readonly unknown[], count: number): number[][] {
  const lanes: number[][] = Array.from({ length: Math.max(1, count) }, () => []);
  events.forEach((event, index) => {
    const subject =
      typeof event === 'object' && event !== null ? (event as { subject?: unknown }).subject : undefined;
    lanes[typeof subject === 'string' ? fnv1a(subject) % lanes.length : 0]?.push(index);
  });
  return lanes.filter((lane) => lane.length > 0);
}

/** 32-bit FNV-1a: a cheap, stable spread of contacts over lanes. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/** The lane's events in batches of at most batchSize events and batchBytes bytes (one event at least). */
function* batchesOf(
  events: readonly unknown[],
  lane: readonly number[],
  settings: SendSettings,
): Generator<Batch> {
  let indexes: number[] = [];
  let parts: string[] = [];
  let bytes = 2;
  for (const index of lane) {
    const part = JSON.stringify(events[index]) ?? 'null';
    const size = Buffer.byteLength(part) + 1;
    if (indexes.length > 0 && (indexes.length >= settings.batchSize || bytes + size > settings.batchBytes)) {
      yield { indexes, parts };
      indexes = [];
      parts = [];
      bytes = 2;
    }
    indexes.push(index);
    parts.push(part);
    bytes += size;
  }
  if (indexes.length > 0) yield { indexes, parts };
}

interface Answered {
  readonly batch: Batch;
  readonly results: readonly ReceiptResult[];
}

/**
 * Posts a batch until ingest answers it: retried on 429 (after Retry-After), 502–504 and network
 * errors; split in halves on 413 (a body over the ingest's limit), down to one event, which is then
 * reported too large. A 400 or 403 whose problem lists results (no event of the batch accepted) is an
 * answer like a 202.
 */
async function post(batch: Batch, target: Target, settings: SendSettings): Promise<Answered[]> {
  const url = `${target.ingestUrl}/v1/events`;
  for (let attempt = 0; ; attempt++) {
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: { authorization: `Bearer ${target.key}`, 'content-type': 'application/json' },
        body: bodyOf(batch),
      });
    } catch (error) {
      if (attempt < settings.retries) {
        await sleep(backoffMs(attempt));
        continue;
      }
      throw unreachable('ingest', target.ingestUrl, '--ingest-url or LEADSCORE_INGEST_URL', error);
    }
    const body = (await response.json().catch(() => undefined)) as Partial<IngestReceipt> | undefined;
    if (
      response.status === 202 ||
      (Array.isArray(body?.results) && (response.status === 400 || response.status === 403))
    )
      return [{ batch, results: body?.results ?? [] }];
    if (response.status === 413) return split(batch, target, settings, body);
    if (isTransient(response.status) && attempt < settings.retries) {
      await sleep(retryAfterMs(response) ?? backoffMs(attempt));
      continue;
    }
    throw refused(response, url, body);
  }
}

async function split(
  batch: Batch,
  target: Target,
  settings: SendSettings,
  problem: Record<string, unknown> | undefined,
): Promise<Answered[]> {
  if (batch.indexes.length === 1) {
    const detail =
      typeof problem?.['detail'] === 'string' ? problem['detail'] : 'the body is over the ingest’s limit';
    return [
      {
        batch,
        results: [
          { index: 0, status: 'rejected', reason: 'too_large', errors: [{ field: '', expected: detail }] },
        ],
      },
    ];
  }
  const half = Math.ceil(batch.parts.length / 2);
  const halves = [
    { indexes: batch.indexes.slice(0, half), parts: batch.parts.slice(0, half) },
    { indexes: batch.indexes.slice(half), parts: batch.parts.slice(half) },
  ];
  const answered: Answered[] = [];
  for (const part of halves) answered.push(...(await post(part, target, settings)));
  return answered;
}

function isTransient(status: number): boolean {
  return status === 429 || status === 502 || status === 503 || status === 504;
}

function backoffMs(attempt: number): number {
  return Math.min(10_000, 250 * 2 ** attempt);
}

function retryAfterMs(response: Response): number | undefined {
  const seconds = Number(response.headers.get('retry-after'));
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : undefined;
}

function refused(response: Response, url: string, body: Record<string, unknown> | undefined): CommandError {
  const hint =
    response.status === 404
      ? ` (${url} is not ingest's /v1/events: pass --ingest-url or set LEADSCORE_INGEST_URL)`
      : '';
  return refusedBy(response, body ?? {}, hint);
}
