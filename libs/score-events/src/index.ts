export {
  lifecycleEventId,
  scoreChangedEvent,
  scoreChangedEventId,
  THRESHOLD_EVENT_SOURCE,
} from './score-changed.event.js';
export { scoreRowOf } from './score-row.js';
