import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CONTEXTS } from './contexts';

const ROOT = path.resolve(__dirname, '..');
const listed = JSON.parse(fs.readFileSync(path.join(__dirname, 'contexts.json'), 'utf8')) as string[];

describe('the list of contexts', () => {
  it('is the same in contexts.json (read by the boundary rules) and contexts.ts (read by the hosts)', () =>
    expect(CONTEXTS.map((c) => c.name)).toEqual(listed));

  it.each(listed)('%s has its folder and manifest where the rules look for them', (name) =>
    expect(fs.existsSync(path.join(__dirname, name, 'src', `${name}.context.ts`))).toBe(true),
  );

  it('gives each context its own port and categories under its own name', () => {
    expect(new Set(CONTEXTS.map((c) => c.port)).size).toBe(CONTEXTS.length);
    for (const context of CONTEXTS) {
      for (const aggregate of Object.values(context.aggregates)) {
        expect(aggregate.category.startsWith(`${context.name}.`)).toBe(true);
      }
    }
  });
});

/**
 * The boundary rules, tried on files that break them: each probe is written into the tree for
 * the run, checked with the project's own `.dependency-cruiser.js`, and removed again.
 */
describe('the boundary rules (npm run lint)', () => {
  const [first, second] = listed as [string, string];
  const tag = randomUUID().slice(0, 8);
  const probes: Record<string, { file: string; source: string }> = {
    'no-cross-context': {
      file: `apps/${first}/src/infrastructure/boundary-probe-${tag}.ts`,
      source: `export * from '../../../${second}/src/domain/${fs
        .readdirSync(path.join(__dirname, second, 'src', 'domain'))
        .find((f) => !f.includes('.spec.'))!
        .replace(/\.ts$/, '')}';\n`,
    },
    'domain-reaches-nothing-impure': {
      // Not a driver itself: the driver is reached through the lib's index.
      file: `apps/${first}/src/domain/boundary-probe-${tag}.ts`,
      source: `export type { CommandContext } from '@cogov/event-sourcing';\n`,
    },
    'outside-sees-only-manifests': {
      file: `bench/boundary-probe-${tag}.ts`,
      source: `export * from '../apps/${first}/src/infrastructure/aggregates';\n`,
    },
  };

  beforeAll(() => {
    for (const probe of Object.values(probes)) fs.writeFileSync(path.join(ROOT, probe.file), probe.source);
  });
  afterAll(() => {
    for (const probe of Object.values(probes)) fs.rmSync(path.join(ROOT, probe.file), { force: true });
  });

  it.each(Object.keys(probes))('%s fails the lint', (rule) => {
    const probe = probes[rule]!;
    let output = '';
    let failed = false;
    try {
      execFileSync(
        process.execPath,
        [
          path.join(ROOT, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs'),
          probe.file,
          '--config',
          '.dependency-cruiser.js',
          '--output-type',
          'err',
        ],
        { cwd: ROOT, encoding: 'utf8', stdio: 'pipe' },
      );
    } catch (error) {
      failed = true;
      const { stdout, stderr } = error as { stdout?: string; stderr?: string };
      output = `${stdout ?? ''}${stderr ?? ''}`;
    }
    expect(failed).toBe(true);
    expect(output).toContain(rule);
    expect(output).toContain(probe.file);
  });
});
