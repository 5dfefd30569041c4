import { describe, expect, it } from '@jest/globals';
import { createLogger } from '@leadscore/observability';
import { type ContactAlias } from '@leadscore/persistence';
import { DatabaseContactAliases } from './contact-aliases.js';

const alias = (name: string, survivor: string, at: number): ContactAlias => ({
  workspaceId: 'acme',
  alias: name,
  survivor,
  through: {},
  mergeEvent: { source: '/v1/identify', id: name },
  requestedAt: new Date(at),
  completedAt: null,
});

describe('DatabaseContactAliases', () => {
  it('adds what was recorded since, follows chains, and drops erased merges at the next full read', async () => {
    let table: ContactAlias[] = [alias('anon:a', 'email:ada@example.com', 1_000)];
    const reads: number[] = [];
    const aliases = new DatabaseContactAliases({
      refreshMs: 60_000,
      logger: createLogger({ service: 'ingest', level: 'silent' }),
      fullReadEvery: 3,
      load: (since, limit) => {
        reads.push(since.getTime());
        return Promise.resolve(table.filter((row) => row.requestedAt > since).slice(0, limit));
      },
    });
    await aliases.refresh();
    expect(aliases.survivorOf('acme', 'anon:a')).toBe('email:ada@example.com');
    expect(aliases.survivorOf('globex', 'anon:a')).toBeUndefined();
    // Ada herself merged into a user id later: the anonymous id follows the chain.
    table = [...table, alias('email:ada@example.com', 'user:42', 90_000)];
    await aliases.refresh();
    expect(aliases.survivorOf('acme', 'anon:a')).toBe('user:42');
    // An erasure removes the rows: an incremental read cannot see it, the full one does.
    table = [];
    await aliases.refresh();
    expect(aliases.survivorOf('acme', 'anon:a')).toBe('user:42');
    await aliases.refresh();
    expect(aliases.survivorOf('acme', 'anon:a')).toBeUndefined();
    // Incremental reads look back an overlap before the newest merge seen; a full read from the start.
    expect(reads).toEqual([0, 0, 30_000, 0]);
  });
});
