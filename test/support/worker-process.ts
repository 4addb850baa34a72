/**
 * A job worker in a process of its own, for tests that kill it (SIGKILL) or freeze it (SIGSTOP):
 * the real buildApp with role 'worker', configured from the environment like the product.
 * Started by {@link spawnWorker} in child-worker.ts. Its log lines go to stdout as JSON.
 *
 * Loading the product takes a child seconds, so it loads first ("test worker loaded") and starts
 * its worker only when the parent sends {@link WorkerGo} over IPC ("test worker ready"): a test
 * file can load its children while it sets up, and start each one at the moment it needs it, on
 * the product clock of that moment.
 */
import { once } from 'node:events';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import type { JobWorkerTiming } from '../../src/jobs/scheduler.js';
import { buildApp } from '../../src/main.js';

/** What the parent sends to start the worker. */
export interface WorkerGo {
  /** The product clock's offset from Date.now(). */
  clockOffsetMs: number;
  /** BullMQ's lock and stalled-check timings: short ones free a killed worker's job in seconds. */
  timing: JobWorkerTiming;
}

const logger = createLogger('info');
logger.info({ pid: process.pid }, 'test worker loaded');
const [go] = (await once(process, 'message')) as [WorkerGo];
const config = loadConfig({ ...process.env, ROLE: 'worker' });
if (!config.redisUrl) throw new Error('REDIS_URL is required');
const running = await buildApp(config, config.redisUrl, {
  logger,
  clock: { now: () => Date.now() + go.clockOffsetMs },
  slackRetries: 0,
  jobWorkerTiming: go.timing,
});
await running.worker?.waitUntilReady();
logger.info({ pid: process.pid }, 'test worker ready');
