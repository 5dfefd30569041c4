import { type ScoringModel } from '@leadscore/contracts';
import { draftOf, type ContactScoreState } from './contact-score.state.js';
import { scoreOfState, type Score } from './score.js';
import { effectiveTime } from './scoring-time.js';
import { settle } from './time-effects.js';

/**
 * The contact's scores at `now`, with every time effect due by then (decay, expiry, absences,
 * inactivity) taken into account, whether or not the decay service has run. The state is not changed.
 */
export function scoreAt(model: ScoringModel, state: ContactScoreState, now: number): Score {
  const time = effectiveTime(now, state.asOf);
  const draft = draftOf(state, model);
  settle(model, draft, time);
  return scoreOfState(model, draft, time);
}
