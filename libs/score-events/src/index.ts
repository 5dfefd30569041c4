export { scoreChangedEvent, scoreChangedEventId } from './score-changed.event.js';
export { scoreRowOf } from './score-row.js';
