import { DelayedError, Queue, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { z } from 'zod';
import { PlatformSchema, PollIdSchema, type Scope } from '../domain/poll.js';
import type { CardRefresher, RefreshTiming } from '../app/ports.js';
import type { RefreshMarker, RefreshOutcome } from '../app/refresh-poll-card.js';
import { pollKeys } from '../store/keys.js';
import { beginRefreshScript, finishRefreshScript } from '../store/lua.js';
import { asStoreError } from '../store/store-errors.js';

export const CARD_REFRESH_QUEUE = 'card-refresh';
/** A hash-tagged prefix keeps all of a queue's keys in one Redis Cluster slot, as BullMQ requires. */
export const QUEUE_PREFIX = '{werktsamen}';

/** Job payloads hold ids only; the worker reads the current state itself. */
export const CardRefreshJobSchema = z.object({
  platform: PlatformSchema,
  tenant: z.string().min(1).max(128),
  pollId: PollIdSchema,
});
export type CardRefreshJob = z.infer<typeof CardRefreshJobSchema>;

export const defaultRefreshTiming: RefreshTiming = { minIntervalMs: 2000, pendingTtlMs: 15_000 };

/**
 * Schedules card refreshes on a BullMQ queue and keeps one card's refreshes apart, across
 * processes: the vote script marks a refresh pending (one job per card at a time), and a job
 * claims the card before it renders.
 */
export class QueueCardRefresher implements CardRefresher, RefreshMarker {
  constructor(
    private readonly redis: Redis,
    private readonly queue: Queue,
    private readonly timing: RefreshTiming = defaultRefreshTiming,
  ) {}

  async schedule(scope: Scope, pollId: string, delayMs: number): Promise<void> {
    const data: CardRefreshJob = { platform: scope.platform, tenant: scope.tenant, pollId };
    await asStoreError(this.queue.add('refresh', data, { delay: Math.max(0, Math.round(delayMs)) }));
  }

  async begin(scope: Scope, pollId: string, now: number): Promise<number> {
    const key = pollKeys(scope, pollId).refresh;
    return Number(await asStoreError(beginRefreshScript.run(this.redis, [key], [now, this.timing.minIntervalMs, this.timing.pendingTtlMs])));
  }

  async finish(scope: Scope, pollId: string, now: number, delivered: boolean): Promise<void> {
    await asStoreError(finishRefreshScript.run(this.redis, [pollKeys(scope, pollId).refresh], [now, delivered ? 1 : 0]));
  }
}

export function createCardRefreshQueue(connection: Redis): Queue {
  return new Queue(CARD_REFRESH_QUEUE, {
    connection,
    prefix: QUEUE_PREFIX,
    defaultJobOptions: {
      // A failed platform call (429, 5xx) is retried; the retry renders the then-current state.
      attempts: 6,
      backoff: { type: 'exponential', delay: 1000 },
      removeOnComplete: true,
      removeOnFail: { count: 1000 },
    },
  });
}

export type RefreshHandler = (scope: Scope, pollId: string) => Promise<RefreshOutcome>;

/** The worker that runs card refreshes; several processes may run it side by side. */
export function createCardRefreshWorker(connection: Redis, handle: RefreshHandler, concurrency = 8): Worker {
  return new Worker(
    CARD_REFRESH_QUEUE,
    async (job: Job, token?: string) => {
      const data = CardRefreshJobSchema.parse(job.data);
      const outcome = await handle({ platform: data.platform, tenant: data.tenant }, data.pollId);
      if (outcome.kind === 'wait') {
        // Too soon after the last update of this card: run again when the interval has passed.
        await job.moveToDelayed(Date.now() + outcome.ms, token);
        throw new DelayedError();
      }
      return outcome.kind;
    },
    { connection, prefix: QUEUE_PREFIX, concurrency },
  );
}
