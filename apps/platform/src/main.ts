import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { FileClock, loadConfig } from '@cogov/hosting';
import { createPlatformApp } from './create-app';
import { lockDataDir } from '@cogov/hosting';

async function main(): Promise<void> {
  const config = loadConfig();
  const unlock =
    config.database.kind === 'sqlite' ? lockDataDir(config.dataDir, 'npm start') : () => undefined;
  process.on('exit', unlock);
  const app = await createPlatformApp(
    config,
    config.testClockFile ? { clock: new FileClock(config.testClockFile) } : {},
  );
  await app.listen(config.port, config.host);
  const url = `http://${config.host}:${config.port}`;
  Logger.log(`embedded platform listening on ${url}/api — OpenAPI UI at ${url}/docs`, 'Platform');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
