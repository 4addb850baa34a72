import { DelayedError, Queue, UnrecoverableError, Worker, type Job, type WorkerOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import { z } from 'zod';
import { AppError } from '../domain/errors.js';
import { PlatformSchema, PollIdSchema, type Scope } from '../domain/poll.js';
import type { Scheduler, RefreshTiming } from '../app/ports.js';
import type { RefreshMarker, RefreshOutcome } from '../app/refresh-live-card.js';
import { liveCardId, parseLiveCardId, type LiveCard } from '../app/live-cards.js';
import { CollabIdSchema } from '../domain/collaboration.js';
import type { WeeklyRule } from '../domain/weekly.js';
import { FollowUpIdSchema, NudgeKindSchema, type NextNudge } from '../domain/follow-up.js';
import { rhythmPattern, rhythmStrategy } from './reminder-rhythm.js';
import { liveCardKeys } from '../store/keys.js';
import { beginRefreshScript, clearRefreshMarkScript, finishRefreshScript } from '../store/lua.js';
import { asStoreError } from '../store/store-errors.js';

// The queue's name predates collaborations; keeping it keeps jobs queued by an older version.
export const JOB_QUEUE = 'poll-jobs';
/** A hash-tagged prefix keeps all of a queue's keys in one Redis Cluster slot, as BullMQ requires. */
export const QUEUE_PREFIX = '{werktsamen}';

const ScopeFields = { platform: PlatformSchema, tenant: z.string().min(1).max(128) };

/** Job payloads hold ids only; the worker reads the current state itself. */
export const ExpireJobSchema = z.object({ ...ScopeFields, pollId: PollIdSchema });
export const RefreshJobSchema = z.object({ ...ScopeFields, card: z.string().max(64) });
export const ReminderJobSchema = z.object({ ...ScopeFields, collabId: CollabIdSchema });
export const NudgeJobSchema = z.object({ ...ScopeFields, collabId: CollabIdSchema, itemId: FollowUpIdSchema, kind: NudgeKindSchema, at: z.number().int() });
/** `lead` is the person's keyed pseudonym: a digest job names nobody. */
export const DigestJobSchema = z.object({ ...ScopeFields, lead: z.string().min(1).max(128) });
export type NudgeJobData = z.infer<typeof NudgeJobSchema>;
export type ExpireJobData = z.infer<typeof ExpireJobSchema>;
export type RefreshJobData = z.infer<typeof RefreshJobSchema>;
export type ReminderJobData = z.infer<typeof ReminderJobSchema>;
export type DigestJobData = z.infer<typeof DigestJobSchema>;

/** Collaboration ids are random (96 bits): the id alone names the thread's reminder scheduler. */
const reminderSchedulerId = (collabId: string): string => `reminders-${collabId}`;
const digestSchedulerId = (lead: string): string => `digest-${lead}`;
/** The digest goes out on Monday mornings (weekday 1) at 9:00 local time. */
export const DIGEST_RULE = { weekday: 1, hour: 9, minute: 0, everyWeeks: 1, anchor: 0 } as const;
/** One id per item, kind and moment: queuing the same nudge twice keeps one job (ids are random, 96 bits). */
export const nudgeJobId = (itemId: string, next: NextNudge): string => `nudge-${itemId}-${next.kind}-${next.at}`;

export const defaultRefreshTiming: RefreshTiming = { minIntervalMs: 2000, pendingTtlMs: 15_000, leaseMs: 30_000 };

// A failed add right after a successful vote is a dropped connection, not an outage: try again briefly.
const ADD_ATTEMPTS = 3;
const ADD_BACKOFF_MS = [25, 100];

// Poll ids are random (96 bits), so they alone make the id unique; no workspace id goes into
// job ids, which BullMQ also writes to its event stream.
const expiryJobId = (pollId: string): string => `expire-${pollId}`;
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Scheduled work on one BullMQ queue, and the claim that keeps one card's refreshes apart across
 * processes: a change marks its card's refresh pending (one job per card at a time), and a job
 * takes a lease on the card before it renders.
 */
export class QueueScheduler implements Scheduler, RefreshMarker {
  constructor(
    private readonly redis: Redis,
    private readonly queue: Queue,
    private readonly timing: RefreshTiming = defaultRefreshTiming,
    /** The product's clock: nudge moments are absolute, their delay counts from this clock's now. */
    private readonly now: () => number = () => Date.now(),
  ) {}

  async scheduleRefresh(scope: Scope, card: LiveCard, delayMs: number): Promise<void> {
    const data: RefreshJobData = { platform: scope.platform, tenant: scope.tenant, card: liveCardId(card) };
    for (let attempt = 1; ; attempt++) {
      try {
        await this.queue.add('refresh', data, { delay: Math.max(0, Math.round(delayMs)) });
        return;
      } catch (err) {
        if (attempt >= ADD_ATTEMPTS) {
          // Without a job the mark would make every later vote think a refresh is on its way.
          await clearRefreshMarkScript.run(this.redis, [liveCardKeys(scope, card).refresh], []).catch(() => undefined);
          throw new AppError('store_unavailable', 'refresh job not queued', { cause: err });
        }
        await sleep(ADD_BACKOFF_MS[attempt - 1] ?? 100);
      }
    }
  }

  async scheduleExpiry(scope: Scope, pollId: string, delayMs: number): Promise<void> {
    const data: ExpireJobData = { platform: scope.platform, tenant: scope.tenant, pollId };
    await asStoreError(this.queue.add('expire', data, { jobId: expiryJobId(pollId), delay: Math.max(0, Math.round(delayMs)) }));
  }

  async cancelExpiry(_scope: Scope, pollId: string): Promise<void> {
    await asStoreError(this.queue.remove(expiryJobId(pollId)));
  }

  async scheduleNudge(scope: Scope, item: { collabId: string; id: string }, next: NextNudge): Promise<void> {
    await this.scheduleNudges(scope, [{ item, next }]);
  }

  async scheduleNudges(scope: Scope, nudges: { item: { collabId: string; id: string }; next: NextNudge }[]): Promise<void> {
    const now = this.now();
    const jobs = nudges.map(({ item, next }) => {
      const data: NudgeJobData = { platform: scope.platform, tenant: scope.tenant, collabId: item.collabId, itemId: item.id, kind: next.kind, at: next.at };
      return { name: 'nudge', data, opts: { jobId: nudgeJobId(item.id, next), delay: Math.max(0, next.at - now) } };
    });
    // One add per job rather than addBulk: addBulk wraps them in a MULTI, which costs the client
    // and Redis more per job (bench/follow-ups measures both), and all-or-none is not needed here:
    // a job whose item was never stored finds nothing and does nothing.
    await asStoreError(Promise.all(jobs.map((j) => this.queue.add(j.name, j.data, j.opts))));
  }

  async cancelNudge(_scope: Scope, itemId: string, next: NextNudge): Promise<void> {
    // A running job cannot be removed; it finds the item no longer names it and does nothing.
    await asStoreError(this.queue.remove(nudgeJobId(itemId, next)));
  }

  async cancelScope(scope: Scope): Promise<void> {
    const schedulers = await asStoreError(this.queue.getJobSchedulers(0, -1));
    for (const s of schedulers) {
      const data = s.template?.data as Record<string, unknown> | undefined;
      if (data?.platform === scope.platform && data.tenant === scope.tenant) await asStoreError(this.queue.removeJobScheduler(s.key));
    }
    await this.removeWhere((d) => d.platform === scope.platform && d.tenant === scope.tenant);
  }

  private async removeWhere(match: (data: Record<string, unknown>) => boolean): Promise<void> {
    const states = ['delayed', 'waiting', 'prioritized', 'failed', 'completed'] as const;
    const page = 500;
    const mine = [];
    for (let start = 0; ; start += page) {
      const jobs = await asStoreError(this.queue.getJobs([...states], start, start + page - 1, true));
      if (jobs.length === 0) break;
      mine.push(...jobs.filter((j) => j?.data && match(j.data as Record<string, unknown>)));
    }
    await Promise.all(mine.map((j) => j.remove().catch(() => undefined)));
  }

  /** Removes the queued jobs of one collaboration's cards (forgetting it). */
  async cancelCollab(scope: Scope, collabId: string, pollIds: string[]): Promise<void> {
    const prefix = `c:${collabId}:`;
    const polls = new Set(pollIds.map((id) => `poll:${id}`));
    await this.removeWhere(
      (d) =>
        d.platform === scope.platform &&
        d.tenant === scope.tenant &&
        ((typeof d.card === 'string' && (d.card.startsWith(prefix) || polls.has(d.card))) || d.collabId === collabId),
    );
  }

  async scheduleReminders(scope: Scope, collabId: string, rule: WeeklyRule): Promise<number> {
    const data: ReminderJobData = { platform: scope.platform, tenant: scope.tenant, collabId };
    // One scheduler per thread: upserting again replaces its rhythm, it never adds a second one.
    await asStoreError(this.queue.upsertJobScheduler(reminderSchedulerId(collabId), { pattern: rhythmPattern(rule) }, { name: 'reminder', data }));
    const next = await this.nextReminder(scope, collabId);
    if (next === undefined) throw new AppError('store_unavailable', 'scheduler not stored');
    return next;
  }

  async cancelReminders(_scope: Scope, collabId: string): Promise<void> {
    await asStoreError(this.queue.removeJobScheduler(reminderSchedulerId(collabId)));
  }

  async nextReminder(_scope: Scope, collabId: string): Promise<number | undefined> {
    const scheduler = await asStoreError(this.queue.getJobScheduler(reminderSchedulerId(collabId)));
    return scheduler?.next === undefined ? undefined : Number(scheduler.next);
  }

  async scheduleDigest(scope: Scope, lead: string, timeZone: string): Promise<void> {
    const data: DigestJobData = { platform: scope.platform, tenant: scope.tenant, lead };
    const pattern = rhythmPattern({ ...DIGEST_RULE, timeZone });
    await asStoreError(this.queue.upsertJobScheduler(digestSchedulerId(lead), { pattern }, { name: 'digest', data }));
  }

  async cancelDigest(_scope: Scope, lead: string): Promise<void> {
    await asStoreError(this.queue.removeJobScheduler(digestSchedulerId(lead)));
  }

  async begin(scope: Scope, card: LiveCard): Promise<number> {
    const k = liveCardKeys(scope, card);
    return Number(await asStoreError(beginRefreshScript.run(this.redis, [k.refresh, k.owner], [this.timing.minIntervalMs, this.timing.leaseMs])));
  }

  async finish(scope: Scope, card: LiveCard, delivered: boolean): Promise<void> {
    const k = liveCardKeys(scope, card);
    await asStoreError(finishRefreshScript.run(this.redis, [k.refresh, k.owner], [delivered ? 1 : 0]));
  }
}

export function createJobQueue(connection: Redis): Queue {
  return new Queue(JOB_QUEUE, {
    connection,
    prefix: QUEUE_PREFIX,
    settings: { repeatStrategy: rhythmStrategy },
    // BullMQ's event stream holds job ids and outcomes only; keep it short.
    streams: { events: { maxLen: 1000 } },
    defaultJobOptions: {
      // A failed platform call (429, 5xx) is retried; the retry renders the then-current state.
      attempts: 6,
      backoff: { type: 'exponential', delay: 1000 },
      removeOnComplete: true,
      // Failed jobs hold ids only; they are kept a week to look into, then go.
      removeOnFail: { age: 7 * 24 * 60 * 60, count: 1000 },
    },
  });
}

export interface JobHandlers {
  refresh(scope: Scope, card: LiveCard): Promise<RefreshOutcome>;
  expire(scope: Scope, pollId: string): Promise<void>;
  /** A scheduled reminder is due in a collaboration's thread. */
  reminder(scope: Scope, collabId: string): Promise<void>;
  /** A person's weekly digest is due (`at`: the moment it was scheduled for); returns what happened. */
  digest(scope: Scope, lead: string, at: number): Promise<string>;
  /** A follow-up's nudge is due; returns what happened, for the log. */
  nudge(scope: Scope, item: { collabId: string; id: string }, next: NextNudge): Promise<string>;
}

/**
 * BullMQ's lock and stalled-job check timings. Left out, BullMQ's own (30 s each) apply; tests
 * shorten them to see the job of a killed worker taken over in seconds.
 */
export type JobWorkerTiming = Pick<WorkerOptions, 'lockDuration' | 'stalledInterval'>;

/** The worker that runs poll jobs; several processes may run it side by side. */
export function createJobWorker(connection: Redis, handlers: JobHandlers, concurrency = 8, timing: JobWorkerTiming = {}): Worker {
  return new Worker(
    JOB_QUEUE,
    async (job: Job, token?: string) => {
      // A payload that is not ours will not become valid by retrying it.
      if (job.name === 'reminder') {
        const data = ReminderJobSchema.safeParse(job.data);
        if (!data.success) throw new UnrecoverableError('invalid job payload');
        await handlers.reminder({ platform: data.data.platform, tenant: data.data.tenant }, data.data.collabId);
        return 'reminded';
      }
      if (job.name === 'digest') {
        const data = DigestJobSchema.safeParse(job.data);
        if (!data.success) throw new UnrecoverableError('invalid job payload');
        // A scheduler's job knows the moment it was planned for; retries keep it, so it keys the digest.
        const at = job.opts.prevMillis ?? job.timestamp;
        return handlers.digest({ platform: data.data.platform, tenant: data.data.tenant }, data.data.lead, at);
      }
      if (job.name === 'nudge') {
        const data = NudgeJobSchema.safeParse(job.data);
        if (!data.success) throw new UnrecoverableError('invalid job payload');
        const d = data.data;
        return handlers.nudge({ platform: d.platform, tenant: d.tenant }, { collabId: d.collabId, id: d.itemId }, { kind: d.kind, at: d.at });
      }
      if (job.name === 'expire') {
        const data = ExpireJobSchema.safeParse(job.data);
        if (!data.success) throw new UnrecoverableError('invalid job payload');
        await handlers.expire({ platform: data.data.platform, tenant: data.data.tenant }, data.data.pollId);
        return 'expired';
      }
      if (job.name !== 'refresh') throw new UnrecoverableError('unknown job');
      const data = RefreshJobSchema.safeParse(job.data);
      const card = data.success ? parseLiveCardId(data.data.card) : undefined;
      if (!data.success || !card) throw new UnrecoverableError('invalid job payload');
      const outcome = await handlers.refresh({ platform: data.data.platform, tenant: data.data.tenant }, card);
      if (outcome.kind === 'wait') {
        // Too soon after the last update of this card, or its location is not stored yet.
        await job.moveToDelayed(Date.now() + outcome.ms, token);
        throw new DelayedError();
      }
      return outcome.kind === 'stopped' ? `stopped:${outcome.code}` : outcome.kind;
    },
    { connection, prefix: QUEUE_PREFIX, concurrency, settings: { repeatStrategy: rhythmStrategy }, ...timing },
  );
}
