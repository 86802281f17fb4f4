import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { SqlDatabase } from '@cogov/persistence';
import { TEST_POSTGRES_URL } from '@cogov/persistence/testing/test-databases';
import { LocalTokenAuthority, type TokenClaims } from '@cogov/security';
import { DEFAULT_AUDIENCE, LOCAL_ISSUER } from '@cogov/hosting';
import { CONTEXTS } from '../../../contexts';
import { contextServing, type HttpMethod } from '../context-routes';

/** The repository: the nearest folder up with a package.json (this file also runs compiled, from dist-bench/). */
const ROOT = (() => {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json'))) dir = path.dirname(dir);
  return dir;
})();
const SECRET = `cluster-test-secret-${randomUUID()}`;

/** The contexts of the one list, and the projections process. */
export type AppName = string;
const PROJECTIONS = 'projections';
const ENTRY: Record<AppName, string> = {
  ...Object.fromEntries(CONTEXTS.map((c) => [c.name, `dist/apps/${c.name}/src/main.js`])),
  [PROJECTIONS]: 'dist/apps/projections/src/main.js',
};

/**
 * The production topology as separate OS processes (built apps from `dist/`), each context on its
 * own PostgreSQL schema of a fresh database, talking over the real Kafka broker under a topic
 * namespace of their own. For tests that stop and start pieces.
 */
export class Cluster {
  readonly tokens = new LocalTokenAuthority(SECRET, LOCAL_ISSUER, DEFAULT_AUDIENCE);
  private readonly processes = new Map<AppName, ChildProcess>();
  private readonly logDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cogov-cluster-'));

  private constructor(
    readonly databaseUrl: string,
    private readonly databaseName: string,
    readonly namespace: string,
    /** The HTTP port of each context's app. */
    readonly ports: Readonly<Record<string, number>>,
  ) {}

  static async create(): Promise<Cluster> {
    for (const entry of Object.values(ENTRY)) {
      if (!fs.existsSync(path.join(ROOT, entry)))
        throw new Error(`${entry} is missing: run npm run build first`);
    }
    const suffix = randomUUID().replace(/-/g, '').slice(0, 10);
    const name = `cogov_cluster_${suffix}`;
    const admin = await SqlDatabase.open({ kind: 'postgres', url: TEST_POSTGRES_URL, schema: 'public' });
    await admin.dataSource.query(`CREATE DATABASE ${name}`);
    await admin.close();
    const url = new URL(TEST_POSTGRES_URL);
    url.pathname = `/${name}`;
    const base = 3400 + Math.floor(Math.random() * 200) * CONTEXTS.length;
    const ports = Object.fromEntries(CONTEXTS.map((c, i) => [c.name, base + i]));
    return new Cluster(url.toString(), name, `test-${suffix}`, ports);
  }

  async start(app: AppName): Promise<void> {
    const entry = ENTRY[app];
    if (!entry) throw new Error(`no app named ${app}; known: ${Object.keys(ENTRY).join(', ')}`);
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: this.databaseUrl,
      KAFKA_BROKERS: process.env.KAFKA_BROKERS ?? '127.0.0.1:9092',
      KAFKA_NAMESPACE: this.namespace,
      AUTH_SIGNING_SECRET: SECRET,
      DATA_DIR: this.logDir,
      RUN_PROJECTIONS: 'false',
      // The projections' probe listener on any free port: two runs must not fight over 3009.
      PORT: app === PROJECTIONS ? '0' : String(this.ports[app]),
    };
    const logFile = path.join(this.logDir, `${app}.log`);
    // The log is appended to across restarts: only what this run writes counts.
    const logStart = fs.existsSync(logFile) ? fs.statSync(logFile).size : 0;
    const log = fs.openSync(logFile, 'a');
    const child = spawn(process.execPath, [entry], { cwd: ROOT, env, stdio: ['ignore', log, log] });
    this.processes.set(app, child);
    if (app === PROJECTIONS) {
      // No HTTP: ready once it logs that its projections follow the store (checkpoints loaded).
      await this.waitUntilReady(app, 'did not start following', async () =>
        fs.readFileSync(logFile).subarray(logStart).includes('following schema'),
      );
    } else {
      const port = this.ports[app]!;
      await this.waitUntilReady(app, `did not answer on port ${port}`, async () => {
        try {
          return (await fetch(`http://127.0.0.1:${port}/api/health`)).ok;
        } catch {
          return false; // not listening yet
        }
      });
    }
  }

  /** SIGKILL: no shutdown hooks, no last checkpoint — a crash. */
  kill(app: AppName): void {
    this.processes.get(app)?.kill('SIGKILL');
    this.processes.delete(app);
  }

  async stopAll(): Promise<void> {
    const exits = [...this.processes.values()].map(
      (child) =>
        new Promise<void>((resolve) =>
          child.exitCode !== null ? resolve() : child.once('exit', () => resolve()),
        ),
    );
    for (const child of this.processes.values()) child.kill('SIGTERM');
    await Promise.all(exits);
    this.processes.clear();
  }

  async destroy(): Promise<void> {
    await this.stopAll();
    const admin = await SqlDatabase.open({ kind: 'postgres', url: TEST_POSTGRES_URL, schema: 'public' });
    await admin.dataSource.query(`DROP DATABASE IF EXISTS ${this.databaseName} WITH (FORCE)`);
    await admin.close();
    fs.rmSync(this.logDir, { recursive: true, force: true });
  }

  /** What a client process (the demo) needs to call this cluster: its ports and signing secret. */
  clientEnv(): NodeJS.ProcessEnv {
    return {
      AUTH_SIGNING_SECRET: SECRET,
      DATA_DIR: this.logDir,
      DEMO_CLUSTER: '1',
      DEMO_PORTS: Object.entries(this.ports)
        .map(([name, port]) => `${name}=${port}`)
        .join(','),
    };
  }

  log(app: AppName): string {
    const file = path.join(this.logDir, `${app}.log`);
    return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  }

  /**
   * Calls the API as a person, on the app of the context whose controller serves the route; the
   * routes every host serves (streams, partner keys, health) go to the residents' committee's.
   */
  async call(claims: TokenClaims, method: HttpMethod, route: string, body?: object) {
    return this.send(method, route, body, { authorization: `Bearer ${await this.tokens.issue(claims)}` });
  }

  /** Calls the API with other credentials (a partner key) or none. */
  async send(method: HttpMethod, route: string, body?: object, headers: Record<string, string> = {}) {
    const port = this.ports[contextServing(method, route) ?? CONTEXTS[0]!.name]!;
    const response = await fetch(`http://127.0.0.1:${port}${route}`, {
      method,
      headers: { 'content-type': 'application/json', ...headers },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : {}) as Record<string, unknown> };
  }

  private async waitUntilReady(app: AppName, failure: string, ready: () => Promise<boolean>): Promise<void> {
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      const child = this.processes.get(app);
      if (child?.exitCode !== null && child?.exitCode !== undefined) {
        throw new Error(`${app} exited with ${child.exitCode}:\n${this.log(app).slice(-3000)}`);
      }
      if (await ready()) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`${app} ${failure} in 60 s:\n${this.log(app).slice(-3000)}`);
  }
}
