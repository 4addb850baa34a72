/**
 * Scheduled reminders on a real BullMQ queue and Redis, with only `Date` faked: the scheduler's
 * next run is read from BullMQ itself, each run is promoted and taken by a real worker, and the
 * runs stay at 9:00 Brussels time across both daylight-saving changes of 2027.
 */
import { Redis } from 'ioredis';
import type { Queue } from 'bullmq';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createJobQueue, createJobWorker, QueueScheduler } from '../../src/jobs/scheduler.js';
import type { WeeklyRule } from '../../src/domain/weekly.js';
import { startRedis, type RedisServerHandle } from '../support/redis-server.js';

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
afterEach(() => {
  vi.useRealTimers();
});
afterAll(async () => {
  await queue?.close();
  queueConn?.disconnect();
  conn?.disconnect();
  await redis?.stop();
});

const scope = { platform: 'teams' as const, tenant: 'tenant-dst' };
const timing = { minIntervalMs: 100, pendingTtlMs: 15_000, leaseMs: 30_000 };
const iso = (t: number | undefined): string | undefined => (t === undefined ? undefined : new Date(t).toISOString());

/**
 * Runs the scheduler `count` times: each run is promoted (as if its time had come), a real worker
 * takes it, and BullMQ computes the next one. Returns the run times it announced, in order.
 */
async function walk(s: QueueScheduler, collabId: string, first: number, count: number): Promise<string[]> {
  const seen: string[] = [iso(first)!];
  const taken: string[] = [];
  const workerConn = new Redis(redis.url, { maxRetriesPerRequest: null });
  let release: () => void = () => undefined;
  const worker = createJobWorker(workerConn, {
    refresh: async () => ({ kind: 'updated' }),
    expire: async () => undefined,
    nudge: async () => 'stale',
    digest: async () => 'stale',
    reminder: async (_scope, id) => {
      taken.push(id);
      release();
    },
  });
  try {
    for (let i = 1; i < count; i++) {
      const done = new Promise<void>((resolve) => (release = resolve));
      const [job] = await queue.getDelayed();
      // The worker computes the next run from this one's time, so let "now" be that time.
      vi.setSystemTime(Number(job!.opts.prevMillis ?? Date.parse(seen.at(-1)!)));
      await job!.promote();
      await done;
      // The next run is stored once the worker has upserted it.
      await vi.waitFor(async () => {
        const next = iso(await s.nextReminder(scope, collabId));
        if (next === seen.at(-1)) throw new Error('not yet rescheduled');
        seen.push(next!);
      });
    }
  } finally {
    await worker.close();
    workerConn.disconnect();
  }
  expect(taken).toEqual(Array(count - 1).fill(collabId));
  return seen;
}

describe('scheduled reminders across daylight saving (Europe/Brussels, 2027)', () => {
  it('posts every Monday at 9:00 local, before and after the spring change, and one scheduler per thread', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2027-03-17T12:00:00Z'));
    const s = new QueueScheduler(conn, queue, timing);
    const rule: WeeklyRule = { weekday: 1, hour: 9, minute: 0, everyWeeks: 1, timeZone: 'Europe/Brussels', anchor: Date.now() };
    const first = await s.scheduleReminders(scope, 'collabSpring001', rule);
    // Upserting again replaces; it never adds a second scheduler or job.
    expect(await s.scheduleReminders(scope, 'collabSpring001', rule)).toBe(first);
    expect((await queue.getJobSchedulers()).filter((x) => x.key === 'reminders-collabSpring001')).toHaveLength(1);
    expect((await queue.getDelayed()).filter((j) => j.name === 'reminder')).toHaveLength(1);
    expect(await walk(s, 'collabSpring001', first, 4)).toEqual(['2027-03-22T08:00:00.000Z', '2027-03-29T07:00:00.000Z', '2027-04-05T07:00:00.000Z', '2027-04-12T07:00:00.000Z']);
    await s.cancelReminders(scope, 'collabSpring001');
    expect(await s.nextReminder(scope, 'collabSpring001')).toBeUndefined();
    expect(await queue.getDelayed()).toEqual([]);
  });

  it('stays at 9:00 across the autumn change, also every other week', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2027-10-13T12:00:00Z'));
    const s = new QueueScheduler(conn, queue, timing);
    const rule: WeeklyRule = { weekday: 1, hour: 9, minute: 0, everyWeeks: 2, timeZone: 'Europe/Brussels', anchor: Date.parse('2027-10-18T12:00:00Z') };
    const first = await s.scheduleReminders(scope, 'collabAutumn01', rule);
    expect(await walk(s, 'collabAutumn01', first, 4)).toEqual(['2027-10-18T07:00:00.000Z', '2027-11-01T08:00:00.000Z', '2027-11-15T08:00:00.000Z', '2027-11-29T08:00:00.000Z']);
    await s.cancelReminders(scope, 'collabAutumn01');
  });

  it('follows the collaboration\'s own time zone: moved to New York, 9:00 there, across its own spring change', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2027-03-03T12:00:00Z'));
    const s = new QueueScheduler(conn, queue, timing);
    const brussels: WeeklyRule = { weekday: 1, hour: 9, minute: 0, everyWeeks: 1, timeZone: 'Europe/Brussels', anchor: Date.now() };
    expect(iso(await s.scheduleReminders(scope, 'collabZone0001', brussels))).toBe('2027-03-08T08:00:00.000Z');
    // Setting the time zone upserts the same scheduler with the new zone: one scheduler, the new time.
    const first = await s.scheduleReminders(scope, 'collabZone0001', { ...brussels, timeZone: 'America/New_York' });
    expect((await queue.getJobSchedulers()).filter((x) => x.key === 'reminders-collabZone0001')).toHaveLength(1);
    // New York moves its clocks on 14 March 2027, two weeks before Brussels.
    expect(await walk(s, 'collabZone0001', first, 3)).toEqual(['2027-03-08T14:00:00.000Z', '2027-03-15T13:00:00.000Z', '2027-03-22T13:00:00.000Z']);
    await s.cancelReminders(scope, 'collabZone0001');
  });

  it('removes a workspace\'s schedulers with its jobs, and no other', async () => {
    const s = new QueueScheduler(conn, queue, timing);
    const rule: WeeklyRule = { weekday: 3, hour: 9, minute: 0, everyWeeks: 1, timeZone: 'Europe/Brussels', anchor: Date.now() };
    await s.scheduleReminders(scope, 'collabMine0001', rule);
    await s.scheduleReminders({ platform: 'teams', tenant: 'tenant-other' }, 'collabTheirs01', rule);
    await s.cancelScope(scope);
    expect((await queue.getJobSchedulers()).map((x) => x.key)).toEqual(['reminders-collabTheirs01']);
    await s.cancelScope({ platform: 'teams', tenant: 'tenant-other' });
  });
});
