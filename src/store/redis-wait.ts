import type { Redis } from 'ioredis';
import type { Logger } from '../logger.js';

const PROGRESS_EVERY_MS = 5000;

/** host:port of a Redis URL, without credentials, for logs and error messages. */
export function redisAddress(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || '6379'}`;
  } catch {
    return 'the configured address';
  }
}

/** Calls `fn` at most once per `ms`: a Redis that is down reports an error per reconnect attempt. */
export function throttle(ms: number, fn: () => void): () => void {
  let last = -Infinity;
  return () => {
    const now = Date.now();
    if (now - last < ms) return;
    last = now;
    fn();
  };
}

/**
 * Connects a lazily created client and waits until Redis answers, logging while it waits (at
 * the first refusal, then every few seconds). Gives up after `timeoutMs` with an error that names
 * the settings to check, so a wrong REDIS_URL ends the start instead of hanging it.
 */
export async function waitForRedis(redis: Redis, url: string, timeoutMs: number, logger: Logger): Promise<void> {
  const address = redisAddress(url);
  const started = Date.now();
  logger.info({ redis: address }, 'connecting to Redis');
  await new Promise<void>((resolve, reject) => {
    const progress = throttle(PROGRESS_EVERY_MS, () =>
      logger.warn({ redis: address, waitedSeconds: Math.round((Date.now() - started) / 1000) }, 'still waiting for Redis'),
    );
    const done = (): void => {
      clearTimeout(timer);
      redis.off('ready', onReady);
      redis.off('error', progress);
    };
    const onReady = (): void => {
      done();
      resolve();
    };
    const timer = setTimeout(() => {
      done();
      redis.disconnect();
      reject(new Error(`Redis at ${address} did not answer within ${Math.round(timeoutMs / 1000)} s: check REDIS_URL, or raise REDIS_CONNECT_TIMEOUT_S`));
    }, timeoutMs);
    redis.on('ready', onReady);
    redis.on('error', progress);
    // The client keeps retrying by its retryStrategy; a first refusal is not the end.
    if (redis.status === 'ready') onReady();
    else if (redis.status === 'wait') redis.connect().catch(() => undefined);
  });
}
