/**
 * Starts a throw-away, real `redis-server` for integration tests.
 *
 * Why a real server instead of a mock: BullMQ relies on Lua scripts, blocking
 * commands and keyspace semantics that mocks get subtly wrong. Each handle gets
 * its own free port and its own temp data dir, so test files can run in parallel.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { constants as fsConstants } from 'node:fs';
import { access, mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { rmSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Path of the redis-server binary (Redis 7.0 from apt). Overridable for unusual machines. */
const REDIS_BIN = process.env['REDIS_SERVER_BIN'] ?? '/usr/bin/redis-server';
/** util-linux `setpriv`, used (when present) to give redis a parent-death signal. */
const SETPRIV_BIN = '/usr/bin/setpriv';
const DIR_PREFIX = 'werktsamen-redis-';
const READY_TIMEOUT_MS = 10_000;
const STOP_TIMEOUT_MS = 5_000;

/** A running redis-server started by {@link startRedis}. */
export interface RedisServerHandle {
  /** Connection URL, `redis://127.0.0.1:PORT`. */
  readonly url: string;
  /** TCP port the server listens on (stable across {@link RedisServerHandle.restart}). */
  readonly port: number;
  /** The server's private data directory (deleted by stop(), re-created by restart()). */
  readonly dataDir: string;
  /**
   * Kills the server (SIGTERM, then SIGKILL after 5s), resolves once it has exited and
   * deletes its data dir. Idempotent.
   */
  stop(): Promise<void>;
  /**
   * Starts the server again on the same port and dir path (stopping it first if it runs).
   * Persistence is off (`--save "" --appendonly no`), so the restarted server is EMPTY:
   * this simulates a Redis crash/failover with data loss.
   */
  restart(): Promise<void>;
  /** Stops the server but keeps its data dir: with `persist`, restart() brings the data back. */
  halt(): Promise<void>;
}

// Children and dirs still alive; cleaned up synchronously on a normal process exit.
// Vitest's forks pool ends workers with SIGTERM, where 'exit' never fires: that case is
// covered by setpriv --pdeathsig (kills redis) and sweepStaleDirs() (removes old dirs).
const liveChildren = new Set<ChildProcess>();
const dataDirs = new Set<string>();
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const child of liveChildren) child.kill('SIGKILL');
    for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
  });
}

let useSetpriv: boolean | undefined;
async function canUseSetpriv(): Promise<boolean> {
  if (useSetpriv === undefined) {
    useSetpriv = await access(SETPRIV_BIN, fsConstants.X_OK).then(() => true, () => false);
  }
  return useSetpriv;
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes data dirs left by earlier test processes that died without running exit hooks. */
async function sweepStaleDirs(): Promise<void> {
  const entries = await readdir(tmpdir()).catch(() => [] as string[]);
  await Promise.all(
    entries.map(async (name) => {
      const m = new RegExp(`^${DIR_PREFIX}(\\d+)-`).exec(name);
      if (m && !pidAlive(Number(m[1]))) await rm(join(tmpdir(), name), { recursive: true, force: true });
    }),
  );
}

/** Asks the OS for a currently free TCP port on 127.0.0.1. */
export async function getFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr !== null ? addr.port : 0;
      srv.close(() => (port > 0 ? resolve(port) : reject(new Error('could not determine a free port'))));
    });
  });
}

/**
 * Asks the server on `port` for `INFO server` over a raw socket and resolves true only if
 * it answers and its process_id is `pid`. Checking the pid (not just PING) guards against
 * the free-port race: if another test's redis grabbed the port, ours failed to bind and we
 * must not mistake the other server for ours. `-LOADING` and other errors count as not ready.
 */
function probe(port: number, pid: number | undefined): Promise<boolean> {
  return new Promise((resolve) => {
    const sock = createConnection({ host: '127.0.0.1', port });
    let buf = '';
    const done = (ok: boolean): void => {
      sock.destroy();
      resolve(ok);
    };
    sock.setTimeout(500, () => done(false));
    sock.once('error', () => done(false));
    sock.once('connect', () => sock.write('INFO server\r\n'));
    sock.on('data', (d) => {
      buf += d.toString('utf8');
      if (buf.startsWith('-') && buf.includes('\r\n')) return done(false);
      const m = /process_id:(\d+)\r\n/.exec(buf);
      if (m) done(Number(m[1]) === pid);
    });
  });
}

function spawnRedis(port: number, dir: string, setpriv: boolean, persist: boolean): { child: ChildProcess; output: () => string } {
  const redisArgs = [
    '--port', String(port),
    '--bind', '127.0.0.1',
    '--dir', dir,
    '--save', '', // an empty argv entry, i.e. `--save ""`: no RDB snapshots
    // persist: an fsync'd AOF so a halted server comes back with every acknowledged write.
    ...(persist ? ['--appendonly', 'yes', '--appendfsync', 'always'] : ['--appendonly', 'no']),
    '--daemonize', 'no',
    '--loglevel', 'warning',
  ];
  // setpriv execs redis-server in place (same pid), asking the kernel to SIGKILL it when
  // this process dies, however it dies.
  const child = setpriv
    ? spawn(SETPRIV_BIN, ['--pdeathsig', 'KILL', '--', REDIS_BIN, ...redisArgs], { stdio: ['ignore', 'pipe', 'pipe'] })
    : spawn(REDIS_BIN, redisArgs, { stdio: ['ignore', 'pipe', 'pipe'] });
  // Keep only the tail of the log: it is only used in start-up error messages.
  let log = '';
  const keep = (d: Buffer): void => {
    log = (log + d.toString('utf8')).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  liveChildren.add(child);
  child.once('exit', () => liveChildren.delete(child));
  return { child, output: () => log };
}

/** Resolves once the server (this very process) answers; rejects if it exits first or takes longer than 10s. */
async function waitReady(child: ChildProcess, port: number, output: () => string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let exited: string | undefined;
  const onExit = (code: number | null, signal: NodeJS.Signals | null): void => {
    exited = `exited with code ${code ?? 'null'} signal ${signal ?? 'null'}`;
  };
  child.once('exit', onExit);
  try {
    // Polling is acceptable here: this is process start-up, not application async work.
    while (Date.now() < deadline) {
      if (exited) throw new Error(`redis-server on port ${port} ${exited} before it was ready:\n${output()}`);
      if (await probe(port, child.pid)) return;
      await new Promise((r) => setTimeout(r, 20));
    }
    child.kill('SIGKILL');
    throw new Error(`redis-server on port ${port} did not answer INFO within ${READY_TIMEOUT_MS}ms:\n${output()}`);
  } finally {
    child.off('exit', onExit);
  }
}

function waitExit(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/**
 * Starts a fresh redis-server on a free 127.0.0.1 port with an empty temp data dir
 * and resolves once it answers (verified by pid, see probe()).
 *
 * @throws Error `redis-server is not installed: apt-get install redis-server` when the
 *   binary is missing (tests must fail loudly, never skip).
 */
export async function startRedis(opts: { persist?: boolean } = {}): Promise<RedisServerHandle> {
  const persist = opts.persist ?? false;
  try {
    await access(REDIS_BIN, fsConstants.X_OK);
  } catch {
    throw new Error(`redis-server is not installed: apt-get install redis-server (looked for ${REDIS_BIN})`);
  }
  installExitHook();
  await sweepStaleDirs();
  const setpriv = await canUseSetpriv();
  const dir = await mkdtemp(join(tmpdir(), `${DIR_PREFIX}${process.pid}-`));
  dataDirs.add(dir);

  let child: ChildProcess | undefined;
  let port = 0;
  // The free-port probe is racy (another process may grab it before redis binds),
  // so retry the initial start with a new port a few times.
  for (let attempt = 1; ; attempt++) {
    port = await getFreePort();
    const started = spawnRedis(port, dir, setpriv, persist);
    try {
      await waitReady(started.child, port, started.output);
      child = started.child;
      break;
    } catch (err) {
      await waitExit(started.child);
      if (attempt >= 3) throw err;
    }
  }

  const handle: RedisServerHandle = {
    url: `redis://127.0.0.1:${port}`,
    port,
    dataDir: dir,
    async stop() {
      if (child) await waitExit(child);
      // Nothing in it is worth keeping (persistence is off); removing it now avoids
      // leftovers when the worker is later killed by a signal.
      await rm(dir, { recursive: true, force: true });
      dataDirs.delete(dir);
    },
    async halt() {
      if (child) await waitExit(child);
    },
    async restart() {
      if (child) await waitExit(child);
      await mkdir(dir, { recursive: true });
      dataDirs.add(dir);
      const started = spawnRedis(port, dir, setpriv, persist);
      child = started.child;
      await waitReady(started.child, port, started.output);
    },
  };
  return handle;
}
