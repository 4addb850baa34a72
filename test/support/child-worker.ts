/**
 * Runs the product (src/main.ts) or a test worker (worker-process.ts) in a child process, through
 * tsx so no build is needed, and reads its JSON log lines as they come. Children get a
 * parent-death signal where util-linux `setpriv` exists, so a test process that is killed leaves
 * no worker behind reconnecting to a Redis that is gone.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants as fsConstants } from 'node:fs';
import { resolve } from 'node:path';
import type { WorkerGo } from './worker-process.js';

const ROOT = resolve(import.meta.dirname, '../..');
const SETPRIV_BIN = '/usr/bin/setpriv';

export type LogEntry = Record<string, unknown>;

export interface ChildWorker {
  readonly child: ChildProcess;
  readonly pid: number;
  /** Every stdout line that was a JSON log line, in order. */
  readonly entries: LogEntry[];
  /** Resolves with the first log line (written or still to come) that matches; rejects if the process ends first. */
  waitForLog(match: (entry: LogEntry) => boolean, timeoutMs?: number): Promise<LogEntry>;
  /** How the process ended. */
  readonly exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stderr(): string;
  /** worker-process.ts only: starts its worker (it has loaded the product and waits for this). */
  go(go: WorkerGo): Promise<void>;
}

const live = new Set<ChildProcess>();
let hooked = false;

function hasSetpriv(): boolean {
  try {
    accessSync(SETPRIV_BIN, fsConstants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Starts `entry` (a path from the project root) with exactly `env` plus PATH and HOME: the child
 * sees no variable of the test process it was not given.
 */
export function spawnWorker(entry: 'src/main.ts' | 'test/support/worker-process.ts', env: Record<string, string>): ChildWorker {
  if (!hooked) {
    hooked = true;
    process.on('exit', () => {
      for (const c of live) c.kill('SIGKILL');
    });
  }
  const node = [process.execPath, '--import', 'tsx', entry];
  const [cmd, ...args] = hasSetpriv() ? [SETPRIV_BIN, '--pdeathsig', 'KILL', '--', ...node] : node;
  const child = spawn(cmd!, args, {
    cwd: ROOT,
    env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', ...env },
    // The test worker waits for its start over IPC; the product gets no channel it does not have in production.
    stdio: entry === 'src/main.ts' ? ['ignore', 'pipe', 'pipe'] : ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  live.add(child);
  const entries: LogEntry[] = [];
  const waiters = new Set<{ match: (e: LogEntry) => boolean; resolve: (e: LogEntry) => void }>();
  let partial = '';
  let err = '';
  child.stdout!.on('data', (d: Buffer) => {
    partial += d.toString('utf8');
    const lines = partial.split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines.filter(Boolean)) {
      let entry: LogEntry;
      try {
        entry = JSON.parse(line) as LogEntry;
      } catch {
        continue;
      }
      entries.push(entry);
      for (const w of [...waiters]) {
        if (w.match(entry)) {
          waiters.delete(w);
          w.resolve(entry);
        }
      }
    }
  });
  child.stderr!.on('data', (d: Buffer) => (err = (err + d.toString('utf8')).slice(-8000)));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
    child.once('exit', (code, signal) => {
      live.delete(child);
      done({ code, signal });
    }),
  );
  const worker: ChildWorker = {
    child,
    pid: child.pid ?? 0,
    entries,
    exit,
    stderr: () => err,
    async go(go) {
      await worker.waitForLog((l) => l.msg === 'test worker loaded', 60_000);
      child.send(go);
      await worker.waitForLog((l) => l.msg === 'test worker ready');
    },
    waitForLog(match, timeoutMs = 15_000) {
      const seen = entries.find(match);
      if (seen) return Promise.resolve(seen);
      let timer: NodeJS.Timeout | undefined;
      const waiter = { match, resolve: (_: LogEntry) => undefined as void };
      const found = new Promise<LogEntry>((res, rej) => {
        waiter.resolve = res;
        timer = setTimeout(() => rej(new Error(`child ${entry}: no matching log line within ${timeoutMs}ms\n${err}`)), timeoutMs);
      });
      waiters.add(waiter);
      const ended = exit.then(({ code, signal }) => Promise.reject(new Error(`child ${entry} exited (${code ?? signal}) before the log line came:\n${err}`)));
      return Promise.race([found, ended]).finally(() => {
        clearTimeout(timer);
        waiters.delete(waiter);
      });
    },
  };
  return worker;
}

/** Ends a child that is still running (SIGKILL) and waits for it; for cleanup after a failed test. */
export async function killIfRunning(w: ChildWorker | undefined): Promise<void> {
  if (!w || w.child.exitCode !== null || w.child.signalCode !== null) return;
  w.child.kill('SIGCONT');
  w.child.kill('SIGKILL');
  await w.exit;
}
