import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * One platform process per data directory: two would follow the same checkpoints and apply
 * events twice. The lock is a pid file; a stale one (its process gone) is taken over.
 */
export function lockDataDir(dataDir: string, purpose: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, 'platform.lock');
  const holder = readHolder(file);
  if (holder && holder.pid !== process.pid && isAlive(holder.pid)) {
    throw new Error(
      `${dataDir} is in use by process ${holder.pid} (${holder.purpose}); stop it first, or use another DATA_DIR`,
    );
  }
  fs.writeFileSync(file, JSON.stringify({ pid: process.pid, purpose }));
  return () => {
    if (readHolder(file)?.pid === process.pid) fs.rmSync(file, { force: true });
  };
}

function readHolder(file: string): { pid: number; purpose: string } | null {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as { pid: number; purpose: string };
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
