// Exits 0 when the broker at argv[2] describes its cluster (kafkajs from the repo's node_modules); used by common.sh.
const { Kafka, logLevel } = require('kafkajs');

setTimeout(() => process.exit(1), 10_000).unref(); // bounded, whatever the broker does
const admin = new Kafka({
  clientId: 'ready-check',
  brokers: [process.argv[2]],
  logLevel: logLevel.NOTHING,
  retry: { retries: 0 },
}).admin();
admin
  .connect()
  .then(() => admin.describeCluster())
  .then((cluster) => admin.disconnect().then(() => process.exit(cluster.brokers.length > 0 ? 0 : 1)))
  .catch(() => process.exit(1));
