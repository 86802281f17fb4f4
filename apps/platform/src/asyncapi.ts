import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { asyncApiDocument, toYaml } from '@cogov/hosting';

/**
 * Writes the AsyncAPI document (default `docs/asyncapi.yaml`) from the contracts. Run it after
 * adding or changing a contract; `asyncapi.unit.spec.ts` fails while the file lags behind.
 */
const file = path.resolve(process.argv[2] ?? 'docs/asyncapi.yaml');
writeFileSync(file, toYaml(asyncApiDocument()));
console.log(`wrote ${file}`);
