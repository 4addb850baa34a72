import { Job, Queue, QueueEvents } from 'bullmq';
import { Redis } from 'ioredis';
import { expect } from 'vitest';
import { JOB_QUEUE, QUEUE_PREFIX } from '../../src/jobs/scheduler.js';

/** The product's job queue seen from a test: to find delayed jobs, run them now and wait for their outcome. */
export interface QueueProbe {
  queue: Queue;
  events: QueueEvents;
  /** The queued job with this id; fails the test when there is none. */
  job(id: string): Promise<Job>;
  /** Runs a delayed job now (BullMQ waits in real time) and resolves with what the worker returned. */
  runNow(job: Job): Promise<unknown>;
  close(): Promise<void>;
}

export async function probeQueue(redisUrl: string): Promise<QueueProbe> {
  const queue = new Queue(JOB_QUEUE, { connection: new Redis(redisUrl, { maxRetriesPerRequest: null }), prefix: QUEUE_PREFIX });
  const events = new QueueEvents(JOB_QUEUE, { connection: new Redis(redisUrl, { maxRetriesPerRequest: null }), prefix: QUEUE_PREFIX });
  await events.waitUntilReady();
  return {
    queue,
    events,
    async job(id) {
      const found = await Job.fromId(queue, id);
      expect(found, `job ${id} is queued`).toBeDefined();
      return found!;
    },
    async runNow(job) {
      const finished = job.waitUntilFinished(events, 10_000);
      await job.promote();
      return finished;
    },
    async close() {
      await events.close();
      await queue.close();
    },
  };
}
