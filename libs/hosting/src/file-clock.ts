import * as fs from 'node:fs';
import type { Clock } from '@cogov/decider';

/**
 * The clock of processes a test starts and moves (the cluster's end-to-end tests): now is the ISO
 * time written in the file, read on every call, so every process of the cluster reads one time
 * the test sets, and no deadline needs a test to sleep. A file that cannot be read or holds no
 * time is an error, never a quiet fall back to the system's clock. Refused in production.
 */
export class FileClock implements Clock {
  constructor(private readonly file: string) {}

  now(): Date {
    const text = fs.readFileSync(this.file, 'utf8').trim();
    const at = Date.parse(text);
    if (Number.isNaN(at)) throw new Error(`${this.file} holds no time: ${JSON.stringify(text.slice(0, 40))}`);
    return new Date(at);
  }
}
