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
const timing = { minIntervalMs: 2000, pendingTtlMs: 15_000 };

describe('QueueCardRefresher (spacing card updates)', () => {
  it('lets one refresh render at a time and keeps delivered updates the minimum interval apart', async () => {
    const r = new QueueCardRefresher(conn, queue, timing);
    expect(await r.begin(scope, 'pollSpacing001', 100_000)).toBe(0);
    // While it renders, a second job must wait.
    expect(await r.begin(scope, 'pollSpacing001', 100_050)).toBe(2000);
    await r.finish(scope, 'pollSpacing001', 100_080, true);
    // The interval counts from the delivered update, not from when rendering began.
    expect(await r.begin(scope, 'pollSpacing001', 101_080)).toBe(1000);
    expect(await r.begin(scope, 'pollSpacing001', 102_080)).toBe(0);
    // A failed delivery does not start a new interval, so a retry may run at once.
    await r.finish(scope, 'pollSpacing001', 102_100, false);
    expect(await r.begin(scope, 'pollSpacing001', 102_150)).toBe(0);
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
        return { kind: 'updated' };
      });
    });
    await new QueueCardRefresher(conn, queue, timing).schedule(scope, 'pollRetry00001', 0);
    expect(await rendered).toBe(2);
  });

  it('moves a job that comes too early back to delayed and runs it when the interval has passed', async () => {
    const workerConn = new Redis(redis.url, { maxRetriesPerRequest: null });
    const runs: number[] = [];
    const done = new Promise<void>((resolve) => {
      const worker = createCardRefreshWorker(workerConn, async () => {
        runs.push(Date.now());
        if (runs.length === 1) return { kind: 'wait', ms: 300 };
        resolve();
        void worker.close().then(() => workerConn.disconnect());
        return { kind: 'updated' };
      });
    });
    await new QueueCardRefresher(conn, queue, timing).schedule(scope, 'pollWait000001', 0);
    await done;
    expect(runs).toHaveLength(2);
    expect(runs[1]! - runs[0]!).toBeGreaterThanOrEqual(300);
  });

  it('refuses a job whose payload is not ids', async () => {
    const workerConn = new Redis(redis.url, { maxRetriesPerRequest: null });
    let handled = 0;
    const worker = createCardRefreshWorker(workerConn, async () => {
      handled++;
      return { kind: 'updated' };
    });
    const failed = new Promise<string>((resolve) => worker.on('failed', (_job, err) => resolve(err.name)));
    await queue.add('refresh', { platform: 'slack', tenant: 'T1', pollId: '../../etc' }, { attempts: 1 });
    expect(await failed).toBe('ZodError');
    expect(handled).toBe(0);
    await worker.close();
    workerConn.disconnect();
  });
});
