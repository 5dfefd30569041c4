export { scoreChangedEvent, scoreChangedEventId } from './score-changed.event.js';
