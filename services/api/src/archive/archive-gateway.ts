import {
  replayContactsSchema,
  type ArchivedReplayEvent,
  type ReplayContacts,
  type ReplayEvents,
} from '@leadscore/contracts';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { fail } from '../http/problem-details.js';

/** Contacts per page of GET …/replay-contacts the api asks for (a backtest walks every page). */
export const REPLAY_CONTACTS_PAGE = 500;
/** Contacts one GET …/replay-events may name (the analytics service's limit). */
const REPLAY_EVENTS_CONTACTS = 100;

const ajv = new Ajv({ allErrors: false, strict: false, allowUnionTypes: true });
addFormats.default(ajv, ['date-time']);
const validReplayContacts: ValidateFunction<ReplayContacts> =
  ajv.compile<ReplayContacts>(replayContactsSchema);

/**
 * The analytics service, which alone opens the ClickHouse archive: the api asks it for histories and
 * trends over HTTP (ANALYTICS_URL), always naming the caller's workspace.
 */
export class ArchiveGateway {
  constructor(
    private readonly baseUrl: string,
    private readonly timeoutMs = 10_000,
  ) {}

  async get<T>(
    workspace: string,
    path: string,
    query: Record<string, string | readonly string[] | undefined> = {},
  ): Promise<T> {
    const { response, body } = await this.request(workspace, path, query);
    if (response.ok) return body as T;
    return this.failed(response, body);
  }

  /** One answer of the archive, whatever its status; a network failure is a 503. */
  private async request(
    workspace: string,
    path: string,
    query: Record<string, string | readonly string[] | undefined>,
  ): Promise<{ response: Response; body: Record<string, unknown> }> {
    const search = new URLSearchParams(
      Object.entries(query).flatMap(([name, value]): [string, string][] =>
        value === undefined ? [] : typeof value === 'string' ? [[name, value]] : value.map((v) => [name, v]),
      ),
    ).toString();
    const url = `${this.baseUrl.replace(/\/+$/, '')}/internal/v1/workspaces/${encodeURIComponent(workspace)}${path}${search ? `?${search}` : ''}`;
    let response: Response;
    try {
      response = await fetch(url, { signal: AbortSignal.timeout(this.timeoutMs) });
    } catch (error) {
      const cause =
        error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error);
      return fail(
        'unavailable',
        `The archive does not answer (the analytics service at ${this.baseUrl}: ${cause}); histories and trends come back when it runs. Scores and contacts (GET /v1/contacts/{contact}) do not need it.`,
      );
    }
    const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
    return { response, body };
  }

  private failed(response: Response, body: Record<string, unknown>): never {
    const message =
      typeof body['message'] === 'string' ? body['message'] : `${response.status} ${response.statusText}`;
    if (response.status === 400) return fail('invalid-request', message);
    return fail(
      'unavailable',
      `The archive failed to answer (the analytics service said: ${message}); retry shortly.`,
    );
  }

  /**
   * The archived events of some contacts, each contact's in the order the scorer saw them, with their
   * positions (GET …/replay-events, in calls of at most 100 contacts): a backtest folds the contacts
   * merged into a survivor into it with them.
   */
  async replayEvents(workspace: string, contacts: readonly string[]): Promise<ArchivedReplayEvent[]> {
    const events: ArchivedReplayEvent[] = [];
    for (let i = 0; i < contacts.length; i += REPLAY_EVENTS_CONTACTS) {
      const answer = await this.get<ReplayEvents>(workspace, '/replay-events', {
        contact: contacts.slice(i, i + REPLAY_EVENTS_CONTACTS),
      });
      events.push(...answer.events);
    }
    return events;
  }

  /**
   * One page of the workspace's archived contacts, in contact-key order, each with its archived events
   * in the order the scorer saw them (schemas/api/replay-contacts.schema.json, checked here: an answer
   * that breaks it is a 503, never figures computed from it). `after`: the previous page's `next`.
   */
  async replayContacts(
    workspace: string,
    after: string | undefined,
    contacts = REPLAY_CONTACTS_PAGE,
  ): Promise<ReplayContacts> {
    let size = contacts;
    for (;;) {
      const { response, body } = await this.request(workspace, '/replay-contacts', {
        after,
        contacts: String(size),
      });
      // Too many events in one page (the archive caps what it sends at once): ask for fewer contacts.
      if (response.status === 413 && size > 1) {
        size = Math.ceil(size / 2);
        continue;
      }
      if (response.status === 413)
        return fail(
          'unavailable',
          `A contact after ${after ?? 'the first'} has more archived events than the archive replays at once (the analytics service said: ${typeof body['message'] === 'string' ? body['message'] : '413'}); it cannot be replayed.`,
        );
      if (!response.ok) return this.failed(response, body);
      if (validReplayContacts(body)) return body;
      const error = validReplayContacts.errors?.[0];
      return fail(
        'unavailable',
        `The archive answered a page of contacts the api cannot read (the analytics service at ${this.baseUrl}: ${error ? `${error.instancePath || '(body)'} ${error.message ?? 'is invalid'}` : 'not a page of contacts'}); is it the same release as the api?`,
      );
    }
  }
}
