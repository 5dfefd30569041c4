import { describe, expect, it } from '@jest/globals';
import { KafkaInstrumentation } from './kafka.instrumentation.js';
import { type KafkaLogger } from './kafka.logger.js';

describe('kafka instrumentation', () => {
  const lag = { groupId: 'g', topic: 't', partition: 0, lag: 7 };

  it('delivers each event to the matching hook of every subscriber until it unsubscribes', () => {
    const instrumentation = new KafkaInstrumentation({ debug() {}, info() {}, warn() {}, error() {} });
    const lags: number[] = [];
    const unsubscribe = instrumentation.subscribe({ onConsumerLag: (event) => lags.push(event.lag) });
    instrumentation.subscribe({ onConsumerLag: (event) => lags.push(event.lag * 10) });
    instrumentation.emit('consumerLag', lag);
    instrumentation.emit('batchProduced', { messages: 1, sends: 1, bytes: 10, durationMs: 1 });
    unsubscribe();
    instrumentation.emit('consumerLag', lag);
    expect(lags).toEqual([7, 70, 70]);
  });

  it('logs a throwing subscriber and still reaches the others', () => {
    const errors: string[] = [];
    const logger: KafkaLogger = {
      debug() {},
      info() {},
      warn() {},
      error: (message) => errors.push(message),
    };
    const instrumentation = new KafkaInstrumentation(logger);
    const seen: number[] = [];
    instrumentation.subscribe({
      onConsumerLag: () => {
        throw new Error('metrics broke');
      },
    });
    instrumentation.subscribe({ onConsumerLag: (event) => seen.push(event.lag) });
    instrumentation.emit('consumerLag', lag);
    expect(seen).toEqual([7]);
    expect(errors).toEqual(['kafka instrumentation subscriber threw']);
  });
});
