import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { ProducerThread } from './producer-thread';

/** Against the real broker that `npm test` starts (infra/kafka). */
const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');

describe('the relay producer in its own thread (real broker)', () => {
  const kafka = new Kafka({ clientId: 'producer-thread-test', brokers, logLevel: logLevel.WARN });

  it('answers a send once the broker has it, and keeps the order of sends per key', async () => {
    const topic = `producer-thread-${randomUUID().slice(0, 8)}`;
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic, numPartitions: 3 }], waitForLeaders: true });
    const thread = ProducerThread.start({ brokers, clientId: 'producer-thread-test' });
    try {
      // Sent without waiting in between: the thread must still send them one after the other.
      const sends = Array.from({ length: 20 }, (_, page) =>
        thread.send(
          topic,
          Array.from({ length: 50 }, (_, i) => ({
            key: `key-${i % 7}`,
            value: `${page}:${i}`,
            headers: { 'page-of': `${page}`, 'utf-8': '社区 ✓' },
          })),
        ),
      );
      await Promise.all(sends);
      const offsets = await admin.fetchTopicOffsets(topic);
      expect(offsets.reduce((n, o) => n + Number(o.high), 0)).toBe(1000); // all acknowledged

      const seen = new Map<string, string[]>();
      const consumer = kafka.consumer({ groupId: `${topic}-reader` });
      await consumer.connect();
      await consumer.subscribe({ topic, fromBeginning: true });
      let count = 0;
      const headers = new Set<string>();
      const all = new Promise<void>((resolve) => {
        void consumer.run({
          eachMessage: async ({ message }) => {
            const key = message.key!.toString();
            headers.add(`${message.headers?.['utf-8']?.toString()}`);
            seen.set(key, [...(seen.get(key) ?? []), message.value!.toString()]);
            if (++count === 1000) resolve();
          },
        });
      });
      await all;
      await consumer.disconnect();
      // Headers cross to the thread packed into one buffer: they arrive as sent, UTF-8 included.
      expect([...headers]).toEqual(['社区 ✓']);
      for (const [key, values] of seen) {
        const expected = Array.from({ length: 20 }, (_, page) =>
          Array.from({ length: 50 }, (_, i) => i)
            .filter((i) => `key-${i % 7}` === key)
            .map((i) => `${page}:${i}`),
        ).flat();
        expect(values).toEqual(expected);
      }
    } finally {
      await thread.stop();
      await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
      await admin.disconnect();
    }
  });

  it('after a failed send it sends nothing queued behind it, so no later page overtakes it', async () => {
    const topic = `producer-thread-${randomUUID().slice(0, 8)}`;
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic, numPartitions: 1 }], waitForLeaders: true });
    const thread = ProducerThread.start({ brokers, clientId: 'producer-thread-test' });
    try {
      await thread.send(topic, [{ key: 'k', value: 'first', headers: {} }]);
      // Over the broker's message.max.bytes (1 MB): refused, and not a failure a retry mends.
      const tooLarge = thread.send(topic, [{ key: 'k', value: 'x'.repeat(2 * 1024 * 1024), headers: {} }]);
      const behind = thread.send(topic, [{ key: 'k', value: 'behind', headers: {} }]);
      await expect(tooLarge).rejects.toThrow();
      await expect(behind).rejects.toThrow(/earlier send failed/);
      expect(thread.alive).toBe(false);
      const offsets = await admin.fetchTopicOffsets(topic);
      expect(offsets.reduce((n, o) => n + Number(o.high), 0)).toBe(1);
    } finally {
      await thread.stop();
      await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
      await admin.disconnect();
    }
  });

  it('refuses sends once its thread has ended, saying so', async () => {
    const thread = ProducerThread.start({ brokers, clientId: 'producer-thread-test' });
    await thread.stop();
    expect(thread.alive).toBe(false);
    await expect(thread.send('any-topic', [{ key: 'k', value: 'x', headers: {} }])).rejects.toThrow(
      /producer thread exited/,
    );
  });
});
