import { Redis } from 'ioredis';
import type { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCardRefreshQueue, createCardRefreshWorker, QueueCardRefresher } from '../../src/jobs/card-refresh.js';
import { startRedis, type RedisServerHandle } from '../support/redis-server.js';

let redis: RedisServerHandle;
let conn: Redis;
let queueConn: Redis;
let queue: Queue;
beforeAll(async () => {
  redis = await startRedis();
  conn = new Redis(redis.url);
  queueConn = new Redis(redis.url, { maxRetriesPerRequest: null });
  queue = createCardRefreshQueue(queueConn);
});
afterAll(async () => {
  await queue.close();
  conn.disconnect();
  queueConn.disconnect();
  await redis?.stop();
});

const scope = { platform: 'slack' as const, tenant: 'T1' };

describe('QueueCardRefresher (coalescing card updates)', () => {
  it('keeps one pending refresh per card however many votes arrive, spaced by the minimum interval', async () => {
    let now = 1_000_000;
    const refresher = new QueueCardRefresher(conn, queue, () => now, { minIntervalMs: 2000, pendingTtlMs: 15_000 });
    await queue.pause();
    for (let i = 0; i < 100; i++) await refresher.request(scope, 'pollCoalesce01');
    let jobs = await queue.getJobs(['delayed', 'waiting', 'prioritized']);
    expect(jobs.filter((j) => j.data.pollId === 'pollCoalesce01')).toHaveLength(1);
    expect(jobs.find((j) => j.data.pollId === 'pollCoalesce01')!.opts.delay).toBe(0);

    // The refresher starts rendering at t; a vote 500 ms later waits until t + 2000.
    await refresher.begin(scope, 'pollCoalesce01', now);
    now += 500;
    await refresher.request(scope, 'pollCoalesce01');
    await refresher.request(scope, 'pollCoalesce01');
    jobs = (await queue.getJobs(['delayed', 'waiting', 'prioritized'])).filter((j) => j.data.pollId === 'pollCoalesce01');
    expect(jobs).toHaveLength(2);
    expect(jobs.map((j) => j.opts.delay).sort()).toEqual([0, 1500]);
    await queue.obliterate({ force: true });
    await queue.resume();
  });

  it('replaces a pending mark whose job was lost', async () => {
    let now = 5_000_000;
    const refresher = new QueueCardRefresher(conn, queue, () => now, { minIntervalMs: 2000, pendingTtlMs: 15_000 });
    await queue.pause();
    await refresher.request(scope, 'pollLostJob001');
    await queue.obliterate({ force: true });
    now += 10_000;
    await refresher.request(scope, 'pollLostJob001');
    expect(await queue.getJobs(['delayed', 'waiting', 'prioritized'])).toHaveLength(0);
    now += 6_000;
    await refresher.request(scope, 'pollLostJob001');
    expect(await queue.getJobs(['delayed', 'waiting', 'prioritized'])).toHaveLength(1);
    await queue.obliterate({ force: true });
    await queue.resume();
  });

  it('retries a refresh that failed (a crash mid-job) and then renders', async () => {
    const workerConn = new Redis(redis.url, { maxRetriesPerRequest: null });
    let attempts = 0;
    const rendered = new Promise<number>((resolve) => {
      const worker = createCardRefreshWorker(workerConn, async () => {
        attempts++;
        if (attempts === 1) throw new Error('platform answered 500');
        resolve(attempts);
        void worker.close().then(() => workerConn.disconnect());
      });
    });
    const refresher = new QueueCardRefresher(conn, queue, () => Date.now());
    await refresher.request(scope, 'pollRetry00001');
    expect(await rendered).toBe(2);
  });

  it('refuses a job whose payload is not ids', async () => {
    const workerConn = new Redis(redis.url, { maxRetriesPerRequest: null });
    let handled = 0;
    const worker = createCardRefreshWorker(workerConn, async () => {
      handled++;
    });
    const failed = new Promise<string>((resolve) => worker.on('failed', (_job, err) => resolve(err.name)));
    await queue.add('refresh', { platform: 'slack', tenant: 'T1', pollId: '../../etc' }, { attempts: 1 });
    expect(await failed).toBe('ZodError');
    expect(handled).toBe(0);
    await worker.close();
    workerConn.disconnect();
  });
});
