import { describe, expect, it } from '@jest/globals';
import { scoreChangedSchema } from '@leadscore/contracts';
import { Ajv } from 'ajv';
import { ONTRAPORT, T0, days, modelWith } from '../test/scoring-fixtures.js';
import { applyEvent } from './apply-event.js';
import { emptyState } from './contact-score.state.js';
import { refit } from './refit.js';
import { toScoreChangedData } from './score-change.js';
import { advanceTo } from './time-effects.js';

const validateData = new Ajv({ allErrors: true, strict: false }).compile({
  definitions: scoreChangedSchema['definitions'],
  $ref: '#/definitions/ScoreChangedData',
});

describe('toScoreChangedData', () => {
  it('turns every kind of change into data that leads.score-changed.v1 accepts', () => {
    let state = emptyState(ONTRAPORT, T0);
    const results = [];
    results.push(refit(ONTRAPORT, state, { jobTitle: 'CEO' }, T0));
    state = results[0]?.state ?? state;
    results.push(refit(ONTRAPORT, state, { jobTitle: 'CEO', state: 'CO' }, T0, 'u1'));
    state = results[1]?.state ?? state;
    results.push(applyEvent(ONTRAPORT, state, { id: 'e1', type: 'email.clicked' }, T0));
    state = results[2]?.state ?? state;
    results.push(advanceTo(ONTRAPORT, state, days(3)));
    const changes = results.map((r) => r.change);
    expect(changes.map((c) => c?.cause.type)).toEqual(['refit', 'refit', 'event', 'decay']);
    for (const change of changes) {
      if (!change) throw new Error('expected a change');
      const data = toScoreChangedData(change, 'email:ceo@acme.test');
      expect(validateData(data) ? [] : validateData.errors).toEqual([]);
      expect(data.sequence).toBe(change.sequence);
    }
  });

  it('names each contribution’s score group, and the group’s clip, in data leads.score-changed.v1 accepts', () => {
    const model = modelWith({
      groups: [{ id: 'firmographics', max: 10 }],
      fit: [
        {
          id: 'ceo',
          field: 'jobTitle',
          operator: 'equals',
          value: 'CEO',
          points: 15,
          group: 'firmographics',
        },
        { id: 'colorado', field: 'state', operator: 'equals', value: 'CO', points: 5 },
      ],
    });
    const change = refit(model, emptyState(model, T0), { jobTitle: 'CEO', state: 'CO' }, T0).change;
    if (!change) throw new Error('expected a change');
    const data = toScoreChangedData(change, 'email:ceo@acme.test');
    expect(validateData(data) ? [] : validateData.errors).toEqual([]);
    expect(data.contributions).toEqual([
      { ruleId: 'ceo', kind: 'fit', points: 15, eventId: null, group: 'firmographics' },
      { ruleId: 'colorado', kind: 'fit', points: 5, eventId: null },
      { ruleId: 'group:firmographics', kind: 'fit', points: -5, eventId: null, group: 'firmographics' },
    ]);
    expect(data.current.fit).toBe(15);
  });
});
