import type { Rescore, RescoreList, StartRescoreRequest } from '@leadscore/contracts';
import { CommandError, callApi } from './api-client.js';
import type { Connection } from './connection.js';
import { ExitCode, type ExitStatus } from './exit-codes.js';
import { colour, plainTable, writeJson, type Output } from './output.js';
import { progressBar } from './progress-bar.js';

/** How often `model rescore` asks for the rescore while it waits (LEADSCORE_POLL_INTERVAL_MS overrides it). */
export const DEFAULT_POLL_INTERVAL_MS = 1_000;
/** Polls in a row that may fail with a network error or a 5xx before waiting gives up. */
export const POLL_RETRIES = 5;

type Status = Rescore['status'];

/** What a wait's end means for scripts: 0 when done; failed, cancelled and superseded have codes of their own. */
export function exitStatusOfRescore(status: Status): ExitStatus {
  switch (status) {
    case 'done':
    case 'queued':
    case 'running':
      return ExitCode.ok;
    // Someone cancelled it, or a newer version of the model replaced it: a conflict with this run.
    case 'cancelled':
    case 'superseded':
      return ExitCode.conflict;
    // A scorer failed on it (`error` says why): resuming it may succeed.
    case 'failed':
      return ExitCode.unavailable;
  }
}

const isFinished = (status: Status) => status !== 'queued' && status !== 'running';
const count = (n: number) => n.toLocaleString('en-US');
const percent = (ratio: number) => `${(ratio * 100).toFixed(1)} %`;

/** `1,234 of 5,000 contacts (24.7 %)`, or only the count while the total is unknown (not started yet). */
export function progressText(rescore: Rescore): string {
  const { contacts, total, ratio } = rescore.progress;
  return total === null
    ? `${count(contacts)} contacts`
    : `${count(contacts)} of ${count(total)} contacts (${percent(ratio)})`;
}

function statusText(status: Status): string {
  switch (status) {
    case 'done':
      return colour.green(status);
    case 'failed':
      return colour.red(status);
    case 'cancelled':
    case 'superseded':
      return colour.yellow(status);
    case 'queued':
    case 'running':
      return status;
  }
}

/** One line of a wait without a terminal: status, progress and changed contacts. */
export function progressLine(rescore: Rescore): string {
  return `rescore ${rescore.id}: ${rescore.status}, ${progressText(rescore)}, ${count(rescore.counts.changedContacts)} changed`;
}

/** What happens next, by status: how to follow, continue or replace the rescore. */
function nextStep(rescore: Rescore): string | undefined {
  switch (rescore.status) {
    case 'queued':
    case 'running':
      return `follow it: leadscore rescore show ${rescore.id}; stop it: leadscore rescore cancel ${rescore.id}`;
    case 'cancelled':
      return `what it switched stays; leadscore rescore resume ${rescore.id} continues it`;
    case 'failed':
      return `leadscore rescore resume ${rescore.id} retries it after its last switched contact`;
    case 'superseded':
      return `a newer version of the model was applied before it finished: leadscore model rescore ${rescore.model.id} rescores under it`;
    case 'done':
      return undefined;
  }
}

/** A rescore as a report: status, contacts, changes, transitions, webhooks, the history period. */
export function rescoreLines(rescore: Rescore): string[] {
  const { counts, history } = rescore;
  const would = rescore.dryRun ? 'would be ' : '';
  const lines = [
    `rescore ${rescore.id}: model ${rescore.model.id} version ${rescore.model.version}${rescore.dryRun ? ' (dry run: nothing switched)' : ''}`,
    `status: ${statusText(rescore.status)}${rescore.reason === 'first-apply' ? ' (started when the model was first applied)' : ''}`,
    `contacts: ${progressText(rescore)}; ${count(counts.replayedEvents)} events replayed`,
    `changed contacts: ${count(counts.changedContacts)} ${would}changed, ${count(counts.unchangedContacts)} unchanged, ${count(counts.skippedContacts)} skipped (erased or merged)`,
    `score changes: ${count(counts.scoreChanges)}${rescore.dryRun ? ' would be published' : ' published (cause rescore)'}`,
    `transitions: ${count(counts.tierTransitions)} tier, ${count(counts.stageTransitions)} stage (at most ${rescore.transitionsPerSecond}/s)`,
    `webhooks: ${count(counts.webhooks)} ${rescore.dryRun ? 'would be sent' : 'deliveries'}`,
    `history: ${history.from ?? '(not read yet)'} → ${history.until ?? '(not read yet)'}`,
    `created ${rescore.createdAt}${rescore.startedAt ? `, started ${rescore.startedAt}` : ''}${rescore.finishedAt ? `, finished ${rescore.finishedAt}` : ''}`,
  ];
  if (rescore.error) lines.push(colour.red(`error: ${rescore.error}`));
  const next = nextStep(rescore);
  if (next) lines.push(next);
  return lines;
}

/** Shows a wait's progress on stderr: a bar on a terminal, else a line each time the rescore's state moves. */
export interface RescoreProgress {
  update(rescore: Rescore): void;
  stop(): void;
}

/** One line per change of status or of contacts done (for logs and pipes). */
export function lineProgress(write: (line: string) => void): RescoreProgress {
  let last: string | undefined;
  return {
    update: (rescore) => {
      const state = `${rescore.status}:${rescore.progress.contacts}:${rescore.progress.total ?? ''}`;
      if (state === last) return;
      last = state;
      write(progressLine(rescore));
    },
    stop: () => undefined,
  };
}

/** A progress bar (cli-progress) on a terminal: contacts done of the total, the ratio, changed contacts. */
export function barProgress(stream: NodeJS.WritableStream): RescoreProgress {
  const bar = progressBar(
    stream,
    'rescore {status} {bar} {percentage}% | {value}/{total} contacts | {changed} changed',
  );
  let started = false;
  return {
    update: (rescore) => {
      const payload = { status: rescore.status, changed: count(rescore.counts.changedContacts) };
      const total = rescore.progress.total ?? 0;
      if (!started) {
        bar.start(total, rescore.progress.contacts, payload);
        started = true;
      } else {
        bar.setTotal(total);
        bar.update(rescore.progress.contacts, payload);
      }
    },
    stop: () => {
      if (started) bar.stop();
    },
  };
}

export interface WaitSettings {
  readonly intervalMs: number;
  readonly progress: RescoreProgress;
  readonly sleep?: (ms: number) => Promise<void>;
}

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Reads the rescore every `intervalMs` until it ends (done, failed, cancelled, superseded), showing each
 * reading; a poll failing with a network error or a 5xx is retried up to POLL_RETRIES times in a row.
 */
export async function waitForRescore(
  read: () => Promise<Rescore>,
  first: Rescore,
  settings: WaitSettings,
): Promise<Rescore> {
  const sleep = settings.sleep ?? pause;
  let rescore = first;
  let failures = 0;
  settings.progress.update(rescore);
  try {
    while (!isFinished(rescore.status)) {
      await sleep(settings.intervalMs);
      try {
        rescore = await read();
        failures = 0;
      } catch (error) {
        if (!(error instanceof CommandError) || error.status !== ExitCode.unavailable) throw error;
        failures += 1;
        if (failures > POLL_RETRIES)
          throw new CommandError(
            ExitCode.unavailable,
            `${error.message}\nStopped waiting after ${POLL_RETRIES + 1} failed reads; the rescore ${rescore.id} goes on: leadscore rescore show ${rescore.id} follows it.`,
            error.problem,
          );
        continue;
      }
      settings.progress.update(rescore);
    }
  } finally {
    settings.progress.stop();
  }
  return rescore;
}

export interface StartRescoreOptions {
  readonly dryRun: boolean;
  readonly rate: number | undefined;
  readonly wait: boolean;
  /** stderr when it is a terminal: a bar there; otherwise lines. */
  readonly terminal: NodeJS.WritableStream | undefined;
  readonly intervalMs: number;
}

const rescorePath = (id: string) => `/v1/rescores/${encodeURIComponent(id)}`;

/** The poll interval: LEADSCORE_POLL_INTERVAL_MS (a whole number of milliseconds ≥ 10), else 1 s. */
export function pollIntervalOf(env: NodeJS.ProcessEnv = process.env): number {
  const value = env['LEADSCORE_POLL_INTERVAL_MS'];
  if (value === undefined || value === '') return DEFAULT_POLL_INTERVAL_MS;
  const ms = Number(value);
  if (!Number.isInteger(ms) || ms < 10)
    throw new CommandError(
      ExitCode.usage,
      `LEADSCORE_POLL_INTERVAL_MS must be a whole number of milliseconds of at least 10, got "${value.slice(0, 40)}"; unset it for 1000.`,
    );
  return ms;
}

/**
 * `leadscore model rescore MODEL [--dry-run] [--rate N] [--no-wait]`: starts a rescore of the live version
 * and, unless --no-wait, follows it to its end; exit 0 when done, 7 cancelled or superseded, 8 failed.
 */
export async function startRescore(
  connection: Connection,
  modelId: string,
  options: StartRescoreOptions,
  output: Output,
): Promise<ExitStatus> {
  const request: StartRescoreRequest = {
    ...(options.dryRun ? { dryRun: true } : {}),
    ...(options.rate !== undefined ? { transitionsPerSecond: options.rate } : {}),
  };
  const started = await callApi<Rescore>(connection, `/v1/models/${encodeURIComponent(modelId)}/rescores`, {
    method: 'POST',
    body: { text: JSON.stringify(request), contentType: 'application/json' },
  });
  if (!options.wait) {
    if (output.json) writeJson(output, started);
    else {
      output.out(
        `${colour.green('✓')} rescore ${started.id} of model ${started.model.id} version ${started.model.version} queued${started.dryRun ? ' (dry run)' : ''}, at most ${started.transitionsPerSecond} transitions/s`,
      );
      output.out(nextStep(started) ?? '');
    }
    return ExitCode.ok;
  }
  if (!output.json)
    output.err(
      `rescore ${started.id} of model ${started.model.id} version ${started.model.version} queued; waiting for it (Ctrl-C stops waiting, not the rescore: leadscore rescore cancel ${started.id} does)`,
    );
  const progress = output.json
    ? { update: () => undefined, stop: () => undefined }
    : options.terminal
      ? barProgress(options.terminal)
      : lineProgress((line) => output.err(line));
  const ended = await waitForRescore(() => callApi<Rescore>(connection, rescorePath(started.id)), started, {
    intervalMs: options.intervalMs,
    progress,
  });
  if (output.json) writeJson(output, ended);
  else for (const line of rescoreLines(ended)) output.out(line);
  return exitStatusOfRescore(ended.status);
}

/** `leadscore rescore list MODEL`: the model's rescores, newest first. */
export async function listRescores(
  connection: Connection,
  modelId: string,
  output: Output,
): Promise<ExitStatus> {
  const list = await callApi<RescoreList>(connection, `/v1/models/${encodeURIComponent(modelId)}/rescores`);
  if (output.json) writeJson(output, list);
  else if (list.rescores.length === 0)
    output.out(`no rescores of model ${modelId} yet: leadscore model rescore ${modelId} starts one`);
  else {
    const table = plainTable(['rescore', 'version', 'status', 'dry run', 'contacts', 'changed', 'created']);
    for (const r of list.rescores)
      table.push([
        r.id,
        r.model.version,
        r.status,
        r.dryRun ? 'yes' : 'no',
        r.progress.total === null
          ? count(r.progress.contacts)
          : `${count(r.progress.contacts)}/${count(r.progress.total)}`,
        count(r.counts.changedContacts),
        r.createdAt,
      ]);
    output.out(table.toString());
  }
  return ExitCode.ok;
}

/** `leadscore rescore show ID`: one rescore, as `model rescore` reports it at its end. */
export async function showRescore(connection: Connection, id: string, output: Output): Promise<ExitStatus> {
  const rescore = await callApi<Rescore>(connection, rescorePath(id));
  if (output.json) writeJson(output, rescore);
  else for (const line of rescoreLines(rescore)) output.out(line);
  return ExitCode.ok;
}

/** `leadscore rescore cancel ID`: stops a queued or running rescore before its next switch. */
export async function cancelRescore(connection: Connection, id: string, output: Output): Promise<ExitStatus> {
  const rescore = await callApi<Rescore>(connection, `${rescorePath(id)}/cancel`, { method: 'POST' });
  if (output.json) writeJson(output, rescore);
  else {
    output.out(
      `${colour.green('✓')} cancelled rescore ${rescore.id} of model ${rescore.model.id} after ${progressText(rescore)}`,
    );
    output.out(nextStep(rescore) ?? '');
  }
  return ExitCode.ok;
}

/** `leadscore rescore resume ID`: queues a cancelled or failed rescore again, after its last switched contact. */
export async function resumeRescore(connection: Connection, id: string, output: Output): Promise<ExitStatus> {
  const rescore = await callApi<Rescore>(connection, `${rescorePath(id)}/resume`, { method: 'POST' });
  if (output.json) writeJson(output, rescore);
  else {
    output.out(
      `${colour.green('✓')} rescore ${rescore.id} of model ${rescore.model.id} queued again; it goes on ${rescore.progress.cursor === null ? 'from the first contact' : `after ${rescore.progress.cursor}`} (${progressText(rescore)} done)`,
    );
    output.out(`follow it: leadscore rescore show ${rescore.id}`);
  }
  return ExitCode.ok;
}
