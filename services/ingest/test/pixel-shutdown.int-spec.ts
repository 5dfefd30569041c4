import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createKafkaClient, silentLogger, type KafkaClient } from '@leadscore/kafka';
import { testKafkaBrokers, uniqueName } from '@leadscore/testing';
import { EventPublisher } from '../src/app/event.publisher.js';
import { pixelQuery } from '../src/pixel/pixel-signature.js';
import {
  metricValue,
  PIXEL_SECRET,
  readEvents,
  startTestApp,
  WORKSPACE,
  type TestApp,
} from './ingest-test-app.js';

/**
 * The pixel answers before Kafka acknowledged the open; closing the app right after the answers must
 * still put every open on the topic (the producer flushes, then the publisher drains the outcomes).
 */
describe('pixel opens answered before the ack, then shutdown (real Kafka)', () => {
  const OPENS = 40;
  let t: TestApp;
  let reader: KafkaClient;
  beforeAll(async () => {
    t = await startTestApp({ brokers: testKafkaBrokers() });
    reader = createKafkaClient({
      brokers: testKafkaBrokers(),
      clientId: uniqueName('pixel-reader'),
      logger: silentLogger,
    });
  });
  afterAll(async () => {
    await t.close().catch(() => undefined);
  });

  it('every answered open is on the topic after app.close(), and counted as accepted', async () => {
    const responses = await Promise.all(
      Array.from({ length: OPENS }, (_, i) =>
        t.http.inject({
          method: 'GET',
          url: `/v1/pixel.gif?${pixelQuery(PIXEL_SECRET, { workspace: WORKSPACE, subject: 'email:Shutdown@Example.com', type: 'email.opened', messageId: `shutdown-${i}` })}`,
          headers: { 'user-agent': 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) AppleWebKit/605.1.15' },
        }),
      ),
    );
    expect(responses.map((r) => r.statusCode)).toEqual(Array.from({ length: OPENS }, () => 200));
    const publisher = t.app.get(EventPublisher);
    await t.close();
    expect(publisher.pendingDetached()).toBe(0);
    expect(
      await metricValue(t.registry, 'leadscore_ingest_received_events_total', {
        source: 'pixel',
        result: 'accepted',
      }),
    ).toBe(OPENS);
    expect(await metricValue(t.registry, 'leadscore_ingest_unacknowledged_events_total')).toBe(0);

    const events = await readEvents(reader, t.topic, OPENS);
    const messageIds = new Set(events.map((e) => (e.value['data'] as Record<string, unknown>)['message_id']));
    expect(messageIds.size).toBe(OPENS);
    expect(events[0]?.value).toMatchObject({
      type: 'email.opened',
      subject: 'email:shutdown@example.com',
      source: '/v1/pixel.gif',
      data: { provider: 'pixel', machine_open: false },
    });
  });
});
