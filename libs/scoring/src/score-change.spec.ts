import { describe, expect, it } from '@jest/globals';
import { scoreChangedSchema } from '@leadscore/contracts';
import { Ajv } from 'ajv';
import { ONTRAPORT, T0, days } from '../test/scoring-fixtures.js';
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
});
