import type { Redis } from 'ioredis';
import type { Route } from './server.js';

const PING_TIMEOUT_MS = 1000;

/** 200 only when Redis answers a PING in time; 503 otherwise. */
export function healthRoute(redis: Redis): Route {
  return async () => {
    const ok = await Promise.race([
      redis.ping().then((r) => r === 'PONG').catch(() => false),
      new Promise<boolean>((resolve) => setTimeout(() => resolve(false), PING_TIMEOUT_MS).unref()),
    ]);
    return ok
      ? { status: 200, headers: { 'content-type': 'application/json' }, body: '{"status":"ok","redis":"up"}' }
      : { status: 503, headers: { 'content-type': 'application/json' }, body: '{"status":"unavailable","redis":"down"}' };
  };
}
