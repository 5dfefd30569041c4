import { type ReplayContacts, type ReplayEvents } from '@leadscore/contracts';

/** Where merges and rescores read history: the analytics service, the only reader of the archive. */
export interface ArchiveReader {
  replayEvents(workspace: string, contacts: readonly string[]): Promise<ReplayEvents>;
  /** The next page of the workspace's archived contacts after `after` ('' for the first), with their events. */
  replayContacts(workspace: string, after: string, contacts: number): Promise<ReplayContacts>;
}

/** Reads the archive over analytics' internal HTTP surface (GET …/replay-events, …/replay-contacts). */
export class HttpArchiveReader implements ArchiveReader {
  constructor(
    private readonly baseUrl: string,
    private readonly timeoutMs = 30_000,
  ) {}

  replayEvents(workspace: string, contacts: readonly string[]): Promise<ReplayEvents> {
    const query = contacts.map((contact) => `contact=${encodeURIComponent(contact)}`).join('&');
    return this.get<ReplayEvents>(workspace, `replay-events?${query}`);
  }

  replayContacts(workspace: string, after: string, contacts: number): Promise<ReplayContacts> {
    return this.get<ReplayContacts>(
      workspace,
      `replay-contacts?contacts=${contacts}${after === '' ? '' : `&after=${encodeURIComponent(after)}`}`,
    );
  }

  private async get<T>(workspace: string, path: string): Promise<T> {
    const url = `${this.baseUrl.replace(/\/$/, '')}/internal/v1/workspaces/${encodeURIComponent(workspace)}/${path}`;
    const response = await fetch(url, { signal: AbortSignal.timeout(this.timeoutMs) });
    if (!response.ok)
      throw new Error(
        `analytics answered ${response.status} for ${url}: ${(await response.text()).slice(0, 300)}`,
      );
    return (await response.json()) as T;
  }
}
