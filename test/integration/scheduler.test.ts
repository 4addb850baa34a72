import { Redis } from 'ioredis';
import type { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJobQueue, createJobWorker, QueueScheduler, type JobHandlers } from '../../src/jobs/scheduler.js';
import type { RefreshOutcome } from '../../src/app/refresh-live-card.js';
import type { LiveCard } from '../../src/app/live-cards.js';
import { isAppError } from '../../src/domain/errors.js';
import { pollKeys } from '../../src/store/keys.js';
import { startRedis, type RedisServerHandle } from '../support/redis-server.js';

const card = (pollId: string): LiveCard => ({ kind: 'poll', pollId });

let redis: RedisServerHandle;
let conn: Redis;
let queueConn: Redis;
let queue: Queue;
beforeAll(async () => {
  redis = await startRedis();
  conn = new Redis(redis.url);
  queueConn = new Redis(redis.url, { maxRetriesPerRequest: null });
  queue = createJobQueue(queueConn);
});
afterAll(async () => {
  await queue.close();
  conn.disconnect();
  queueConn.disconnect();
  await redis?.stop();
});

const scope = { platform: 'slack' as const, tenant: 'T1' };
// Long intervals: the assertions below hold however slow the machine is.
const timing = { minIntervalMs: 60_000, pendingTtlMs: 15_000, leaseMs: 30_000 };
const redisNow = async (): Promise<number> => {
  const [s, us] = await conn.time();
  return Number(s) * 1000 + Math.floor(Number(us) / 1000);
};
let n = 0;
async function existingPoll(): Promise<string> {
  const pollId = `pollJobs${String(++n).padStart(8, '0')}`;
  await conn.hset(pollKeys(scope, pollId).meta, 'status', 'open');
  return pollId;
}

/** A worker that resolves `done` once `handlers` said so; closed by the caller. */
function startWorker(handlers: Partial<JobHandlers>) {
  const workerConn = new Redis(redis.url, { maxRetriesPerRequest: null });
  const worker = createJobWorker(workerConn, {
    refresh: handlers.refresh ?? (async () => ({ kind: 'updated' })),
    expire: handlers.expire ?? (async () => undefined),
    reminder: handlers.reminder ?? (async () => undefined),
    nudge: handlers.nudge ?? (async () => 'stale'),
    digest: handlers.digest ?? (async () => 'stale'),
  });
  return { worker, stop: async () => { await worker.close(); workerConn.disconnect(); } };
}

describe('QueueScheduler: spacing card updates with Redis time', () => {
  it('lets one refresh hold a card at a time and keeps delivered updates the minimum interval apart', async () => {
    const jobs = new QueueScheduler(conn, queue, timing);
    const pollId = await existingPoll();
    expect(await jobs.begin(scope, card(pollId))).toBe(0);
    // While it renders, a second job must wait.
    expect(await jobs.begin(scope, card(pollId))).toBe(60_000);
    await jobs.finish(scope, card(pollId), true);
    // The interval counts from the delivered update, measured on Redis' clock.
    const wait = await jobs.begin(scope, card(pollId));
    expect(wait).toBeGreaterThan(50_000);
    expect(wait).toBeLessThanOrEqual(60_000);
  });

  it('does not start an interval for a failed delivery, and lets a crashed refresh go after its lease', async () => {
    const jobs = new QueueScheduler(conn, queue, timing);
    const pollId = await existingPoll();
    expect(await jobs.begin(scope, card(pollId))).toBe(0);
    await jobs.finish(scope, card(pollId), false);
    expect(await jobs.begin(scope, card(pollId))).toBe(0);
    // This refresh "crashes" (never finishes); once its lease is older than leaseMs, another may render.
    await conn.hset(pollKeys(scope, pollId).refresh, 'running', String((await redisNow()) - timing.leaseMs - 1));
    expect(await jobs.begin(scope, card(pollId))).toBe(0);
  });

  it('reports a poll that is gone, and gives the refresh hash the poll\'s lifetime', async () => {
    const jobs = new QueueScheduler(conn, queue, timing);
    expect(await jobs.begin(scope, card('pollGone00000001'))).toBe(-1);
    const pollId = await existingPoll();
    await conn.pexpire(pollKeys(scope, pollId).meta, 500_000);
    expect(await jobs.begin(scope, card(pollId))).toBe(0);
    await jobs.finish(scope, card(pollId), true);
    const ttl = await conn.pttl(pollKeys(scope, pollId).refresh);
    expect(ttl).toBeGreaterThan(400_000);
    expect(ttl).toBeLessThanOrEqual(500_000);
  });
});

describe('QueueScheduler: queueing', () => {
  it('tries a failed add again, and when it keeps failing takes back the pending mark and says so', async () => {
    const jobs = new QueueScheduler(conn, queue, timing);
    const pollId = await existingPoll();
    const refreshKey = pollKeys(scope, pollId).refresh;
    const add = queue.add.bind(queue);
    let failures = 1;
    queue.add = (async (...args: Parameters<Queue['add']>) => {
      if (failures-- > 0) throw new Error('connection reset');
      return add(...args);
    }) as Queue['add'];
    try {
      await jobs.scheduleRefresh(scope, card(pollId), 60_000);
      expect((await queue.getDelayed()).some((j) => j.data.card === `poll:${pollId}`)).toBe(true);

      await conn.hset(refreshKey, 'pending', String(await redisNow()));
      failures = 10;
      const err = await jobs.scheduleRefresh(scope, card(pollId), 0).then(() => undefined, (e: unknown) => e);
      expect(isAppError(err, 'store_unavailable')).toBe(true);
      expect(await conn.hget(refreshKey, 'pending')).toBeNull();
    } finally {
      queue.add = add;
    }
  });

  it('keeps one expiry job per poll, and cancels it', async () => {
    const jobs = new QueueScheduler(conn, queue, timing);
    const pollId = await existingPoll();
    await jobs.scheduleExpiry(scope, pollId, 30 * 24 * 3600_000);
    await jobs.scheduleExpiry(scope, pollId, 30 * 24 * 3600_000);
    const expiring = (await queue.getDelayed()).filter((j) => j.name === 'expire' && j.data.pollId === pollId);
    expect(expiring).toHaveLength(1);
    expect(expiring[0]!.opts.delay).toBe(30 * 24 * 3600_000);
    await jobs.cancelExpiry(scope, pollId);
    expect((await queue.getDelayed()).some((j) => j.name === 'expire' && j.data.pollId === pollId)).toBe(false);
  });

  it('cancels every job of one workspace and none of another', async () => {
    const jobs = new QueueScheduler(conn, queue, timing);
    const other = { platform: 'slack' as const, tenant: 'T2' };
    await jobs.scheduleExpiry(scope, 'pollCancelMine01', 1e9);
    await jobs.scheduleRefresh(scope, card('pollCancelMine02'), 1e9);
    await jobs.scheduleExpiry(other, 'pollCancelTheirs', 1e9);
    await jobs.cancelScope(scope);
    const left = (await queue.getDelayed()).map((j) => `${j.data.tenant}/${j.data.pollId ?? j.data.card}`);
    expect(left).toContain('T2/pollCancelTheirs');
    expect(left.filter((l) => l.startsWith('T1/'))).toEqual([]);
  });
});

describe('the poll job worker', () => {
  it('retries a refresh that failed (a crash mid-job) and then renders', async () => {
    let attempts = 0;
    let stop: () => Promise<void> = async () => undefined;
    const rendered = new Promise<number>((resolve) => {
      ({ stop } = startWorker({
        refresh: async () => {
          attempts++;
          if (attempts === 1) throw new Error('platform answered 500');
          resolve(attempts);
          return { kind: 'updated' };
        },
      }));
    });
    await new QueueScheduler(conn, queue, timing).scheduleRefresh(scope, card('pollRetry00001'), 0);
    expect(await rendered).toBe(2);
    await stop();
  });

  it('moves a job that comes too early back to delayed and runs it when the interval has passed', async () => {
    const runs: number[] = [];
    let stop: () => Promise<void> = async () => undefined;
    const done = new Promise<void>((resolve) => {
      ({ stop } = startWorker({
        refresh: async (): Promise<RefreshOutcome> => {
          runs.push(Date.now());
          if (runs.length === 1) return { kind: 'wait', ms: 300 };
          resolve();
          return { kind: 'updated' };
        },
      }));
    });
    await new QueueScheduler(conn, queue, timing).scheduleRefresh(scope, card('pollWait000001'), 0);
    await done;
    await stop();
    expect(runs).toHaveLength(2);
    expect(runs[1]! - runs[0]!).toBeGreaterThanOrEqual(300);
  });

  it('runs the expiry job', async () => {
    let stop: () => Promise<void> = async () => undefined;
    const expired = new Promise<string>((resolve) => {
      ({ stop } = startWorker({ expire: async (_scope, pollId) => resolve(pollId) }));
    });
    await new QueueScheduler(conn, queue, timing).scheduleExpiry(scope, 'pollExpire000001', 0);
    expect(await expired).toBe('pollExpire000001');
    await stop();
  });

  it('fails a job whose payload is not ids once, without retrying it', async () => {
    let handled = 0;
    const { worker, stop } = startWorker({ refresh: async () => ((handled++), { kind: 'updated' }) });
    const failed = new Promise<{ name: string; attempts: number }>((resolve) =>
      worker.on('failed', (job, err) => resolve({ name: err.name, attempts: job?.attemptsMade ?? -1 })),
    );
    const job = await queue.add('refresh', { platform: 'slack', tenant: 'T1', card: 'poll:../../etc' }, { attempts: 5, backoff: { type: 'fixed', delay: 10 } });
    expect(await failed).toEqual({ name: 'UnrecoverableError', attempts: 1 });
    expect(await job.getState()).toBe('failed');
    expect(handled).toBe(0);
    await stop();
  });
});
