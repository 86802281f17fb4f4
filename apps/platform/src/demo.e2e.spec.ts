import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';

/** `npm run demo` as a newcomer runs it: the built demo starts its own embedded platform. */
describe('the demo (embedded default)', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cogov-demo-'));
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('walks its orders to the end and exits 0', async () => {
    const root = path.resolve(__dirname, '../../..');
    const entry = path.join(root, 'dist/apps/platform/src/demo.js');
    if (!fs.existsSync(entry)) throw new Error(`${entry} is missing: run npm run build first`);
    const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir };
    for (const name of ['DATABASE_URL', 'DEMO_URL', 'DEMO_CLUSTER', 'KAFKA_BROKERS']) delete env[name];
    const { stdout } = await promisify(execFile)(process.execPath, [entry], {
      cwd: root,
      env,
      timeout: 120_000,
    });
    // Its three orders: to a Party member, to the property company's partner system, to a building leader.
    expect(stdout.match(/stage: closed/g)).toHaveLength(3);
    expect(stdout).toContain('signed ✓  property-company.order-work');
    expect(stdout).not.toContain('BAD SIGNATURE');
  }, 150_000);
});
