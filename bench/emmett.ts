import { type ChildProcess, fork } from 'node:child_process';
import * as path from 'node:path';
import type { Subject } from './contenders';
import type { Measurement } from './measure';
import type { AppendSpec } from './workload';
import type { EmmettReply, EmmettRequest } from './emmett-worker';

/** Emmett's PostgreSQL event store, driven in a child process (see emmett-worker.ts). */
export class EmmettPostgres implements Subject {
  readonly name = 'emmett';

  private constructor(private readonly child: ChildProcess) {}

  static async open(url: string, schema: string): Promise<EmmettPostgres> {
    const child = fork(path.join(__dirname, 'emmett-worker.js'), [], { stdio: 'inherit' });
    const subject = new EmmettPostgres(child);
    await subject.request({ cmd: 'init', url, schema });
    return subject;
  }

  async run(warmup: AppendSpec, measured: AppendSpec): Promise<Measurement> {
    const reply = await this.request({ cmd: 'run', warmup, measured });
    if (!reply.result) throw new Error('the Emmett worker returned no measurement');
    return reply.result;
  }

  async close(): Promise<void> {
    if (!this.child.connected) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    await this.request({ cmd: 'close' });
    await exited;
  }

  private request(message: EmmettRequest): Promise<EmmettReply & { ok: true }> {
    return new Promise((resolve, reject) => {
      const onMessage = (reply: EmmettReply) => {
        cleanup();
        if (reply.ok) resolve(reply);
        else reject(new Error(`Emmett worker: ${reply.error}`));
      };
      const onExit = (code: number | null) => {
        cleanup();
        reject(new Error(`the Emmett worker exited (code ${String(code)})`));
      };
      const cleanup = () => {
        this.child.off('message', onMessage);
        this.child.off('exit', onExit);
      };
      this.child.on('message', onMessage);
      this.child.on('exit', onExit);
      this.child.send(message);
    });
  }
}
