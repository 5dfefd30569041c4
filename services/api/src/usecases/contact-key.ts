import { normalizeSubject } from '@leadscore/contracts';
import { workspaceSettingsRepository } from '@leadscore/persistence';
import type { ApiContext } from '../app/api.context.js';
import type { Caller } from '../auth/caller.js';
import { fail } from '../http/problem-details.js';

/** Where a contact key came from, for its error: the path, or a lookup's query parameter. */
export interface GivenAs {
  readonly field: string;
  readonly words: string;
}

export const IN_THE_PATH: GivenAs = { field: '{contact}', words: 'in the path' };

/** The contact key as ingest normalises it (phones in the workspace's default country), or a 400 saying why not. */
export async function contactKeyOf(
  context: ApiContext,
  caller: Caller,
  contactKey: string,
  given: GivenAs = IN_THE_PATH,
): Promise<string> {
  // Only a national phone number needs the workspace's default country.
  const settings = contactKey.startsWith('phone:')
    ? await workspaceSettingsRepository.find(context.dataSource.manager, caller.workspaceId)
    : undefined;
  const subject = normalizeSubject(contactKey, { defaultCountry: settings?.defaultCountry ?? undefined });
  if (!subject.ok)
    fail(
      'invalid-request',
      `The contact "${contactKey.slice(0, 80)}" ${given.words} is not a contact key: expected ${subject.expected}. Percent-encode the key if it holds "/" or "?".`,
      [{ field: given.field, expected: subject.expected }],
    );
  return subject.value;
}
