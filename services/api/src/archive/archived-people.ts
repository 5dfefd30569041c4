import type { ReplayContact } from '@leadscore/contracts';
import type { BacktestContact } from '@leadscore/lifecycle';
import { contactAliasRepository } from '@leadscore/persistence';
import { stitchedReplayOrder } from '@leadscore/scoring';
import type { ApiContext } from '../app/api.context.js';

/** A contact's archived events as the pure engine replays them (times as epoch ms). */
export function backtestContactOf(archived: ReplayContact): BacktestContact {
  return {
    contact: archived.contact,
    events: archived.events.map((event) => ({
      id: event.id,
      source: event.source,
      type: event.type,
      data: event.data,
      time: Date.parse(event.time),
    })),
  };
}

/** The workspace's archived people, at most `max` (then `truncated`), and the oldest archived event. */
export interface ArchivedPeople {
  readonly contacts: BacktestContact[];
  readonly truncated: boolean;
  readonly archivedFrom: string | null;
}

/**
 * Every archived contact of a workspace up to `max`, read page by page from the analytics service in key
 * order, as one person per identity: a contact merged into another is left out, its events (before the
 * merge) count under its survivor, interleaved as the merge replayed them (libs/scoring
 * `stitchedReplayOrder`). A backtest replays them; learning reads their profiles and outcomes.
 */
export async function readArchivedPeople(
  context: ApiContext,
  workspace: string,
  max: number,
): Promise<ArchivedPeople> {
  const contacts: BacktestContact[] = [];
  let archivedFrom: string | null = null;
  let after: string | undefined;
  for (let first = true; ; first = false) {
    const page = await context.archive.replayContacts(workspace, after);
    if (first) archivedFrom = page.archivedFrom ?? null;
    for (const person of await peopleOf(context, workspace, page.contacts)) {
      if (contacts.length === max) return { contacts, truncated: true, archivedFrom };
      contacts.push(person);
    }
    // A page without contacts ends the walk too: a `next` that does not move on would never end it.
    if (page.next === null || page.contacts.length === 0) return { contacts, truncated: false, archivedFrom };
    if (contacts.length === max) return { contacts, truncated: true, archivedFrom };
    after = page.next;
  }
}

/** A page's contacts without those merged into another, each survivor with its merged contacts' events. */
async function peopleOf(
  context: ApiContext,
  workspace: string,
  page: readonly ReplayContact[],
): Promise<BacktestContact[]> {
  const manager = context.dataSource.manager;
  const keys = page.map((c) => ({ workspaceId: workspace, contactId: c.contact }));
  const [mergedAway, mergedInto] = await Promise.all([
    contactAliasRepository.aliasesAmong(manager, keys),
    contactAliasRepository.mergedIntoAny(
      manager,
      workspace,
      page.map((c) => c.contact),
    ),
  ]);
  const mergedEvents =
    mergedInto.length === 0
      ? []
      : await context.archive.replayEvents(
          workspace,
          mergedInto.map((alias) => alias.alias),
        );
  return page.flatMap((archived): BacktestContact[] => {
    if (mergedAway.has(contactAliasRepository.keyOf({ workspaceId: workspace, contactId: archived.contact })))
      return [];
    const merged = mergedInto.filter((alias) => alias.survivor === archived.contact);
    if (merged.length === 0) return [backtestContactOf(archived)];
    const events = stitchedReplayOrder({
      survivor: archived.contact,
      merged: merged.map((alias) => ({ contact: alias.alias, through: alias.through })),
      archived: [
        ...archived.events.map((event) => ({ ...event, contact: archived.contact })),
        ...mergedEvents.filter((event) => merged.some((alias) => alias.alias === event.contact)),
      ],
    });
    return [{ contact: archived.contact, events }];
  });
}
