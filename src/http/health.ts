import type { Redis } from 'ioredis';
import type { Route } from './server.js';

const PING_TIMEOUT_MS = 1000;

/**
 * 200 only when Redis answers a PING in time (and, for a worker, its job worker runs); 503 otherwise.
 * The image's HEALTHCHECK calls this for both roles.
 */
export function healthRoute(redis: Redis, running: () => boolean = () => true): Route {
  return async () => {
    const redisUp = await Promise.race([
      redis.ping().then((r) => r === 'PONG').catch(() => false),
      new Promise<boolean>((resolve) => setTimeout(() => resolve(false), PING_TIMEOUT_MS).unref()),
    ]);
    const ok = redisUp && running();
    const body = JSON.stringify({ status: ok ? 'ok' : 'unavailable', redis: redisUp ? 'up' : 'down' });
    return { status: ok ? 200 : 503, headers: { 'content-type': 'application/json' }, body };
  };
}
