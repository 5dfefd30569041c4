import { type ReplayEvents } from '@leadscore/contracts';

/** Where a merge reads both contacts' history: the analytics service, the only reader of the archive. */
export interface ArchiveReader {
  replayEvents(workspace: string, contacts: readonly string[]): Promise<ReplayEvents>;
}

/** Reads the archive over analytics' internal HTTP surface (GET …/replay-events). */
export class HttpArchiveReader implements ArchiveReader {
  constructor(
    private readonly baseUrl: string,
    private readonly timeoutMs = 30_000,
  ) {}

  async replayEvents(workspace: string, contacts: readonly string[]): Promise<ReplayEvents> {
    const query = contacts.map((contact) => `contact=${encodeURIComponent(contact)}`).join('&');
    const url = `${this.baseUrl.replace(/\/$/, '')}/internal/v1/workspaces/${encodeURIComponent(workspace)}/replay-events?${query}`;
    const response = await fetch(url, { signal: AbortSignal.timeout(this.timeoutMs) });
    if (!response.ok)
      throw new Error(
        `analytics answered ${response.status} for ${url}: ${(await response.text()).slice(0, 300)}`,
      );
    return (await response.json()) as ReplayEvents;
  }
}
