import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseModel, type CanonicalEvent, type ScoringModel } from '@leadscore/contracts';
import { workspaceRoot } from '@leadscore/testing';
import { applyEvent, emptyState, refit, type ContactScoreState } from '@leadscore/scoring';

/** The ONTRAPORT example model, re-homed to a workspace of the test's own. */
export function ontraportModel(workspace: string, version = 1): ScoringModel {
  const text = readFileSync(join(workspaceRoot(), 'examples/models/ontraport.yaml'), 'utf8');
  return { ...parseModel(text, 'yaml', 'ontraport.yaml'), workspace, version };
}

const BASE_TIME = Date.UTC(2026, 0, 1);

/** A deterministic mix of clicks, pricing and member-area views and profile updates for `contacts`. */
export function eventStream(workspace: string, contacts: number, count: number, seed = 1): CanonicalEvent[] {
  let x = seed;
  const random = () => {
    x = (x * 1_103_515_245 + 12_345) % 2_147_483_648;
    return x / 2_147_483_648;
  };
  return Array.from({ length: count }, (_, i): CanonicalEvent => {
    const subject = `user:c${Math.floor(random() * contacts)}`;
    const time = new Date(BASE_TIME + i * 60_000).toISOString();
    const base = {
      specversion: '1.0' as const,
      id: `ev-${seed}-${i}`,
      source: '/test',
      time,
      subject,
      workspace,
    };
    const kind = random();
    if (kind < 0.4) return { ...base, type: 'email.clicked', data: { url: 'https://example.com/x' } };
    if (kind < 0.6)
      return {
        ...base,
        type: 'web.page_viewed',
        data: { url: 'https://example.com/pricing', path: '/pricing' },
      };
    if (kind < 0.8)
      return {
        ...base,
        type: 'web.page_viewed',
        data: { url: 'https://example.com/members/a', path: '/members/a' },
      };
    if (kind < 0.9) return { ...base, type: 'email.opened', data: {} };
    return {
      ...base,
      type: 'contact.updated',
      data: {
        traits: { jobTitle: random() < 0.5 ? 'CEO' : 'Engineer', state: random() < 0.5 ? 'CO' : 'NY' },
      },
    };
  });
}

export interface ReferenceScore {
  state: ContactScoreState;
}

/** What the pure engine says each contact ends with, applying the stream in order (as the scorer must). */
export function referenceScores(
  model: ScoringModel,
  events: readonly CanonicalEvent[],
): Map<string, ContactScoreState> {
  const states = new Map<string, ContactScoreState>();
  const profiles = new Map<string, Record<string, unknown>>();
  const seen = new Set<string>();
  for (const event of events) {
    if (seen.has(event.id)) continue;
    seen.add(event.id);
    const time = Date.parse(event.time);
    let state = states.get(event.subject) ?? emptyState(model, time);
    if (event.type === 'contact.updated' || event.type === 'contact.identified') {
      const traits = (event.data as { traits: Record<string, unknown> }).traits;
      const profile = { ...(profiles.get(event.subject) ?? {}), ...traits };
      profiles.set(event.subject, profile);
      state = refit(model, state, profile, time, null).state;
    }
    state = applyEvent(
      model,
      state,
      { id: event.id, source: event.source, type: event.type, data: event.data },
      time,
    ).state;
    states.set(event.subject, state);
  }
  return states;
}
