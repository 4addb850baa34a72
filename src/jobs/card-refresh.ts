import { Queue, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { z } from 'zod';
import { PlatformSchema, PollIdSchema, type Scope } from '../domain/poll.js';
import type { CardRefresher } from '../app/ports.js';
import type { RefreshMarker } from '../app/refresh-poll-card.js';
import { pollKeys } from '../store/keys.js';
import { beginRefreshScript, requestRefreshScript } from '../store/lua.js';
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

export interface RefreshTiming {
  /** Shared cards are updated at most once per this many ms (Slack's chat.update and Teams' limits). */
  minIntervalMs: number;
  /** A pending mark older than this is treated as lost (its job died) and replaced. */
  pendingTtlMs: number;
}

export const defaultRefreshTiming: RefreshTiming = { minIntervalMs: 2000, pendingTtlMs: 15_000 };

/**
 * Coalesces card refreshes across processes: at most one pending refresh per card, delayed so
 * that updates of one card are at least `minIntervalMs` apart. The pending job renders whatever
 * the state is when it runs.
 */
export class QueueCardRefresher implements CardRefresher, RefreshMarker {
  constructor(
    private readonly redis: Redis,
    private readonly queue: Queue,
    private readonly now: () => number,
    private readonly timing: RefreshTiming = defaultRefreshTiming,
  ) {}

  async request(scope: Scope, pollId: string): Promise<void> {
    const key = pollKeys(scope, pollId).refresh;
    const delay = Number(
      await asStoreError(
        requestRefreshScript.run(this.redis, [key], [this.now(), this.timing.minIntervalMs, this.timing.pendingTtlMs]),
      ),
    );
    if (delay < 0) return;
    const data: CardRefreshJob = { platform: scope.platform, tenant: scope.tenant, pollId };
    await asStoreError(this.queue.add('refresh', data, { delay }));
  }

  async begin(scope: Scope, pollId: string, now: number): Promise<void> {
    await asStoreError(beginRefreshScript.run(this.redis, [pollKeys(scope, pollId).refresh], [now]));
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

export type RefreshHandler = (scope: Scope, pollId: string) => Promise<unknown>;

/** The worker that runs card refreshes; several processes may run it side by side. */
export function createCardRefreshWorker(connection: Redis, handle: RefreshHandler, concurrency = 8): Worker {
  return new Worker(
    CARD_REFRESH_QUEUE,
    async (job: Job) => {
      const data = CardRefreshJobSchema.parse(job.data);
      await handle({ platform: data.platform, tenant: data.tenant }, data.pollId);
    },
    { connection, prefix: QUEUE_PREFIX, concurrency },
  );
}
