/**
 * The real start-up (`src/main.ts` in its own process): waiting for Redis with a bound, the voter
 * secret (required with REDIS_URL; generated and kept under DATA_DIR with the private Redis), and
 * every line on stdout being one of our structured log lines, library console output included.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { startRedis } from '../support/redis-server.js';
import { VOTER_SECRET } from '../support/slack-harness.js';

const root = resolve(import.meta.dirname, '../..');
const children = new Set<ChildProcess>();
const dirs: string[] = [];
afterAll(() => {
  for (const c of children) c.kill('SIGKILL');
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

interface Started {
  child: ChildProcess;
  lines: string[];
  stderr: () => string;
  /** Resolves with the first stdout line containing `text`; rejects if the process ends first. */
  waitFor(text: string): Promise<string>;
  exit: Promise<number | null>;
}

/** Runs the product's entry point as `npm start` would (through tsx, so no build is needed). */
function start(env: Record<string, string>): Started {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  const lines: string[] = [];
  let err = '';
  let partial = '';
  const waiters: { text: string; resolve: (line: string) => void }[] = [];
  child.stdout!.on('data', (d: Buffer) => {
    partial += d.toString();
    const parts = partial.split('\n');
    partial = parts.pop() ?? '';
    for (const line of parts) {
      lines.push(line);
      for (const w of [...waiters]) if (line.includes(w.text)) (waiters.splice(waiters.indexOf(w), 1), w.resolve(line));
    }
  });
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const exit = new Promise<number | null>((done) => child.once('exit', (code) => (children.delete(child), done(code))));
  return {
    child,
    lines,
    stderr: () => err,
    exit,
    waitFor: (text) => {
      const seen = lines.find((l) => l.includes(text));
      if (seen) return Promise.resolve(seen);
      return Promise.race([
        new Promise<string>((resolve) => waiters.push({ text, resolve })),
        exit.then((code) => Promise.reject(new Error(`exited with ${code} before "${text}": ${err}`))),
      ]);
    },
  };
}

const freePort = (): Promise<number> =>
  new Promise((ok) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => ok(port));
    });
  });

const expectOnlyJsonLines = (lines: string[]): void => {
  for (const line of lines.filter(Boolean)) expect(() => JSON.parse(line), line).not.toThrow();
};

describe('start-up', () => {
  it('says it waits for Redis and gives up after REDIS_CONNECT_TIMEOUT_S with a message naming the setting', async () => {
    const port = await freePort();
    const run = start({ REDIS_URL: `redis://:hunter2secret@127.0.0.1:${port}`, VOTER_SECRET, REDIS_CONNECT_TIMEOUT_S: '3', TEAMS_LOCAL_MODE: 'true' });
    expect(await run.exit).toBe(1);
    expect(run.stderr()).toContain(`Redis at 127.0.0.1:${port} did not answer within 3 s: check REDIS_URL, or raise REDIS_CONNECT_TIMEOUT_S`);
    const logged = run.lines.map((l) => JSON.parse(l) as { msg: string; redis?: string });
    expect(logged.map((l) => l.msg)).toEqual(expect.arrayContaining(['connecting to Redis', 'still waiting for Redis']));
    expect(logged.find((l) => l.msg === 'connecting to Redis')?.redis).toBe(`127.0.0.1:${port}`);
    expect(run.lines.join('\n') + run.stderr()).not.toContain('hunter2secret');
  });

  it('refuses to start with REDIS_URL but no VOTER_SECRET, naming it', async () => {
    const run = start({ REDIS_URL: 'redis://127.0.0.1:1' });
    expect(await run.exit).toBe(1);
    expect(run.stderr()).toContain('VOTER_SECRET: is required when REDIS_URL is set');
  });

  it('generates a voter secret under DATA_DIR for the private Redis, keeps it there only, and reuses it', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'werktsamen-start-'));
    dirs.push(dataDir);
    const first = start({ DATA_DIR: dataDir, TEAMS_LOCAL_MODE: 'true' });
    await first.waitFor('WerktSamen is running');
    const file = join(dataDir, 'voter-secret');
    const secret = readFileSync(file, 'utf8').trim();
    expect(secret.length).toBeGreaterThanOrEqual(32);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    first.child.kill('SIGTERM');
    expect(await first.exit).toBe(0);
    const redisFiles = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? redisFiles(join(dir, e.name)) : [join(dir, e.name)]));
    for (const f of redisFiles(join(dataDir, 'redis'))) expect(readFileSync(f, 'latin1'), f).not.toContain(secret);
    const second = start({ DATA_DIR: dataDir, TEAMS_LOCAL_MODE: 'true' });
    await second.waitFor('WerktSamen is running');
    expect(readFileSync(file, 'utf8').trim()).toBe(secret);
    second.child.kill('SIGTERM');
    expect(await second.exit).toBe(0);
    expectOnlyJsonLines([...first.lines, ...second.lines]);
  });

  it('sends the queue library\'s own console warnings through the structured log', async () => {
    const redis = await startRedis();
    const admin = new Redis(redis.url);
    // BullMQ warns on the console when Redis may evict keys.
    await admin.config('SET', 'maxmemory-policy', 'allkeys-lru');
    admin.disconnect();
    try {
      const run = start({ REDIS_URL: redis.url, VOTER_SECRET, TEAMS_LOCAL_MODE: 'true' });
      const line = JSON.parse(await run.waitFor('Eviction policy')) as Record<string, unknown>;
      expect(line).toMatchObject({ component: 'console', app: 'werktsamen', level: 40 });
      await run.waitFor('WerktSamen is running');
      run.child.kill('SIGTERM');
      expect(await run.exit).toBe(0);
      expectOnlyJsonLines(run.lines);
      expect(run.stderr()).toBe('');
    } finally {
      await redis.stop();
    }
  });
});
