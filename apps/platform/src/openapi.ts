import 'reflect-metadata';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig, openApiDocument } from '@cogov/hosting';
import { createPlatformApp, PLATFORM_API_TITLE } from './create-app';

/**
 * Writes the embedded platform's OpenAPI document to the file given (default
 * `dist/openapi.json`) without serving anything: the app is composed on a throw-away data
 * directory and closed again. `npm run openapi` then lints it.
 */
async function main(): Promise<void> {
  const file = path.resolve(process.argv[2] ?? 'dist/openapi.json');
  const dataDir = mkdtempSync(path.join(tmpdir(), 'cogov-openapi-'));
  try {
    const app = await createPlatformApp(loadConfig({ DATA_DIR: dataDir }), { logger: false });
    writeFileSync(file, `${JSON.stringify(openApiDocument(app, PLATFORM_API_TITLE), null, 2)}\n`);
    await app.close();
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
