import { describe, expect, it } from '@jest/globals';
import { type CanonicalEvent } from '@leadscore/contracts';
import { type AcceptedEvent } from '../batch/event-batch.js';
import { NO_ALIASES, type ContactAliases } from './contact-aliases.js';
import { mergeIdOf, stitchIdentities } from './stitching.js';

const accepted = (
  index: number,
  event: Partial<CanonicalEvent> & Pick<CanonicalEvent, 'type' | 'subject'>,
): AcceptedEvent => {
  const full = {
    specversion: '1.0',
    id: `e-${index}`,
    source: '/v1/identify',
    time: '2026-12-07T10:00:00.000Z',
    workspace: 'acme',
    data: {},
    ...event,
  } as CanonicalEvent;
  return { index, event: full, value: JSON.stringify(full) };
};

const aliasesOf = (entries: Record<string, string>): ContactAliases => ({
  survivorOf: (workspace, subject) => entries[`${workspace}/${subject}`],
});

describe('stitchIdentities', () => {
  it('follows an identify naming a known contact and an anonymous id with the merge of the anonymous contact', () => {
    const identify = accepted(0, {
      type: 'contact.identified',
      subject: 'email:ada@example.com',
      data: { identities: { anonymous_id: ' visitor-1 ', email: 'ada@example.com' } },
    });
    const out = stitchIdentities([identify], NO_ALIASES);
    expect(out[0]).toBe(identify);
    expect(out[1]?.index).toBe(0);
    expect(JSON.parse(out[1]!.value)).toEqual({
      specversion: '1.0',
      id: 'merge:e-0',
      source: '/v1/identify',
      type: 'contact.merged',
      time: '2026-12-07T10:00:00.000Z',
      subject: 'email:ada@example.com',
      workspace: 'acme',
      data: { merged_subject: 'anon:visitor-1' },
    });
  });

  it('asks for no merge when the identify is the anonymous contact’s own, or the merge is known', () => {
    const own = accepted(0, {
      type: 'contact.identified',
      subject: 'anon:v',
      data: { identities: { anonymous_id: 'v' } },
    });
    const known = accepted(1, {
      type: 'contact.identified',
      subject: 'email:ada@example.com',
      data: { identities: { anonymous_id: 'w' } },
    });
    const out = stitchIdentities([own, known], aliasesOf({ 'acme/anon:w': 'email:ada@example.com' }));
    expect(out.map((entry) => entry.event.type)).toEqual(['contact.identified', 'contact.identified']);
  });

  it('keys an event of a merged-away contact by its survivor, value and all', () => {
    const view = accepted(3, { type: 'web.page_viewed', subject: 'anon:v', data: { url: 'https://x.io' } });
    const [out] = stitchIdentities([view], aliasesOf({ 'acme/anon:v': 'user:42' }));
    expect(out?.event.subject).toBe('user:42');
    expect(JSON.parse(out!.value)).toMatchObject({
      id: 'e-3',
      subject: 'user:42',
      data: { url: 'https://x.io' },
    });
  });

  it('reads an anonymous visitor’s form naming an email as an identify, followed by its merge', () => {
    const form = accepted(4, {
      type: 'web.form_submitted',
      source: '/v1/track',
      subject: 'anon:v-9',
      data: {
        form_id: 'demo',
        fields: { Work_Email: 'Ada@Example.com ', company: 'Acme', newsletter: true },
      },
    });
    const out = stitchIdentities([form], NO_ALIASES);
    expect(out.map((entry) => [entry.index, entry.event.type, entry.event.subject, entry.event.id])).toEqual([
      [4, 'web.form_submitted', 'anon:v-9', 'e-4'],
      [4, 'contact.identified', 'email:ada@example.com', 'identify:e-4'],
      [4, 'contact.merged', 'email:ada@example.com', 'merge:identify:e-4'],
    ]);
    expect(out[1]?.event.data).toEqual({
      identities: { email: 'ada@example.com', anonymous_id: 'v-9' },
      traits: { Work_Email: 'Ada@Example.com ', company: 'Acme', newsletter: true },
    });
    // A known contact's form, or one without an email, identifies nobody.
    const known = accepted(5, { ...form.event, subject: 'user:42' });
    const noEmail = accepted(6, {
      type: 'web.form_submitted',
      subject: 'anon:v-9',
      data: { form_id: 'x', fields: { email: 'not an address' } },
    });
    expect(stitchIdentities([known, noEmail], NO_ALIASES)).toHaveLength(2);
  });

  it('derives a merge id that fits the 256 characters of an id, and the same one for the same identify', () => {
    expect(mergeIdOf('m-1')).toBe('merge:m-1');
    const long = 'x'.repeat(256);
    expect(mergeIdOf(long)).toMatch(/^merge:sha256:[0-9a-f]{64}$/);
    expect(mergeIdOf(long)).toBe(mergeIdOf(long));
  });
});
