/**
 * One process of the follow-up run (forked by bench/follow-ups.ts), so the work measured never
 * shares an event loop with the fake Slack and the load generator:
 *   producer  the product's AppDeps (bench/follow-ups-deps.ts): starts collaborations, adds
 *             follow-ups through addFollowUp, and queues the nudges of the lateness window
 *   raw       a bare BullMQ queue (the product's queue settings) fed with addBulk / add
 *   worker    buildApp() with ROLE=worker: the product's job worker and nudge handler
 * IPC: the child sends {type:'ready'}; the parent sends {type:'task', id, name, args} and gets
 * {type:'result', id, value} or {type:'error', id, message}; {type:'close'} ends the child.
 */
import { performance } from 'node:perf_hooks';
import { Redis } from 'ioredis';
import type { FollowUp } from '../src/domain/follow-up.js';
import { startCollaboration } from '../src/app/collab/start-collaboration.js';
import { addFollowUps } from '../src/app/follow-ups/manage-follow-ups.js';
import { createJobQueue, nudgeJobId, type NudgeJobData } from '../src/jobs/scheduler.js';
import { slackPlace } from '../src/platforms/slack/slack-messenger.js';
import type { AppDeps } from '../src/app/deps.js';
import type { Messenger } from '../src/app/messenger.js';
import { benchConfig, productDeps, type ProductDeps } from './follow-ups-deps.js';
import { FAKE_USER_TZ } from './follow-ups-slack.js';
import { collabChannel, dueItem, memberOf, newItem, type ChildSpec, type JobSpec, type TaskRun } from './follow-ups-work.js';

/** Hard stop: the child never outlives a stuck run (the parent's watchdog is shorter). */
const CHILD_LIFETIME_MS = 900_000;
const spec = JSON.parse(process.argv[2] ?? '{}') as ChildSpec;
const scope = { platform: 'slack' as const, tenant: spec.team };

/** Runs `work(i)` for i in 0..n-1 with at most `lanes` in flight; failures are counted, not thrown. */
async function pool(n: number, lanes: number, work: (i: number) => Promise<void>): Promise<{ failed: number; firstError?: string }> {
  let next = 0;
  let failed = 0;
  let firstError: string | undefined;
  const lane = async (): Promise<void> => {
    while (next < n) {
      const i = next++;
      await work(i).catch((err: unknown) => {
        failed += 1;
        firstError ??= err instanceof Error ? `${err.name}: ${err.message}` : String(err);
      });
    }
  };
  await Promise.all(Array.from({ length: Math.min(lanes, n) }, lane));
  return { failed, firstError };
}

/** Wall time, CPU time and event-loop utilization of one timed task in this process. */
async function timed<T>(work: () => Promise<T>): Promise<{ value: T; run: TaskRun }> {
  const elu0 = performance.eventLoopUtilization();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const value = await work();
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return { value, run: { wallMs, cpuMs: (cpu.user + cpu.system) / 1000, elu: performance.eventLoopUtilization(elu0).utilization } };
}

/** A messenger that answers in-process: the diagnostic run without Slack's round trips. */
const stubMessenger = (): Messenger => ({
  post: async (place) => ({ platform: 'slack', ref: JSON.stringify({ ...(JSON.parse(place.ref) as object), ts: '1700000000.000100' }) }),
  update: async () => undefined,
  threadOf: (card) => {
    const c = JSON.parse(card.ref) as { channel: string; ts: string };
    return slackPlace(c.channel, c.ts);
  },
  channelOf: (place) => place,
  postFile: async () => true,
  displayNames: async () => ({}),
  memberCount: async () => undefined,
  members: async () => [],
  sendPersonal: async () => undefined,
  personalSent: async () => undefined,
  timeZoneOf: async () => FAKE_USER_TZ,
});

const nudgeData = (j: JobSpec): NudgeJobData => ({ platform: 'slack', tenant: spec.team, collabId: j.collabId, itemId: j.itemId, kind: j.kind, at: j.at });

async function producer(): Promise<Record<string, (args: never) => Promise<unknown>>> {
  const p: ProductDeps = await productDeps(spec.redisUrl, spec.slackApiUrl!);
  const slack = p.deps.messengers.slack!;
  const withMessenger = (kind: 'slack' | 'stub'): AppDeps => ({ ...p.deps, messengers: { slack: kind === 'stub' ? stubMessenger() : slack } });
  return {
    /** startCollaboration, as the `start` command runs it: stored, root card posted, thread stored. */
    collabs: async (a: { n: number; lanes: number }) => {
      const ids: string[] = new Array<string>(a.n);
      const r = await pool(a.n, a.lanes, async (c) => {
        const collab = await startCollaboration(p.deps, { scope, place: slackPlace(collabChannel(c)), starter: { id: memberOf(c, 0) }, locale: 'nl', title: `Huiswerkklas ${c} met de bib` });
        ids[c] = collab.id;
      });
      if (r.failed > 0) throw new Error(`${r.failed} collaboration(s) not started: ${r.firstError}`);
      return ids;
    },
    /**
     * Adds in calls of `batch` items of one collaboration (addFollowUps, as a typed list of
     * follow-ups adds them); batch b goes to collaboration b mod n, so concurrent calls meet
     * different collaborations, as real ones would. With batch 1 it is one addFollowUp per item.
     */
    followUps: async (a: { collabIds: string[]; first: number; n: number; lanes: number; messenger: 'slack' | 'stub'; batch: number }) => {
      const deps = withMessenger(a.messenger);
      const jobs: JobSpec[] = new Array<JobSpec>(a.n);
      const batches = Math.ceil(a.n / a.batch);
      const collabOf = (b: number): number => (Math.floor(a.first / a.batch) + b) % a.collabIds.length;
      // What people typed, parsed before the clock starts: the raw side is handed its jobs ready too.
      const now = Date.now();
      const typed = Array.from({ length: batches }, (_, b) =>
        Array.from({ length: Math.min(a.batch, a.n - b * a.batch) }, (_, k) => newItem(a.first + b * a.batch + k, collabOf(b), now)),
      );
      const { value, run } = await timed(() =>
        pool(batches, a.lanes, async (b) => {
          const from = b * a.batch;
          const c = collabOf(b);
          const collabId = a.collabIds[c]!;
          const inputs = typed[b]!;
          const items: FollowUp[] = await addFollowUps(deps, { scope, collabId, user: { id: memberOf(c, 0) } }, inputs);
          items.forEach((item, k) => {
            if (!item.next) throw new Error('the item got no nudge');
            jobs[from + k] = { collabId, itemId: item.id, kind: item.next.kind, at: item.next.at };
          });
        }),
      );
      return { ...value, run, jobs: jobs.filter(Boolean) };
    },
    /**
     * The lateness window: items stored with the nudge they wait for (`next`) at moments spread
     * over the window, then that nudge queued by the product's scheduler (QueueScheduler.scheduleNudge).
     * Stored before queued: a job that found no item would be skipped as stale.
     */
    due: async (a: { collabIds: string[]; n: number; firstAt: number; windowMs: number; lanes: number }) => {
      const items: FollowUp[] = Array.from({ length: a.n }, (_, i) => dueItem(i, a.collabIds, p.deps.newId(), a.firstAt + Math.floor((i * a.windowMs) / a.n)));
      const stored = await pool(a.n, a.lanes, (i) => p.deps.followUps.add(scope, [items[i]!]));
      const queued = await pool(a.n, a.lanes, (i) => p.deps.jobs.scheduleNudge(scope, items[i]!, items[i]!.next!));
      if (stored.failed + queued.failed > 0) throw new Error(`window items: ${stored.failed} not stored, ${queued.failed} not queued: ${stored.firstError ?? queued.firstError}`);
      return { markers: items.map((it) => ({ marker: `${it.id}:${it.next!.kind}:${it.next!.at}`, at: it.next!.at, collabId: it.collabId, itemId: it.id })), readyAt: Date.now() };
    },
    /** How many window items still wait for their window nudge (the handler moves each on to its next one). */
    stuck: async (a: { refs: { collabId: string; itemId: string; at: number }[] }) => {
      let stuck = 0;
      await pool(a.refs.length, 32, async (i) => {
        const r = a.refs[i]!;
        const item = await p.deps.followUps.get(scope, r.collabId, r.itemId);
        if (!item || item.next?.at === r.at) stuck += 1;
      });
      return stuck;
    },
    close: () => p.close(),
  };
}

async function raw(): Promise<Record<string, (args: never) => Promise<unknown>>> {
  const connection = new Redis(spec.redisUrl, { maxRetriesPerRequest: null });
  const queue = createJobQueue(connection);
  const toBulk = (jobs: JobSpec[]) => jobs.map((j) => ({ name: 'nudge', data: nudgeData(j), opts: { jobId: nudgeJobId(j.itemId, j), delay: Math.max(0, j.at - Date.now()) } }));
  return {
    addBulk: async (a: { jobs: JobSpec[]; chunk: number }) => {
      const { run } = await timed(async () => {
        for (let i = 0; i < a.jobs.length; i += a.chunk) await queue.addBulk(toBulk(a.jobs.slice(i, i + a.chunk)));
      });
      return { run, failed: 0 };
    },
    /** One queue.add per job, as the product's scheduleNudge calls it: BullMQ's own cost on the product's path. */
    addEach: async (a: { jobs: JobSpec[]; lanes: number }) => {
      const bulk = toBulk(a.jobs);
      const { value, run } = await timed(() => pool(bulk.length, a.lanes, async (i) => void (await queue.add(bulk[i]!.name, bulk[i]!.data, bulk[i]!.opts))));
      return { ...value, run };
    },
    close: async () => {
      await queue.close();
      connection.disconnect();
    },
  };
}

async function worker(): Promise<Record<string, (args: never) => Promise<unknown>>> {
  const { buildApp } = await import('../src/main.js');
  const { createLogger } = await import('../src/logger.js');
  const app = await buildApp(benchConfig(spec.redisUrl, spec.slackApiUrl!, 'worker'), spec.redisUrl, { logger: createLogger('silent') });
  return { close: () => app.close() };
}

const send = (m: unknown): void => void process.send?.(m);

async function main(): Promise<void> {
  setTimeout(() => process.exit(2), CHILD_LIFETIME_MS).unref();
  process.on('disconnect', () => process.exit(0));
  const tasks = await { producer, raw, worker }[spec.role]();
  process.on('message', (m: { type: 'task'; id: number; name: string; args: unknown } | { type: 'close' }) => {
    if (m.type === 'close') {
      const forced = setTimeout(() => process.exit(0), 5_000);
      void (tasks['close']?.(undefined as never) ?? Promise.resolve()).catch(() => undefined).finally(() => {
        clearTimeout(forced);
        send({ type: 'closed' });
        setTimeout(() => process.exit(0), 50);
      });
      return;
    }
    // Cumulative CPU (ms) of this process: the parent takes differences around a phase.
    if (m.name === 'usage') {
      const u = process.cpuUsage();
      return send({ type: 'result', id: m.id, value: (u.user + u.system) / 1000 });
    }
    const task = tasks[m.name];
    if (!task) return send({ type: 'error', id: m.id, message: `no task '${m.name}' in ${spec.role}` });
    task(m.args as never).then(
      (value) => send({ type: 'result', id: m.id, value }),
      (err: unknown) => send({ type: 'error', id: m.id, message: err instanceof Error ? `${err.name}: ${err.message}` : String(err) }),
    );
  });
  send({ type: 'ready' });
}

main().catch((err: unknown) => {
  send({ type: 'error', message: err instanceof Error ? `${err.name}: ${err.message}` : String(err) });
  setTimeout(() => process.exit(1), 50);
});
