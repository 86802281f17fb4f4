// Usage: node infra/kafka/smoke.mjs write | check <topic> <group> <count> | caveats — kafkajs checks against the broker.
//
// kafkajs comes from the caller's node_modules (run it from the repo root, or from a scratch directory
// with `npm i kafkajs@2.2.4`). Broker: KAFKA_BROKERS (default 127.0.0.1:9092).
//   write    creates a topic with 3 partitions, sends keyed messages with an idempotent producer, reads
//            them back in a consumer group (fromBeginning), commits the offsets; prints the last line
//            `check <topic> <group> <count>` to run after a broker restart.
//   check    after a restart: the topic, its messages, and the group's committed offsets are still there
//            (the group gets nothing again; a new group reads everything in the same order per key);
//            then deletes the topic and groups unless SMOKE_KEEP=1.
//   caveats  what happens to a consumer subscribing to, and a producer sending to, a topic that does not
//            exist (auto-creation is off on this broker).
// Exits 0 when every check holds, 1 otherwise.
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(path.join(process.cwd(), 'noop.js'));
const { Kafka, Partitioners, logLevel } = require('kafkajs');
const kafkajsVersion = require('kafkajs/package.json').version;

const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
const kafka = new Kafka({ clientId: 'infra-smoke', brokers, logLevel: logLevel.WARN });
const KEYS = 10;
const PER_KEY = 5;

let failures = 0;
const ok = (cond, what) => {
  console.log(`${cond ? 'ok  ' : 'FAIL'} ${what}`);
  if (!cond) failures += 1;
};
const ms = (t0) => `${Date.now() - t0} ms`;

/** Reads until `expected` messages came or `quietMs` passed without one; returns them in arrival order. */
async function consume(groupId, topic, expected, { commit, quietMs = 5_000, fromBeginning = true }) {
  const consumer = kafka.consumer({ groupId, sessionTimeout: 10_000, heartbeatInterval: 1_000 });
  const got = [];
  const t0 = Date.now();
  let firstAt;
  await consumer.connect();
  await consumer.subscribe({ topics: [topic], fromBeginning });
  let joinedAt; // quiet time counts from the group join (the first join may wait for __consumer_offsets)
  let last = 0;
  let groupJoin = 'never';
  consumer.on(consumer.events.GROUP_JOIN, (e) => {
    joinedAt ??= Date.now();
    groupJoin = `${joinedAt - t0} ms (${e.payload.memberAssignment[topic]?.length ?? 0} partitions assigned)`;
  });
  let resolveDone;
  const done = new Promise((r) => (resolveDone = r));
  await consumer.run({
    autoCommit: false,
    eachMessage: async ({ topic: t, partition, message }) => {
      firstAt ??= Date.now();
      got.push({
        partition,
        offset: message.offset,
        key: message.key.toString(),
        value: message.value.toString(),
      });
      if (commit) {
        await consumer.commitOffsets([
          { topic: t, partition, offset: (BigInt(message.offset) + 1n).toString() },
        ]);
      }
      last = Date.now();
      if (got.length >= expected) resolveDone();
    },
  });
  const timer = setInterval(() => {
    if (joinedAt && Date.now() - Math.max(last, joinedAt) > quietMs) resolveDone();
    if (Date.now() - t0 > 60_000) resolveDone();
  }, 200);
  await done;
  clearInterval(timer);
  await consumer.disconnect();
  return { got, groupJoin, firstMessageAfter: firstAt ? `${firstAt - t0} ms` : 'none' };
}

function orderedPerKey(got) {
  const byKey = new Map();
  for (const m of got) {
    const prev = byKey.get(m.key);
    const seq = Number(m.value.split(':')[1]);
    if (prev && (prev.partition !== m.partition || prev.seq + 1 !== seq)) return false;
    if (!prev && seq !== 0) return false;
    byKey.set(m.key, { partition: m.partition, seq });
  }
  return byKey.size === KEYS;
}

async function write() {
  const stamp = Date.now().toString(36);
  const topic = `infra-smoke.${stamp}`;
  const group = `infra-smoke-group.${stamp}`;
  const count = KEYS * PER_KEY;
  console.log(`kafkajs ${kafkajsVersion}, brokers ${brokers.join(',')}, topic ${topic}`);

  const admin = kafka.admin();
  await admin.connect();
  const cluster = await admin.describeCluster();
  ok(
    cluster.brokers.length === 1,
    `describeCluster: ${cluster.brokers.length} broker, controller ${cluster.controller}, cluster ${cluster.clusterId}`,
  );
  let t0 = Date.now();
  const created = await admin.createTopics({
    topics: [{ topic, numPartitions: 3, replicationFactor: 1 }],
    waitForLeaders: true,
  });
  ok(created, `createTopics(${topic}, numPartitions: 3) in ${ms(t0)}`);
  const meta = await admin.fetchTopicMetadata({ topics: [topic] });
  ok(meta.topics[0].partitions.length === 3, `topic has ${meta.topics[0].partitions.length} partitions`);

  const producer = kafka.producer({
    idempotent: true, // acks: -1 on every send (kafkajs refuses anything else)
    maxInFlightRequests: 1,
    retry: { retries: 10 }, // explicit; kafkajs' default for an idempotent producer is Number.MAX_SAFE_INTEGER
    createPartitioner: Partitioners.DefaultPartitioner,
  });
  await producer.connect();
  t0 = Date.now();
  const partitionsUsed = new Set();
  for (let seq = 0; seq < PER_KEY; seq += 1) {
    const res = await producer.send({
      topic,
      messages: Array.from({ length: KEYS }, (_, k) => ({ key: `key-${k}`, value: `key-${k}:${seq}` })),
    });
    res.forEach((r) => partitionsUsed.add(r.partition));
  }
  ok(
    true,
    `idempotent producer sent ${count} keyed messages in ${PER_KEY} batches in ${ms(t0)}; partitions used: ${[...partitionsUsed].sort().join(',')}`,
  );
  await producer.disconnect();

  t0 = Date.now();
  const { got, groupJoin, firstMessageAfter } = await consume(group, topic, count, { commit: true });
  ok(
    got.length === count,
    `consumer group ${group} read ${got.length}/${count} (joined after ${groupJoin}, first message after ${firstMessageAfter}, all in ${ms(t0)})`,
  );
  ok(orderedPerKey(got), 'each key stayed on one partition, in send order');

  const committed = await admin.fetchOffsets({ groupId: group, topics: [topic] });
  const high = await admin.fetchTopicOffsets(topic);
  const match = high.every(
    (h) => committed[0].partitions.find((p) => p.partition === h.partition)?.offset === h.high,
  );
  ok(
    match,
    `committed offsets equal the high watermarks: ${high.map((h) => `p${h.partition}=${h.high}`).join(' ')}`,
  );
  await admin.disconnect();
  console.log(failures ? `${failures} check(s) failed` : 'all checks passed');
  console.log(`check ${topic} ${group} ${count}`);
}

async function check(topic, group, count) {
  count = Number(count);
  console.log(`kafkajs ${kafkajsVersion}, brokers ${brokers.join(',')}, topic ${topic}`);
  const admin = kafka.admin();
  await admin.connect();
  const topics = await admin.listTopics();
  ok(topics.includes(topic), `topic ${topic} survived the restart`);
  const high = await admin.fetchTopicOffsets(topic);
  const total = high.reduce((s, h) => s + Number(h.high), 0);
  ok(high.length === 3 && total === count, `3 partitions holding ${total}/${count} messages`);
  const committed = await admin.fetchOffsets({ groupId: group, topics: [topic] });
  const match = high.every(
    (h) => committed[0].partitions.find((p) => p.partition === h.partition)?.offset === h.high,
  );
  ok(
    match,
    `group ${group} kept its committed offsets: ${committed[0].partitions.map((p) => `p${p.partition}=${p.offset}`).join(' ')}`,
  );
  await admin.disconnect();

  let t0 = Date.now();
  const again = await consume(group, topic, 1, { commit: false, quietMs: 4_000 });
  ok(
    again.got.length === 0,
    `the same group rejoins (after ${again.groupJoin}) at its offsets: ${again.got.length} message(s) redelivered`,
  );
  t0 = Date.now();
  const fresh = await consume(`${group}.fresh`, topic, count, { commit: false });
  ok(
    fresh.got.length === count && orderedPerKey(fresh.got),
    `a new group reads all ${fresh.got.length} again, in order per key (joined after ${fresh.groupJoin}, ${ms(t0)} in all)`,
  );
  if (!failures && !process.env.SMOKE_KEEP) {
    await admin.connect();
    await admin.deleteGroups([group, `${group}.fresh`]);
    await admin.deleteTopics({ topics: [topic] });
    await admin.disconnect();
    console.log(`deleted ${topic} and its groups (SMOKE_KEEP=1 keeps them)`);
  }
  console.log(failures ? `${failures} check(s) failed` : 'all checks passed');
}

async function caveats() {
  const topic = `infra-smoke.missing.${Date.now().toString(36)}`;
  console.log(`kafkajs ${kafkajsVersion}, brokers ${brokers.join(',')}, topic ${topic} (never created)`);
  const consumer = kafka.consumer({ groupId: `${topic}.group` });
  await consumer.connect();
  let t0 = Date.now();
  try {
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await consumer.run({ eachMessage: async () => {} });
    await new Promise((r) => setTimeout(r, 5_000));
    ok(false, 'subscribing to a missing topic did not fail');
  } catch (e) {
    ok(true, `subscribing to a missing topic fails (${ms(t0)}): ${e.name}: ${e.message}`);
  }
  await consumer.disconnect().catch(() => {});

  const producer = kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    retry: { retries: 2, maxRetryTime: 1_000 },
    createPartitioner: Partitioners.DefaultPartitioner,
  });
  await producer.connect();
  t0 = Date.now();
  try {
    await producer.send({ topic, messages: [{ key: 'k', value: 'v' }] });
    ok(false, 'sending to a missing topic did not fail');
  } catch (e) {
    ok(true, `sending to a missing topic fails (${ms(t0)}): ${e.name}: ${e.message}`);
  }
  await producer.disconnect();
  const admin = kafka.admin();
  await admin.connect();
  ok(!(await admin.listTopics()).includes(topic), 'and neither created the topic');
  await admin.disconnect();
  console.log(failures ? `${failures} check(s) failed` : 'all checks passed');
}

const [cmd, ...args] = process.argv.slice(2);
const run = { write, check, caveats }[cmd ?? 'write'];
if (!run) {
  console.error('usage: node infra/kafka/smoke.mjs write | check <topic> <group> <count> | caveats');
  process.exit(2);
}
run(...args)
  .then(() => process.exit(failures ? 1 : 0))
  .catch((e) => {
    console.error(e);
    process.exit(1);
  });
