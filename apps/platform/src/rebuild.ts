import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { PROJECTION_RUNNER, type ProjectionRunner, type RebuildProgress } from '@cogov/projections';
import { describeDatabase } from '@cogov/persistence';
import { loadConfig } from '@cogov/hosting';
import { lockDataDir } from '@cogov/hosting';
import { PlatformModule } from './platform.module';

/** `npm run rebuild`: empties every read model and replays the whole history into it. */
async function main(): Promise<void> {
  const config = loadConfig();
  const unlock =
    config.database.kind === 'sqlite' ? lockDataDir(config.dataDir, 'npm run rebuild') : () => undefined;
  process.on('exit', unlock);
  const app = await NestFactory.createApplicationContext(
    PlatformModule.embedded(config, { startWorkers: false }),
    {
      logger: ['error', 'warn'],
    },
  );
  await app.init();
  const runner = app.get<ProjectionRunner>(PROJECTION_RUNNER);
  console.log(`rebuilding ${runner.registered.length} read models from ${describeDatabase(config.database)}`);
  for (const projection of runner.registered) {
    const done = await runner.rebuild(projection.name, (p) => {
      if (p.position < p.head) report(p, false);
    });
    report(done, true);
  }
  await app.close();
}

function report(p: RebuildProgress, final: boolean): void {
  const share = p.head === 0 ? 100 : Math.min(100, Math.floor((p.position / p.head) * 100));
  const line = `${p.projection}: ${share}% (position ${p.position}/${p.head}, ${p.events} events, ${p.eventsPerSecond} events/s)`;
  if (process.stdout.isTTY && !final) process.stdout.write(`\r${line}`);
  else if (final) process.stdout.write(`${process.stdout.isTTY ? '\r' : ''}${line}\n`);
  else console.log(line);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
