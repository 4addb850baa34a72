/**
 * Follow-up nudges under faults: exactly one personal message per item, kind and due moment when a
 * worker is killed mid-send (SIGKILL), frozen while another takes its job over (SIGSTOP), when two
 * workers run, when Redis restarts, when Slack or the Teams connector answers 429 or 5xx, and when
 * a worker is stopped with SIGTERM. All of it on a real redis-server (with an fsync'd AOF, so a
 * restart keeps every acknowledged write) and the real Bolt app and BullMQ workers against the fake
 * Web API; "arrived" means a chat.postMessage that Slack accepted, counted at the fake.
 *
 * The web role runs in this process and creates the items; workers are started per test, here or
 * in child processes, so each test decides who takes a job. Delayed jobs are promoted at their
 * moment on the product's clock. Two clocks cannot be moved that way: BullMQ's lock and stalled
 * check (real time; workers here use short ones, see JobWorkerTiming) and the 60 s claim lease of
 * a nudge, which runs on Redis' own clock (TIME). Where a test needs a dead attempt's lease to have
 * run out, it first sees a worker claim the nudge while that lease runs (the worker then waits),
 * and then ends the lease in the record the way 60 s would, instead of waiting a minute.
 */
import { Worker, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { FollowUpSchema, type FollowUp } from '../../src/domain/follow-up.js';
import { JOB_QUEUE, nudgeJobId, QUEUE_PREFIX, QueueScheduler, type JobWorkerTiming } from '../../src/jobs/scheduler.js';
import { buildApp, type Running } from '../../src/main.js';
import { collabKeys, nudgeKey } from '../../src/store/keys.js';
import { killIfRunning, spawnWorker, type ChildWorker, type LogEntry } from '../support/child-worker.js';
import type { ConnectorCall } from '../support/fake-connector.js';
import type { FailureKind, RecordedCall } from '../support/fake-slack.js';
import { probeQueue, type QueueProbe } from '../support/job-queue.js';
import { captureLogs, type CapturedLogs } from '../support/log-capture.js';
import { appMentionEventBody, slashCommandBody } from '../support/slack-signing.js';
import { CHANNEL, SIGNING_SECRET, startSlackHarness, TEAM, testTiming, VOTER_SECRET, type SlackHarness } from '../support/slack-harness.js';
import { activity, CHANNEL_CONV, startTeamsHarness, TENANT, user, type TeamsHarness } from '../support/teams-harness.js';

/** Monday 30 November 2026, 8:00 in Brussels and Amsterdam (the fake's users.info zone). */
const MONDAY_8 = Date.parse('2026-11-30T07:00:00Z');
let offsetMs = 0;
const now = (): number => Date.now() + offsetMs;
const setClock = (at: number): void => {
  offsetMs = at - Date.now();
};

/**
 * A killed child's lock runs out after this; all workers here look for stalled jobs this often (one
 * worker's check keeps the others from checking for its own interval, so all need the short one).
 */
const CHILD_LOCK_MS = 1000;
const STALLED_CHECK_MS = 250;
/** The product's bound on finishing running jobs after SIGTERM (WORKER_CLOSE_MS in src/main.ts). */
const SHUTDOWN_BOUND_MS = 10_000;

let h: SlackHarness;
let redis: Redis;
let probe: QueueProbe;
const scope = { platform: 'slack' as const, tenant: TEAM };

/** Child workers that have loaded the product and wait to be started (loading takes seconds each). */
const spares: ChildWorker[] = [];
const SPARE_CHILDREN = 3;

beforeAll(async () => {
  setClock(MONDAY_8);
  h = await startSlackHarness({ clock: { now }, persist: true, env: { ROLE: 'web' } });
  redis = new Redis(h.redis.url);
  // Connection errors are expected while Redis restarts; commands wait for the reconnect.
  redis.on('error', () => undefined);
  probe = await probeQueue(h.redis.url);
  for (let i = 0; i < SPARE_CHILDREN; i++) spares.push(spawnWorker('test/support/worker-process.ts', workerEnv()));
  await Promise.all(spares.map((c) => c.waitForLog((l) => l.msg === 'test worker loaded', 100_000)));
}, 120_000);
afterAll(async () => {
  await Promise.all(spares.splice(0).map(killIfRunning));
  await probe?.close();
  redis?.disconnect();
  await h?.close();
});

const inProcess: Running[] = [];
const children: ChildWorker[] = [];
const holds: (() => void)[] = [];
afterEach(async () => {
  for (const release of holds.splice(0)) release();
  await Promise.all(children.splice(0).map(killIfRunning));
  await Promise.all(inProcess.splice(0).map((w) => w.close()));
});

/** The environment a worker of this Slack app gets: the same Redis, secrets and fake Web API. */
const workerEnv = (): Record<string, string> => ({
  REDIS_URL: h.redis.url,
  VOTER_SECRET,
  SLACK_SIGNING_SECRET: SIGNING_SECRET,
  SLACK_BOT_TOKEN: 'xoxb-test-token',
  SLACK_API_URL: h.fake.apiUrl,
  ROLE: 'worker',
  PORT: '0',
  HOST: '127.0.0.1',
  LOG_LEVEL: 'info',
});

/** A worker in this process (role worker, the product's clock, no Web API retries: a failure shows at once). */
async function startWorker(timing: JobWorkerTiming = { stalledInterval: STALLED_CHECK_MS }): Promise<{ app: Running; logs: CapturedLogs }> {
  const logs = captureLogs();
  const app = await buildApp(loadConfig(workerEnv()), h.redis.url, { logger: logs.logger, clock: { now }, slackRetries: 0, refreshTiming: testTiming(), jobWorkerTiming: timing });
  inProcess.push(app);
  await app.worker!.waitUntilReady();
  return { app, logs };
}

/** A worker in a child process on the product's clock as it is now, with a short BullMQ lock. */
async function startChild(): Promise<ChildWorker> {
  const child = spares.shift() ?? spawnWorker('test/support/worker-process.ts', workerEnv());
  children.push(child);
  await child.go({ clockOffsetMs: offsetMs, timing: { lockDuration: CHILD_LOCK_MS, stalledInterval: STALLED_CHECK_MS } });
  return child;
}

let n = 0;
const json = (v: unknown): string => JSON.stringify(v) ?? '';
const signedAt = () => ({ timestamp: Math.floor(now() / 1000) });
const since = (i: number) => (c: RecordedCall) => h.fake.calls.indexOf(c) >= i;

async function start(facilitator: string, title: string): Promise<{ collabId: string; rootTs: string }> {
  const from = h.fake.calls.length;
  const res = await h.post(slashCommandBody({ text: `start ${title}`, userId: facilitator, teamId: TEAM, channelId: CHANNEL, responseUrl: `${h.fake.responseUrlBase}/nf-${++n}` }), signedAt());
  expect(res.status).toBe(200);
  const root = await h.fake.waitFor((c) => since(from)(c) && c.method === 'chat.postMessage' && c.args.channel === CHANNEL && c.args.thread_ts === undefined && json(c.args.blocks).includes(title), 10_000);
  type Element = { action_id?: string; value?: string };
  const edit = ((root.args.blocks as { elements?: Element[] }[] | undefined) ?? []).flatMap((b) => b.elements ?? []).find((e) => e.action_id === 'collab.edit');
  return { collabId: edit?.value ?? '', rootTs: String((root.response as { ts: string }).ts) };
}

/** `@WerktSamen opvolg …` in the thread; waits for both answers (the private one and the thread line), so no later post of the web app crosses a test's hold. */
async function addItem(facilitator: string, rootTs: string, text: string): Promise<void> {
  const from = h.fake.calls.length;
  const id = ++n;
  const res = await h.post(
    appMentionEventBody({ eventId: `EvNf${id}`, teamId: TEAM, channelId: CHANNEL, userId: facilitator, text: `<@UBOT> opvolg ${text}`, ts: `1700005${id}.000100`, threadTs: rootTs }),
    signedAt(),
  );
  expect(res.status).toBe(200);
  await h.fake.waitFor((c) => since(from)(c) && c.method === 'chat.postEphemeral' && c.args.user === facilitator, 10_000);
  await h.fake.waitFor((c) => since(from)(c) && c.method === 'chat.postMessage' && c.args.thread_ts === rootTs, 10_000);
}

async function items(collabId: string): Promise<FollowUp[]> {
  return (await redis.hvals(collabKeys(scope, collabId).followUps)).map((raw) => FollowUpSchema.parse(JSON.parse(raw)));
}

/** A new collaboration with one item for `owner`, due Wednesday: its first nudge is Monday 9:00 ('soon'). */
async function withItem(owner: string, what: string): Promise<{ collabId: string; item: FollowUp }> {
  setClock(MONDAY_8);
  const { collabId, rootTs } = await start('UFAC', `Faults ${what}`);
  await addItem('UFAC', rootTs, `${what} <@${owner}> woensdag`);
  const [item] = await items(collabId);
  expect(item?.next?.kind).toBe('soon');
  return { collabId, item: item! };
}

const markerOf = (item: FollowUp): string => `${item.id}:${item.next!.kind}:${item.next!.at}`;
const recordOf = (item: FollowUp): string => nudgeKey(scope, markerOf(item));
const nudgeJob = (item: FollowUp): Promise<Job> => probe.job(nudgeJobId(item.id, item.next!));

/** Personal messages Slack accepted in the person's direct channel carrying this marker. */
const arrived = (userId: string, marker: string): RecordedCall[] =>
  h.fake.calls.filter(
    (c) =>
      c.method === 'chat.postMessage' &&
      c.args.channel === `D${userId}` &&
      c.status === 200 &&
      (c.response as { ok?: boolean }).ok === true &&
      (c.args.metadata as { event_payload?: { marker?: string } } | undefined)?.event_payload?.marker === marker,
  );

/** Runs a delayed job at its moment on the product's clock; resolves with what the worker returned once it finished (retries included). */
async function fire(job: Job): Promise<() => Promise<unknown>> {
  setClock((job.data as { at: number }).at);
  const finished = job.waitUntilFinished(probe.events, 30_000);
  // Kept from being reported as unhandled before the test awaits it.
  finished.catch(() => undefined);
  await job.promote();
  return () => finished;
}

/**
 * Holds Slack's answer to the next `method` call that matches until `release()`: Slack has the
 * request (and, for chat.postMessage, the message), the bot has not heard back.
 */
function hold(method: string, match: (c: RecordedCall) => boolean): { arrival: Promise<RecordedCall>; release: () => void } {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let arrive!: (c: RecordedCall) => void;
  const arrival = new Promise<RecordedCall>((resolve) => (arrive = resolve));
  const hook = async (c: RecordedCall): Promise<void> => {
    if (!match(c)) {
      // Another call to the same method: pass it and wait for ours.
      h.fake.beforeReply(method, hook);
      return;
    }
    arrive(c);
    await released;
  };
  h.fake.beforeReply(method, hook);
  holds.push(release);
  return { arrival, release };
}

/** The worker's log lines about failed attempts of a job (each one spends one of its retries). */
const failures = (logs: CapturedLogs, job: Job): LogEntry[] => logs.entries().filter((l) => l.msg === 'poll job failed' && l.jobId === job.id);

const monitors: Redis[] = [];
afterEach(() => {
  for (const m of monitors.splice(0)) m.disconnect();
});

/**
 * Counts claims of nudge records whose key starts with `prefix`, seen on a MONITOR connection: a
 * claim refused by a live lease ('busy') changes nothing in Redis, so this is how a test sees that
 * a worker got there and waits.
 */
async function watchClaims(prefix: string): Promise<{ seen(n: number): Promise<void> }> {
  // monitor() opens a connection of its own; the one it is called on never needs to connect.
  const monitor = await new Redis(h.redis.url, { lazyConnect: true }).monitor();
  monitors.push(monitor);
  let count = 0;
  const waiters: { n: number; resolve: () => void }[] = [];
  monitor.on('monitor', (_time: string, args: string[]) => {
    // The claim is the only script run on a nudge record: EVALSHA/EVAL sha-or-source 1 <record> ...
    if (!/^eval(sha)?$/i.test(args[0] ?? '') || args[2] !== '1' || !args[3]?.startsWith(prefix)) return;
    count += 1;
    for (const w of waiters.filter((w) => count >= w.n)) {
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve();
    }
  });
  return {
    seen: (n) => (count >= n ? Promise.resolve() : new Promise<void>((resolve) => waiters.push({ n, resolve }))),
  };
}

/** Resolves when BullMQ's stalled-job check has put `job` back in the queue (its worker's lock ran out). */
function stalled(job: Job): Promise<void> {
  return new Promise<void>((resolve) => {
    const onStalled = ({ jobId }: { jobId: string }): void => {
      if (jobId !== job.id) return;
      probe.events.off('stalled', onStalled);
      resolve();
    };
    probe.events.on('stalled', onStalled);
  });
}

/**
 * Runs BullMQ's stalled-job check until `job` is back in the queue, from a bare BullMQ worker
 * that takes no jobs: no worker of the product is waiting for jobs when it happens.
 */
async function stalledJobsReturned(job: Job): Promise<void> {
  const returned = stalled(job);
  const connection = new Redis(h.redis.url, { maxRetriesPerRequest: null });
  const checker = new Worker(JOB_QUEUE, null, { connection, prefix: QUEUE_PREFIX, autorun: false, stalledInterval: STALLED_CHECK_MS });
  try {
    await checker.startStalledCheckTimer();
    await returned;
  } finally {
    await checker.close();
    connection.disconnect();
  }
}

/**
 * The nudge record while an attempt holds it is `try:<lease end>` (ms, Redis' clock). Checks that
 * the lease is still running, then ends it as if its 60 s had passed.
 */
async function endLiveLease(item: FollowUp): Promise<void> {
  const record = await redis.get(recordOf(item));
  expect(record).toMatch(/^try:\d+$/);
  const [seconds, micros] = await redis.time();
  expect(Number(record!.slice(4))).toBeGreaterThan(Number(seconds) * 1000 + Math.floor(Number(micros) / 1000));
  expect(await redis.set(recordOf(item), 'try:0', 'KEEPTTL', 'XX')).toBe('OK');
}

/** After the 'soon' nudge the item waits for its due-morning nudge: Wednesday 2 December, 9:00 Amsterdam, with its job queued. */
async function expectDueNudgeQueued(collabId: string): Promise<void> {
  const [after] = await items(collabId);
  expect(after!.next).toEqual({ kind: 'due', at: Date.parse('2026-12-02T08:00:00Z') });
  await nudgeJob(after!);
}

describe('a worker killed in the middle of sending (SIGKILL)', () => {
  it('after Slack took the message: the worker that takes the job over finds it and sends nothing more', async () => {
    const { collabId, item } = await withItem('UKILL', 'Zaal huren');
    const job = await nudgeJob(item);
    setClock(item.next!.at);
    const doomed = await startChild();
    const post = hold('chat.postMessage', (c) => c.args.channel === 'DUKILL');
    const outcome = await fire(job);
    await post.arrival;
    // Slack has the message; the worker dies before it hears back, let alone records 'sent'.
    doomed.child.kill('SIGKILL');
    expect((await doomed.exit).signal).toBe('SIGKILL');
    post.release();
    await h.fake.waitFor((c) => c.method === 'chat.postMessage' && c.args.channel === 'DUKILL' && c.status === 200);
    expect(arrived('UKILL', markerOf(item))).toHaveLength(1);

    const returned = stalled(job);
    const claims = await watchClaims(recordOf(item));
    const survivor = await startWorker();
    await returned;
    // The dead attempt's lease still runs: the survivor must neither send nor give up; it waits.
    await claims.seen(1);
    await endLiveLease(item);
    expect(await outcome()).toBe('sent');
    expect(failures(survivor.logs, job)).toEqual([]);
    expect(arrived('UKILL', markerOf(item))).toHaveLength(1);
    // The survivor asked Slack for the message before deciding.
    expect(h.fake.calls.some((c) => c.method === 'conversations.history' && c.args.channel === 'DUKILL')).toBe(true);
    expect(await redis.get(recordOf(item))).toBe('sent');
    await expectDueNudgeQueued(collabId);
  }, 30_000);

  it('after Slack took the message, when looking for it fails once (429): the retry looks again and sends nothing more', async () => {
    const { collabId, item } = await withItem('UKILL3', 'Stoelen tellen');
    const job = await nudgeJob(item);
    setClock(item.next!.at);
    const doomed = await startChild();
    const post = hold('chat.postMessage', (c) => c.args.channel === 'DUKILL3');
    const outcome = await fire(job);
    await post.arrival;
    doomed.child.kill('SIGKILL');
    await doomed.exit;
    post.release();
    await h.fake.waitFor((c) => c.method === 'chat.postMessage' && c.args.channel === 'DUKILL3' && c.status === 200);

    const returned = stalled(job);
    const claims = await watchClaims(recordOf(item));
    h.fake.failNext('conversations.history', { status: 429, retryAfter: 1 });
    const survivor = await startWorker();
    await returned;
    await claims.seen(1);
    await endLiveLease(item);
    expect(await outcome()).toBe('sent');
    // The failed look is a failed attempt, not a "not sent": one retry, and still one message.
    expect(failures(survivor.logs, job)).toEqual([expect.objectContaining({ errorClass: 'AppError', attempts: 1 })]);
    expect(h.fake.calls.filter((c) => c.method === 'conversations.history' && c.args.channel === 'DUKILL3')).toHaveLength(2);
    expect(arrived('UKILL3', markerOf(item))).toHaveLength(1);
    expect(await redis.get(recordOf(item))).toBe('sent');
    await expectDueNudgeQueued(collabId);
  }, 30_000);

  it('before Slack got the message: the job is taken over and the message sent exactly once', async () => {
    const { collabId, item } = await withItem('UKILL2', 'Bus bellen');
    const job = await nudgeJob(item);
    setClock(item.next!.at);
    const doomed = await startChild();
    const open = hold('conversations.open', (c) => c.args.users === 'UKILL2');
    const outcome = await fire(job);
    await open.arrival;
    doomed.child.kill('SIGKILL');
    await doomed.exit;
    open.release();
    expect(h.fake.calls.filter((c) => c.method === 'chat.postMessage' && c.args.channel === 'DUKILL2')).toEqual([]);

    const claims = await watchClaims(recordOf(item));
    const survivor = await startWorker();
    await claims.seen(1);
    await endLiveLease(item);
    expect(await outcome()).toBe('sent');
    expect(failures(survivor.logs, job)).toEqual([]);
    expect(arrived('UKILL2', markerOf(item))).toHaveLength(1);
    expect(await redis.get(recordOf(item))).toBe('sent');
    await expectDueNudgeQueued(collabId);
  }, 30_000);
});

describe('two workers', () => {
  it('a frozen worker whose job is taken over by a second one: the two attempts send one message', async () => {
    const { collabId, item } = await withItem('UFROZEN', 'Affiches drukken');
    // The same moment queued twice (say, two requests that changed the item at once) is one job.
    const scheduler = new QueueScheduler(redis, probe.queue, undefined, now);
    await scheduler.scheduleNudge(scope, item, item.next!);
    await scheduler.scheduleNudge(scope, item, item.next!);
    expect((await probe.queue.getDelayed()).filter((j) => j.id === nudgeJobId(item.id, item.next!))).toHaveLength(1);

    const job = await nudgeJob(item);
    setClock(item.next!.at);
    const first = await startChild();
    const post = hold('chat.postMessage', (c) => c.args.channel === 'DUFROZEN');
    const outcome = await fire(job);
    await post.arrival;
    // Frozen mid-send (a long GC pause, a stopped VM): alive, but its BullMQ lock runs out.
    first.child.kill('SIGSTOP');
    // Its connection that waits for the queue's wake-up signal would swallow the one the job's
    // return gives, and a worker already waiting would only look again after its block timeout
    // (up to 10 s); so the second worker starts once the job is back in the queue.
    await stalledJobsReturned(job);
    const claims = await watchClaims(recordOf(item));
    const second = await startWorker();
    // It finds the first attempt's claim: it must not send, and waits.
    await claims.seen(1);
    post.release();
    first.child.kill('SIGCONT');
    // The first attempt finishes and records 'sent'; the second sees that and sends nothing.
    expect(await outcome()).toBe('sent');
    expect(failures(second.logs, job)).toEqual([]);
    expect(arrived('UFROZEN', markerOf(item))).toHaveLength(1);
    // The first attempt recorded its message; the second only found that.
    expect(h.fake.calls.filter((c) => c.method === 'conversations.open' && c.args.users === 'UFROZEN')).toHaveLength(1);
    expect(await redis.get(recordOf(item))).toBe('sent');
    await expectDueNudgeQueued(collabId);
    expect((await probe.queue.getDelayed()).filter((j) => j.name === 'nudge' && (j.data as { itemId: string }).itemId === item.id)).toHaveLength(1);
  }, 30_000);

  it('two overdue items of one collaboration on two workers: the coordinator gets one overdue message for the moment', async () => {
    // Monday 10:00: both items are due today, so their next nudge is the coordinators' one on Wednesday.
    setClock(Date.parse('2026-11-30T09:00:00Z'));
    const { collabId, rootTs } = await start('UCOORD', 'Faults overdue');
    await addItem('UCOORD', rootTs, 'Verslag schrijven <@UANN> 2026-11-30');
    await addItem('UCOORD', rootTs, 'Foto’s delen <@UBEN> 2026-11-30');
    const both = await items(collabId);
    expect(both[1]!.next).toEqual(both[0]!.next);
    const at = both[0]!.next!.at;
    expect(both[0]!.next).toEqual({ kind: 'overdue', at: Date.parse('2026-12-02T08:00:00Z') });
    const marker = `${collabId}:overdue:${at}`;
    const jobs = await Promise.all(both.map(nudgeJob));

    const workers = [await startWorker(), await startWorker()];
    const claims = await watchClaims(nudgeKey(scope, marker));
    const post = hold('chat.postMessage', (c) => c.args.channel === 'DUCOORD');
    setClock(at);
    const outcomes = [];
    for (const job of jobs) outcomes.push(await fire(job));
    await post.arrival;
    // Whichever job got there second meets the first one's claim, and waits.
    await claims.seen(2);
    post.release();
    expect(await Promise.all(outcomes.map((o) => o()))).toEqual(['sent', 'sent']);
    for (const w of workers) for (const job of jobs) expect(failures(w.logs, job)).toEqual([]);
    expect(arrived('UCOORD', marker)).toHaveLength(1);
    // The owners themselves got nothing at this moment: it is the coordinators' nudge.
    expect(h.fake.calls.filter((c) => c.method === 'chat.postMessage' && (c.args.channel === 'DUANN' || c.args.channel === 'DUBEN'))).toEqual([]);
  }, 30_000);
});

describe('Redis restarts', () => {
  it('between queueing and the moment: the job is still there and sends once', async () => {
    const { collabId, item } = await withItem('URESTART', 'Lokaal vragen');
    await startWorker();
    await h.redis.restart();
    const job = await nudgeJob(item);
    expect(await job.getState()).toBe('delayed');
    const outcome = await fire(job);
    expect(await outcome()).toBe('sent');
    expect(arrived('URESTART', markerOf(item))).toHaveLength(1);
    await expectDueNudgeQueued(collabId);
  }, 30_000);

  it('while the message is on its way: Slack has it, the record cannot be written; the retry finds it and sends nothing more', async () => {
    const { collabId, item } = await withItem('UOUTAGE', 'Sleutels ophalen');
    const worker = await startWorker();
    const job = await nudgeJob(item);
    const post = hold('chat.postMessage', (c) => c.args.channel === 'DUOUTAGE');
    const outcome = await fire(job);
    await post.arrival;
    await h.redis.halt();
    post.release();
    await h.fake.waitFor((c) => c.method === 'chat.postMessage' && c.args.channel === 'DUOUTAGE' && c.status === 200);
    await h.redis.restart();
    const claims = await watchClaims(recordOf(item));
    // The attempt that sent could not record it and failed; its claim came back with the data,
    // and the retry finds it held.
    await claims.seen(1);
    await endLiveLease(item);
    expect(await outcome()).toBe('sent');
    expect(failures(worker.logs, job)).toEqual([expect.objectContaining({ errorClass: 'AppError', attempts: 1 })]);
    expect(arrived('UOUTAGE', markerOf(item))).toHaveLength(1);
    expect(await redis.get(recordOf(item))).toBe('sent');
    await expectDueNudgeQueued(collabId);
  }, 30_000);
});

describe('Slack answers 429 or 5xx', () => {
  const cases: [string, string, FailureKind][] = [
    ['UERRA', 'chat.postMessage', { status: 429, retryAfter: 1 }],
    ['UERRB', 'chat.postMessage', { status: 500 }],
    ['UERRC', 'conversations.open', { status: 429, retryAfter: 1 }],
    ['UERRD', 'conversations.open', { status: 500 }],
  ];
  it.each(cases)('%s: %s answering %o once: the job is retried and one message arrives', async (owner, method, failure) => {
    const { collabId, item } = await withItem(owner, `Fout ${owner}`);
    const worker = await startWorker();
    const job = await nudgeJob(item);
    const from = h.fake.calls.length;
    h.fake.failNext(method, failure);
    const outcome = await fire(job);
    expect(await outcome()).toBe('sent');
    const status = 'status' in failure ? failure.status : 200;
    expect(h.fake.calls.filter((c) => since(from)(c) && c.method === method && c.status === status)).toHaveLength(1);
    expect(failures(worker.logs, job)).toEqual([expect.objectContaining({ errorClass: 'AppError', attempts: 1 })]);
    expect(arrived(owner, markerOf(item))).toHaveLength(1);
    await expectDueNudgeQueued(collabId);
  }, 30_000);

  it('ok:false user_not_found: the job ends stopped:person_unreachable at once, logged by its code only', async () => {
    const { item } = await withItem('UGONE', 'Geheim werkpunt');
    const worker = await startWorker();
    const job = await nudgeJob(item);
    h.fake.failNext('conversations.open', { ok: false, error: 'user_not_found' });
    const outcome = await fire(job);
    expect(await outcome()).toBe('stopped:person_unreachable');
    expect(h.fake.calls.filter((c) => c.method === 'conversations.open' && c.args.users === 'UGONE')).toHaveLength(1);
    expect(h.fake.calls.filter((c) => c.method === 'chat.postMessage' && c.args.channel === 'DUGONE')).toEqual([]);
    const logged = await worker.logs.waitFor((l) => l.msg === 'job stopped for good' && l.jobId === job.id);
    expect(logged).toMatchObject({ code: 'person_unreachable', job: 'nudge' });
    expect(failures(worker.logs, job)).toEqual([]);
    expect(worker.logs.text()).not.toContain('UGONE');
    expect(worker.logs.text()).not.toContain('Geheim werkpunt');
    // Recorded as done: the same moment is never tried again.
    expect(await redis.get(recordOf(item))).toBe('sent');
  }, 30_000);
});

/** Connections to the test's Redis: their ids and the command each ran last. */
async function clients(): Promise<{ id: string; cmd: string }[]> {
  const list = String(await redis.client('LIST'));
  return list
    .split('\n')
    .filter(Boolean)
    .map((line) => ({ id: /\bid=(\d+)/.exec(line)?.[1] ?? '', cmd: /\bcmd=(\S+)/.exec(line)?.[1] ?? '' }));
}

/**
 * Resolves once `check` holds, looking every 20 ms; for states that send no event (a connection
 * that closed). Fails after `timeoutMs`.
 */
async function until(what: string, check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`still not: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

// The product's worker below checks for stalled jobs with BullMQ's own 30 s interval, and one
// check holds off every other worker's for that long: keep this after the tests that wait for one.
describe('SIGTERM', () => {
  it('the product stops taking jobs, lets the running send finish, and exits 0 within its bound', async () => {
    const { item } = await withItem('UTERM', 'Stoelen zetten');
    const { item: later } = await withItem('UTERM2', 'Tafels zetten');
    const job = await nudgeJob(item);
    const before = new Set((await clients()).map((c) => c.id));
    // The product's own entry point, as the image runs it; only its role says 'worker'.
    const product = spawnWorker('src/main.ts', workerEnv());
    children.push(product);
    await product.waitForLog((l) => l.msg === 'WerktSamen is running', 45_000);
    // Its job worker waits for jobs on a blocking connection of its own.
    await until('the worker waits for jobs', async () => (await clients()).some((c) => c.cmd === 'bzpopmin'));
    const its = (await clients()).filter((c) => !before.has(c.id)).map((c) => c.id);
    expect(its.length).toBeGreaterThan(0);

    const post = hold('chat.postMessage', (c) => c.args.channel === 'DUTERM');
    const outcome = await fire(job);
    await post.arrival;
    product.child.kill('SIGTERM');
    const stoppedAt = Date.now();
    // Taking no new jobs: the blocking connection it fetches them with is gone.
    await until('the worker stopped waiting for jobs', async () => !(await clients()).some((c) => c.cmd === 'bzpopmin'));
    const next = await nudgeJob(later);
    const from = h.fake.calls.length;
    await next.promote();
    expect(product.child.exitCode).toBeNull();
    post.release();

    expect(await product.exit).toEqual({ code: 0, signal: null });
    expect(Date.now() - stoppedAt).toBeLessThan(SHUTDOWN_BOUND_MS);
    expect(await outcome()).toBe('sent');
    expect(arrived('UTERM', markerOf(item))).toHaveLength(1);
    expect(await next.getState()).toBe('waiting');
    expect(h.fake.calls.filter((c) => since(from)(c) && json(c.args).includes('UTERM2'))).toEqual([]);
    // None of its connections to Redis is left.
    expect((await clients()).filter((c) => its.includes(c.id))).toEqual([]);
    expect(product.stderr()).toBe('');

    // The job it left is the next worker's, and goes out once.
    const finished = next.waitUntilFinished(probe.events, 30_000);
    await startWorker();
    expect(await finished).toBe('sent');
    expect(arrived('UTERM2', markerOf(later))).toHaveLength(1);
  }, 60_000);
});

describe('the Teams connector answers 429 or 5xx', () => {
  let t: TeamsHarness;
  let teamsRedis: Redis;
  let teamsProbe: QueueProbe;
  const teamsScope = { platform: 'teams' as const, tenant: TENANT };
  const ann = user('Ann');
  const bot = { type: 'mention', text: '<at>WerktSamen</at>', mentioned: { id: '28:werktsamen-bot', name: 'WerktSamen' } };

  beforeAll(async () => {
    t = await startTeamsHarness();
    teamsRedis = new Redis(t.redis.url);
    teamsRedis.on('error', () => undefined);
    teamsProbe = await probeQueue(t.redis.url);
  });
  afterAll(async () => {
    await teamsProbe?.close();
    teamsRedis?.disconnect();
    await t?.close();
  });

  async function say(text: string, conversationId: string, expected: string, mentions: object[] = []): Promise<ConnectorCall> {
    const before = t.connector.calls.length;
    const res = await t.send(
      activity(ann, t.connector.serviceUrl, {
        type: 'message',
        text: `<at>WerktSamen</at> ${text}`,
        entities: [bot, ...mentions],
        conversation: { id: conversationId, conversationType: 'channel', tenantId: TENANT, isGroup: true },
      }),
    );
    expect(res.status).toBe(200);
    return t.connector.waitFor((c) => c.method === 'POST' && t.connector.calls.indexOf(c) >= before && JSON.stringify(c.body).includes(expected));
  }

  const cases: [string, 'POST' | 'CREATE', number][] = [
    ['Dries', 'POST', 429],
    ['Els', 'POST', 503],
    ['Fien', 'CREATE', 429],
    ['Gust', 'CREATE', 500],
  ];
  it.each(cases)('%s: %s answering %i once: one personal message arrives', async (name, method, status) => {
    const root = await say(`start Teams ${name}`, CHANNEL_CONV, `Teams ${name}`);
    const thread = `${CHANNEL_CONV};messageid=${root.responseId}`;
    const collabId = (JSON.stringify(root.body).match(/"verb":"collab\.edit"[^}]*?"data":\{"v":"([^"]+)"/) ?? [])[1] ?? '';
    await say(`opvolg Werkpunt ${name} <at>${name}</at> 2030-03-15`, thread, `Werkpunt ${name}`, [{ type: 'mention', text: `<at>${name}</at>`, mentioned: { id: `29:${name}`, name } }]);
    const [raw] = await teamsRedis.hvals(collabKeys(teamsScope, collabId).followUps);
    const item = FollowUpSchema.parse(JSON.parse(raw!));
    const job = await teamsProbe.job(nudgeJobId(item.id, item.next!));
    const personal = `a:personal-29:${name}`;
    const before = t.connector.calls.length;
    t.connector.failNext(method, status, status === 429 ? 'Throttled' : 'ServiceError');
    const finished = job.waitUntilFinished(teamsProbe.events, 30_000);
    await job.promote();
    expect(await finished).toBe('sent');
    const posts = t.connector.calls.slice(before).filter((c) => c.method === 'POST' && c.conversationId === personal && JSON.stringify(c.body).includes(`Werkpunt ${name}`));
    // The connector records the refused call too: one refused (for POST) plus one accepted.
    expect(posts).toHaveLength(method === 'POST' ? 2 : 1);
  }, 30_000);
});
