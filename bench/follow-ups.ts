/**
 * The follow-up run (`npm run bench -- --only follow-ups`), three phases in one run:
 * 1. scheduling: 1,000 collaborations, then N follow-ups through the product's addFollowUps, 20 per call as a typed list adds them (real
 *    AppDeps, QueueScheduler, redis-server, a fake Slack), against raw BullMQ addBulk of the very
 *    same nudge jobs (ids, payloads, delays) into a second, fresh redis-server;
 * 2. lateness: 10,000 nudges (--nudges) due within one minute, two worker processes running the product's
 *    worker; each moment must reach the fake Slack exactly once, and how late it arrives counts;
 * 3. Redis memory per scheduled follow-up (after phase 1), ours and raw.
 * Diagnostics in the same run say where the time goes (see the report section).
 */
import { FOLLOW_UPS_PER_ADD } from '../src/domain/follow-up.js';
import { Redis } from 'ioredis';
import { startRedis, type RedisServerHandle } from '../test/support/redis-server.js';
import { createJobQueue } from '../src/jobs/scheduler.js';
import { collabKeys, indexKey, scopePrefix } from '../src/store/keys.js';
import { percentile, sleep } from './load.js';
import { startLeanSlack, type LeanSlack } from './follow-ups-slack.js';
import { forkWork, type JobSpec, type TaskRun, type WorkChild } from './follow-ups-work.js';
import type { FollowUpResult, LatenessResult, RedisCommandCost, ScheduleRun } from './follow-ups-report.js';

export interface FollowUpOptions {
  followUps: number;
  collabs: number;
  /** addFollowUp calls (and raw queue.add calls) in flight. */
  lanes: number;
  nudges: number;
  log: (line: string) => void;
  profileDir?: string;
}

const TEAM = 'T0FOLLOW';
const scope = { platform: 'slack' as const, tenant: TEAM };
const BULK_CHUNK = 1000;
const WARMUP_ITEMS = 1000;
const STUB_ITEMS = 10_000;
const WORKERS = 2;
const WINDOW_MS = 60_000;
/** From queuing the window's nudges to its first moment: enough for 10,000 on a slow machine. */
const LEAD_MS = 20_000;
/** After the window: late messages still count (as late), then a pause for a second copy of any. */
const DRAIN_MS = 30_000;
const SECOND_COPY_WAIT_MS = 3_000;
const WARMUP_NUDGES = 2000;
/** Lateness is also given per slice of the window: a backlog shows as a rising p99. */
const SLICES = 6;

/** Watchdog budget of this run: fixed parts (start-ups, lead, window, drain) plus ~3 ms per follow-up. */
export const followUpBudgetMs = (o: { followUps: number; nudges: number }): number => 180_000 + o.followUps * 3 + o.nudges * 2;

export function followUpProcedure(o: FollowUpOptions): string[] {
  return [
    `phase 1: ${o.collabs} collaborations (startCollaboration), then ${o.followUps.toLocaleString('en-US')} follow-ups through addFollowUps in lists of ${FOLLOW_UPS_PER_ADD} (list b in collaboration b mod ${o.collabs}, due 1-60 days ahead, owned by one of 9 members), ${o.lanes} in flight, in a forked process on the product's AppDeps as main.ts wires them; every list reads the collaboration, asks Slack each owner's zone (users.info, cached 5 min), queues the nudges (queue.add per job, all at once), stores the items (one script, one pipeline for the owners' indexes) and posts one message in the thread (chat.postMessage)`,
    `both sides first queue the same ${WARMUP_ITEMS.toLocaleString('en-US')} warm-up follow-ups / jobs (not counted, not in the memory figures)`,
    `raw: the same ${o.followUps.toLocaleString('en-US')} 'nudge' jobs (ids, payloads, delays as ours queued them) with Queue.addBulk in chunks of ${BULK_CHUNK}, on the product's queue settings, in a forked process, into a second fresh redis-server; items/s = items ÷ wall time of the whole batch`,
    `phase 2: ${o.nudges.toLocaleString('en-US')} items stored waiting for a 'soon' nudge, their moments spread evenly over ${WINDOW_MS / 1000} s starting ${LEAD_MS / 1000} s after queuing begins (QueueScheduler.scheduleNudge), after ${WARMUP_NUDGES} warm-up nudges (not counted); ${WORKERS} forked workers (buildApp, ROLE=worker, concurrency 8 each; not pinned, free to use every core) run sendNudge against the fake Slack, which stamps each chat.postMessage on arrival and counts them per metadata marker (item:kind:moment)`,
    `phase 3: INFO used_memory growth over phase 1 ÷ items, for ours (items, indexes, jobs) and for raw (jobs); CPU per item from process.cpuUsage (producer, fake Slack) and INFO cpu (Redis)`,
  ];
}

interface RedisStats {
  usedMemory: number;
  cpuMs: number;
  commands: number;
  /** INFO commandstats: calls and microseconds per command (script-internal calls included). */
  byCommand: Map<string, { calls: number; usec: number }>;
}

async function redisStats(r: Redis): Promise<RedisStats> {
  const info = await r.info('everything');
  const num = (name: string): number => Number(new RegExp(`^${name}:([\\d.]+)`, 'm').exec(info)?.[1] ?? Number.NaN);
  const byCommand = new Map<string, { calls: number; usec: number }>();
  for (const m of info.matchAll(/^cmdstat_([^:]+):calls=(\d+),usec=(\d+)/gm)) byCommand.set(m[1]!, { calls: Number(m[2]), usec: Number(m[3]) });
  return { usedMemory: num('used_memory'), cpuMs: (num('used_cpu_sys') + num('used_cpu_user')) * 1000, commands: num('total_commands_processed'), byCommand };
}

/** The commands that took most of Redis' time between two samples, per item. */
function topCommands(before: RedisStats, after: RedisStats, items: number, n = 4): RedisCommandCost[] {
  return [...after.byCommand]
    .map(([command, a]) => {
      const b = before.byCommand.get(command) ?? { calls: 0, usec: 0 };
      return { command, callsPerItem: (a.calls - b.calls) / items, usecPerItem: (a.usec - b.usec) / items };
    })
    .sort((x, y) => y.usecPerItem - x.usecPerItem)
    .slice(0, n);
}

const cpuMsSince = (start: NodeJS.CpuUsage): number => {
  const u = process.cpuUsage(start);
  return (u.user + u.system) / 1000;
};

function scheduleRun(items: number, r: { failed: number; firstError?: string; run: TaskRun }, before: RedisStats, after: RedisStats, slackCpuMs?: number): ScheduleRun {
  return {
    items,
    failed: r.failed,
    ...(r.firstError ? { firstError: r.firstError } : {}),
    wallMs: r.run.wallMs,
    perSec: (items - r.failed) / (r.run.wallMs / 1000),
    cost: {
      producerCpuMs: r.run.cpuMs / items,
      producerElu: r.run.elu,
      redisCpuMs: (after.cpuMs - before.cpuMs) / items,
      redisCommands: (after.commands - before.commands) / items,
      redisTop: topCommands(before, after, items),
      ...(slackCpuMs === undefined ? {} : { slackCpuMs: slackCpuMs / items }),
    },
  };
}

/** MEMORY USAGE (SAMPLES 0) summed over the follow-up hashes and the owners' indexes. */
async function storeBytes(r: Redis, collabIds: string[]): Promise<number> {
  const keys = collabIds.map((id) => collabKeys(scope, id).followUps);
  let cursor = '0';
  do {
    const [next, found] = await r.scan(cursor, 'MATCH', `${scopePrefix(scope)}:person:followups:*`, 'COUNT', 1000);
    cursor = next;
    keys.push(...found);
  } while (cursor !== '0');
  const p = r.pipeline();
  for (const k of keys) p.memory('USAGE', k, 'SAMPLES', 0);
  const res = (await p.exec()) ?? [];
  return res.reduce((sum, [, v]) => sum + (typeof v === 'number' ? v : 0), 0);
}

const indexBytes = async (r: Redis): Promise<number> => (await r.memory('USAGE', indexKey(scope), 'SAMPLES', 0)) ?? 0;

async function latenessRun(o: FollowUpOptions, redisUrl: string, slack: LeanSlack, r: Redis, producer: WorkChild, collabIds: string[]): Promise<LatenessResult> {
  // Not pinned: two worker processes are there to use two cores, as a deployment would run them.
  const workers = await Promise.all(Array.from({ length: WORKERS }, () => forkWork({ role: 'worker', redisUrl, slackApiUrl: slack.apiUrl, team: TEAM }, o.profileDir, false)));
  const queueRedis = new Redis(redisUrl, { maxRetriesPerRequest: null });
  const queue = createJobQueue(queueRedis);
  try {
    const failed0 = (await queue.getJobCounts('failed')).failed ?? 0;
    // Warm-up, not counted: a worker's first nudges compile code paths and fill its caches, as a
    // deployed worker's did long ago. They go to other items, due at once.
    type Due = { markers: { marker: string; at: number; collabId: string; itemId: string }[]; readyAt: number };
    const warm = await producer.call<Due>('due', { collabIds, n: WARMUP_NUDGES, firstAt: Date.now() + 1000, windowMs: 10_000, lanes: o.lanes }, 60_000);
    if (!(await slack.waitForMarkers(warm.markers.length, 60_000))) throw new Error('the warm-up nudges did not all reach Slack within 60 s');
    const usage = async (): Promise<number> => (await Promise.all(workers.map((w) => w.call<number>('usage', undefined, 10_000)))).reduce((a, b) => a + b, 0);
    await sleep(SECOND_COPY_WAIT_MS);
    slack.resetCounts();
    slack.personal.clear();
    const firstAt = Date.now() + LEAD_MS;
    o.log(`follow-ups: queuing ${o.nudges} nudges due from +${LEAD_MS / 1000} s over ${WINDOW_MS / 1000} s`);
    const due = await producer.call<Due>('due', { collabIds, n: o.nudges, firstAt, windowMs: WINDOW_MS, lanes: o.lanes }, LEAD_MS + WINDOW_MS);
    o.log('follow-ups: waiting for the window to pass');
    // CPU is counted from the first moment: queuing the window is the producer's work, not the workers'.
    await sleep(Math.max(0, firstAt - Date.now()));
    const [cpu0, stats0] = [await usage(), await redisStats(r)];
    await slack.waitForMarkers(o.nudges, Math.max(0, firstAt + WINDOW_MS + DRAIN_MS - Date.now()));
    await sleep(SECOND_COPY_WAIT_MS);
    const [cpu1, stats1] = [await usage(), await redisStats(r)];
    const expected = new Set(due.markers.map((m) => m.marker));
    const late: number[] = [];
    const bySlice: number[][] = Array.from({ length: SLICES }, () => []);
    let missing = 0;
    let duplicated = 0;
    for (const m of due.markers) {
      const times = slack.personal.get(m.marker) ?? [];
      if (times.length === 0) missing += 1;
      if (times.length > 1) duplicated += 1;
      if (times.length === 0) continue;
      const ms = Math.min(...times) - m.at;
      late.push(ms);
      bySlice[Math.min(SLICES - 1, Math.floor(((m.at - firstAt) * SLICES) / WINDOW_MS))]!.push(ms);
    }
    const unexpected = [...slack.personal.keys()].filter((k) => !expected.has(k)).length;
    const stuck = await producer.call<number>('stuck', { refs: due.markers }, 60_000);
    const failedJobs = ((await queue.getJobCounts('failed')).failed ?? 0) - failed0;
    return {
      items: o.nudges,
      windowMs: WINDOW_MS,
      workers: WORKERS,
      headroomMs: firstAt - due.readyAt,
      received: late.length,
      p50Ms: percentile(late, 50),
      p90Ms: percentile(late, 90),
      p99Ms: percentile(late, 99),
      maxMs: late.length ? Math.max(...late) : Number.NaN,
      p99BySliceMs: bySlice.map((xs) => percentile(xs, 99)),
      missing,
      duplicated,
      unexpected,
      stuck,
      failedJobs,
      workerCpuMsPerNudge: (cpu1 - cpu0) / o.nudges,
      redisCpuMsPerNudge: (stats1.cpuMs - stats0.cpuMs) / o.nudges,
      redisCommandsPerNudge: (stats1.commands - stats0.commands) / o.nudges,
      redisTop: topCommands(stats0, stats1, o.nudges),
      slackCalls: slack.counts(),
    };
  } finally {
    await Promise.all(workers.map((w) => w.close()));
    await queue.close();
    queueRedis.disconnect();
  }
}

type AddResult = { failed: number; firstError?: string; run: TaskRun; jobs: JobSpec[] };

export async function benchFollowUps(o: FollowUpOptions): Promise<FollowUpResult> {
  const result: FollowUpResult = { collabs: o.collabs, lanes: o.lanes, bulkChunk: BULK_CHUNK, notes: [] };
  const servers: RedisServerHandle[] = [];
  const clients: Redis[] = [];
  const children: WorkChild[] = [];
  let slack: LeanSlack | undefined;
  const perItemMs = 20;
  try {
    const [a, b] = await Promise.all([startRedis(), startRedis()]);
    servers.push(a, b);
    const [ra, rb] = [new Redis(a.url), new Redis(b.url)];
    clients.push(ra, rb);
    slack = await startLeanSlack(TEAM);
    const producer = await forkWork({ role: 'producer', redisUrl: a.url, slackApiUrl: slack.apiUrl, team: TEAM }, o.profileDir);
    children.push(producer);
    o.log(`follow-ups: starting ${o.collabs} collaborations`);
    const t0 = Date.now();
    const collabIds = await producer.call<string[]>('collabs', { n: o.collabs, lanes: 20 }, 30_000 + o.collabs * perItemMs);
    result.collabsMs = Date.now() - t0;

    // Warm-up, not counted: both sides first queue the same WARMUP_ITEMS nudges, so neither is timed
    // while its process still compiles its code paths and loads its scripts into Redis.
    o.log(`follow-ups: phase 1, ours: ${WARMUP_ITEMS} warm-up, then ${o.followUps} follow-ups through addFollowUps, ${FOLLOW_UPS_PER_ADD} per call`);
    const warm = await producer.call<AddResult>('followUps', { collabIds, first: 0, n: WARMUP_ITEMS, lanes: o.lanes, messenger: 'slack', batch: FOLLOW_UPS_PER_ADD }, 30_000 + WARMUP_ITEMS * perItemMs);
    // The follow-up's own share: its hash field, its owner's index entry, the scope index's growth.
    const storeNow = async (): Promise<number> => (await storeBytes(ra, collabIds)) + (await indexBytes(ra));
    const store0 = await storeNow();
    slack.resetCounts();
    const a0 = await redisStats(ra);
    const fake0 = process.cpuUsage();
    const ours = await producer.call<AddResult>('followUps', { collabIds, first: WARMUP_ITEMS, n: o.followUps, lanes: o.lanes, messenger: 'slack', batch: FOLLOW_UPS_PER_ADD }, 30_000 + o.followUps * perItemMs);
    const fakeCpu = cpuMsSince(fake0);
    const a1 = await redisStats(ra);
    result.ours = scheduleRun(o.followUps, ours, a0, a1, fakeCpu);
    result.slackCalls = slack.counts();
    const store = (await storeNow()) - store0;

    o.log('follow-ups: phase 1, raw: the same jobs with addBulk');
    const raw = await forkWork({ role: 'raw', redisUrl: b.url, team: TEAM }, o.profileDir);
    children.push(raw);
    await raw.call('addBulk', { jobs: warm.jobs, chunk: BULK_CHUNK }, 30_000 + WARMUP_ITEMS * perItemMs);
    const b0 = await redisStats(rb);
    const bulk = await raw.call<{ failed: number; run: TaskRun }>('addBulk', { jobs: ours.jobs, chunk: BULK_CHUNK }, 30_000 + o.followUps * perItemMs);
    const b1 = await redisStats(rb);
    result.raw = scheduleRun(ours.jobs.length, bulk, b0, b1);
    if (ours.jobs.length !== o.followUps) result.notes.push(`raw queued ${ours.jobs.length} jobs: only the adds that succeeded gave one`);
    const oursGrowth = a1.usedMemory - a0.usedMemory;
    result.memory = {
      oursBytesPerItem: oursGrowth / o.followUps,
      rawBytesPerItem: (b1.usedMemory - b0.usedMemory) / ours.jobs.length,
      storeBytesPerItem: store / o.followUps,
      queueBytesPerItem: (oursGrowth - store) / o.followUps,
    };

    o.log('follow-ups: diagnostics (queue.add per job; addFollowUp one per call, without and with Slack round trips)');
    await rb.flushall();
    const e0 = await redisStats(rb);
    const each = await raw.call<{ failed: number; run: TaskRun }>('addEach', { jobs: ours.jobs, lanes: o.lanes }, 30_000 + o.followUps * perItemMs);
    result.rawEach = scheduleRun(ours.jobs.length, each, e0, await redisStats(rb));
    const stubItems = Math.min(STUB_ITEMS, o.followUps);
    const s0 = await redisStats(ra);
    const stub = await producer.call<AddResult>('followUps', { collabIds, first: WARMUP_ITEMS + o.followUps, n: stubItems, lanes: o.lanes, messenger: 'stub', batch: 1 }, 30_000 + stubItems * perItemMs);
    result.oursStub = scheduleRun(stubItems, stub, s0, await redisStats(ra));
    // One follow-up per command (`opvolg` with one line), with its own Slack calls: the common case.
    const o0 = await redisStats(ra);
    const one = await producer.call<AddResult>('followUps', { collabIds, first: WARMUP_ITEMS + o.followUps + stubItems, n: stubItems, lanes: o.lanes, messenger: 'slack', batch: 1 }, 30_000 + stubItems * perItemMs);
    result.oursOne = scheduleRun(stubItems, one, o0, await redisStats(ra));

    o.log(`follow-ups: phase 2, ${o.nudges} nudges within ${WINDOW_MS / 1000} s, ${WORKERS} workers`);
    result.lateness = await latenessRun(o, a.url, slack, ra, producer, collabIds);
    if (result.lateness.headroomMs < 0) result.notes.push(`the window's nudges were queued ${-result.lateness.headroomMs} ms after its first moment: early moments count as late`);
  } catch (err) {
    result.error = err instanceof Error ? err.message : String(err);
  } finally {
    await Promise.all(children.map((c) => c.close()));
    for (const c of clients) c.disconnect();
    await slack?.close();
    await Promise.all(servers.map((s) => s.stop()));
  }
  return result;
}
