import { parseArgs } from 'node:util';
import { loadConfig } from '@cogov/hosting';
import {
  type DeadLetterOperator,
  KafkaDeadLetters,
  type ListedDeadLetter,
  SqlDeadLetters,
} from '@cogov/messaging';
import { describeDatabase, SqlDatabase } from '@cogov/persistence';

const HELP = `Usage: npm run dead-letters -- list [--group G] [--kafka]
       npm run dead-letters -- replay <id…|--all> [--group G] [--kafka]

Lists the messages consumers gave up on, or hands some back to their consumer group: a replayed
event is parked for the group, and its running bus applies it within seconds (or at its next
start), in order with the rest of its aggregate; if it fails for good again it is dead-lettered
again. Without --kafka: the in-process bus's table in the platform's database (DATA_DIR, or
DATABASE_URL and DATABASE_SCHEMA). With --kafka: the groups' dead-letter topics (KAFKA_BROKERS,
KAFKA_NAMESPACE), replayed into the consuming context's database (DATABASE_URL, DATABASE_SCHEMA).`;

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      group: { type: 'string' },
      all: { type: 'boolean', default: false },
      kafka: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [command, ...ids] = positionals;
  if (values.help || (command !== 'list' && command !== 'replay')) {
    console.log(HELP);
    return values.help ? 0 : 2;
  }
  if (command === 'replay' && ids.length === 0 && !values.all) {
    console.error(`replay needs event ids or --all\n\n${HELP}`);
    return 2;
  }
  const config = loadConfig();
  const db = await SqlDatabase.open(config.database);
  try {
    const operator: DeadLetterOperator = values.kafka
      ? new KafkaDeadLetters(db, { brokers: config.kafkaBrokers, namespace: config.kafkaNamespace })
      : new SqlDeadLetters(db);
    const where = values.kafka
      ? `Kafka ${config.kafkaBrokers.join(',')} namespace ${config.kafkaNamespace}`
      : describeDatabase(config.database);
    if (command === 'list') {
      const listed = await operator.list(values.group);
      console.log(`${listed.length} dead letter(s) in ${where}`);
      for (const dead of listed) console.log(line(dead));
      return 0;
    }
    const replayed = await operator.replay(values.all ? 'all' : ids, values.group);
    const missing = values.all ? [] : ids.filter((id) => !replayed.some((d) => d.id === id));
    for (const dead of replayed) console.log(`replayed ${line(dead)}`);
    for (const id of missing)
      console.error(`no replayable dead letter ${id}${values.group ? ` in ${values.group}` : ''}`);
    return missing.length > 0 ? 1 : 0;
  } finally {
    await db.close();
  }
}

function line(d: ListedDeadLetter): string {
  const replayed = d.replayedAt ? ` (replayed ${d.replayedAt})` : '';
  return `${d.group}  ${d.id}  ${d.type ?? '?'}  ${d.failedAt}  attempts ${d.attempts}  ${d.error}${replayed}`;
}

main()
  .then((code) => process.exit(code))
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
