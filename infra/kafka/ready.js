// Exits 0 when the broker at argv[2] describes its cluster (uses the project's kafkajs).
const { Kafka, logLevel } = require('kafkajs');

const admin = new Kafka({ clientId: 'ready-check', brokers: [process.argv[2]], logLevel: logLevel.NOTHING, retry: { retries: 0 } }).admin();
admin
  .connect()
  .then(() => admin.describeCluster())
  .then((cluster) => admin.disconnect().then(() => process.exit(cluster.brokers.length > 0 ? 0 : 1)))
  .catch(() => process.exit(1));
