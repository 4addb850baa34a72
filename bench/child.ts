/** Forks bench/server.ts (one system under test) and talks to it over IPC, with timeouts everywhere. */
import { execFileSync, fork, spawnSync, type ChildProcess } from 'node:child_process';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { ChildMessage, ServerSpec } from './server.js';

/** Event-loop utilization between two samples (0..1). */
export function eluBetween(a: Memory, b: Memory): number {
  const active = b.eluActiveMs - a.eluActiveMs;
  const idle = b.eluIdleMs - a.eluIdleMs;
  return active + idle > 0 ? active / (active + idle) : Number.NaN;
}

const SERVER_ENTRY = fileURLToPath(new URL('./server.ts', import.meta.url));
const READY_TIMEOUT_MS = 30_000;
const MEM_TIMEOUT_MS = 5_000;
const CLOSE_TIMEOUT_MS = 10_000;

/** Asks a bench child to close, and kills it if it has not exited within `timeoutMs`. */
export async function closeChild(child: ChildProcess, timeoutMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.send({ type: 'close' });
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  await exited;
  clearTimeout(timer);
}

export interface Memory {
  rssMb: number;
  heapUsedMb: number;
  /** Cumulative event-loop idle and active time of the server process (ms). */
  eluIdleMs: number;
  eluActiveMs: number;
}

export interface ChildHandle {
  readonly url: string;
  readonly pid: number;
  mem(): Promise<Memory>;
  close(): Promise<void>;
}

const live = new Set<ChildProcess>();
let hookInstalled = false;

/** Kills every child still running (used on watchdog timeout and process exit). */
export function killAllChildren(): void {
  for (const c of live) c.kill('SIGKILL');
  live.clear();
}

function nextMessage(child: ChildProcess, type: ChildMessage['type'], timeoutMs: number): Promise<ChildMessage> {
  return new Promise((resolve, reject) => {
    const cleanup = (): void => {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
    };
    const onMessage = (m: ChildMessage): void => {
      if (m.type === 'error') {
        cleanup();
        reject(new Error(`bench server failed: ${m.message}`));
      } else if (m.type === type) {
        cleanup();
        resolve(m);
      }
    };
    const onExit = (code: number | null): void => {
      cleanup();
      reject(new Error(`bench server exited (code ${code}) while waiting for '${type}'`));
    };
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`bench server: no '${type}' within ${timeoutMs} ms`));
    }, timeoutMs);
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

/**
 * CPU pinning on machines with two or more cores: the system under test gets the last core to
 * itself, everything else (load generator, Redis, fakes) shares the others. Without it, our app
 * and its redis-server compete for the same cores while the bare framework (no Redis) does not,
 * which measures the machine more than the code.
 */
export const pinning = { enabled: false };

function pinTo(pid: number, cpus: string): void {
  execFileSync('taskset', ['-a', '-cp', cpus, String(pid)], { stdio: 'ignore' });
}

/** Pins this process (and so the Redis and fakes it starts) to all cores but the last. */
export function pinLoadGenerator(): string | undefined {
  const n = cpus().length;
  const hasTaskset = spawnSync('sh', ['-c', 'command -v taskset'], { stdio: 'ignore' }).status === 0;
  if (n < 2 || !hasTaskset) return undefined;
  pinning.enabled = true;
  pinTo(process.pid, `0-${n - 2}`);
  const rest = n === 2 ? '0' : `0-${n - 2}`;
  return `server on CPU ${n - 1}; load generator, Redis and fakes on CPU ${rest}`;
}

/** Starts one system under test; `profileDir` turns on --cpu-prof for it. */
export async function startChild(spec: ServerSpec, profileDir?: string): Promise<ChildHandle> {
  if (!hookInstalled) {
    hookInstalled = true;
    process.on('exit', killAllChildren);
  }
  const execArgv = ['--import', 'tsx', ...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}/${spec.system}`] : [])];
  const child = fork(SERVER_ENTRY, [JSON.stringify(spec)], { execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  live.add(child);
  child.once('exit', () => live.delete(child));
  if (pinning.enabled && child.pid) pinTo(child.pid, String(cpus().length - 1));
  let ready: ChildMessage;
  try {
    ready = await nextMessage(child, 'ready', READY_TIMEOUT_MS);
  } catch (err) {
    child.kill('SIGKILL');
    throw err;
  }
  if (ready.type !== 'ready') throw new Error('unexpected message');
  return {
    url: ready.url,
    pid: child.pid ?? 0,
    async mem() {
      const reply = nextMessage(child, 'mem', MEM_TIMEOUT_MS);
      child.send({ type: 'mem' });
      const m = await reply;
      if (m.type !== 'mem') throw new Error('unexpected message');
      return { rssMb: m.rss / 2 ** 20, heapUsedMb: m.heapUsed / 2 ** 20, eluIdleMs: m.eluIdle, eluActiveMs: m.eluActive };
    },
    close: () => closeChild(child, CLOSE_TIMEOUT_MS),
  };
}
