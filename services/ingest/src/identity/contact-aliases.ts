import { type Logger } from '@leadscore/observability';
import { type ContactAlias } from '@leadscore/persistence';
import { PeriodicReload } from '../app/periodic-reload.js';

/** Where ingest learns that a contact was merged into another (the scorer records merges). */
export interface ContactAliases {
  /** The contact `subject` now lives on, or undefined when it was never merged away. */
  survivorOf(workspace: string, subject: string): string | undefined;
}

export const NO_ALIASES: ContactAliases = { survivorOf: () => undefined };

/** Merges are flattened when recorded; a chain can only come from reloads catching up in between. */
const MAX_CHAIN = 8;
/** Rows read per reload; a backlog larger than this is read over the next reloads. */
const PAGE = 10_000;
/**
 * How far back each reload looks again: an alias whose transaction committed after a later one's was
 * read (its `requested_at` older than the newest seen) is still found.
 */
const OVERLAP_MS = 60_000;
/** Reads between two full ones (every 5 minutes at the default 2 s): how long an erased merge lingers. */
const FULL_READ_EVERY = 150;

export interface DatabaseContactAliasesOptions {
  /** Aliases that took effect after `since`, oldest first, at most `limit` (contactAliasRepository.since). */
  readonly load: (since: Date, limit: number) => Promise<ContactAlias[]>;
  readonly refreshMs: number;
  readonly logger: Logger;
  /** Incremental reads between two full ones (default FULL_READ_EVERY). */
  readonly fullReadEvery?: number;
}

/**
 * The aliases recorded in PostgreSQL, kept in memory and topped up every `refreshMs` with those that
 * took effect since, so that a lookup on the hot path is a map read. Until an alias arrives here the
 * merged-away contact's events keep its key and the scorer forwards them to the survivor: a lag costs
 * a hop, never an event.
 */
export class DatabaseContactAliases implements ContactAliases {
  private survivors = new Map<string, string>();
  private newest = new Date(0);
  private readsSinceFull = 0;
  private readonly reloads: PeriodicReload;
  private failing = false;

  constructor(private readonly options: DatabaseContactAliasesOptions) {
    this.reloads = new PeriodicReload(() => this.load(), options.refreshMs);
  }

  survivorOf(workspace: string, subject: string): string | undefined {
    if (this.survivors.size === 0) return undefined;
    let survivor: string | undefined;
    let current = subject;
    for (let hop = 0; hop < MAX_CHAIN; hop += 1) {
      const next = this.survivors.get(`${workspace}\u0000${current}`);
      if (next === undefined) break;
      survivor = next;
      current = next;
    }
    return survivor;
  }

  /** Loads what was recorded and keeps reading what comes; a database that does not answer holds the start 5 s at most. */
  start(): Promise<void> {
    return this.reloads.start(5_000);
  }

  stop(): Promise<void> {
    return this.reloads.stop();
  }

  refresh(): Promise<void> {
    return this.reloads.reload();
  }

  private async load(): Promise<void> {
    try {
      // Merges only come, except when an erasure removes a person's: a full read now and then drops those.
      const full = this.readsSinceFull >= (this.options.fullReadEvery ?? FULL_READ_EVERY);
      const survivors = full ? new Map<string, string>() : this.survivors;
      let newest = full ? new Date(0) : this.newest;
      for (;;) {
        const before = newest.getTime();
        const rows = await this.options.load(new Date(Math.max(0, before - OVERLAP_MS)), PAGE);
        for (const row of rows) {
          survivors.set(`${row.workspaceId}\u0000${row.alias}`, row.survivor);
          if (row.requestedAt > newest) newest = row.requestedAt;
        }
        // A full page moves the window on; one that does not (a burst inside the overlap) ends here.
        if (rows.length < PAGE || newest.getTime() === before) break;
      }
      this.survivors = survivors;
      this.newest = newest;
      this.readsSinceFull = full ? 0 : this.readsSinceFull + 1;
      if (this.failing) this.options.logger.info('contact aliases loaded from PostgreSQL again');
      this.failing = false;
    } catch (error) {
      if (!this.failing)
        this.options.logger.error(
          { err: error },
          'cannot load contact aliases from PostgreSQL: keeping those loaded (the scorer forwards the rest)',
        );
      this.failing = true;
    }
  }
}
