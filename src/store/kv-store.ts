import type { Redis } from 'ioredis';
import { asStoreError } from './store-errors.js';

/** Small keyed values: dedup claims for retries and replays, cached locales, conversation references. */
export class RedisKvStore {
  constructor(private readonly redis: Redis) {}

  /** True the first time `key` is claimed within `ttlSeconds`; false for every repeat. */
  async claim(key: string, ttlSeconds: number): Promise<boolean> {
    const reply = await asStoreError(this.redis.set(key, '1', 'EX', ttlSeconds, 'NX'));
    return reply === 'OK';
  }

  async get(key: string): Promise<string | undefined> {
    return (await asStoreError(this.redis.get(key))) ?? undefined;
  }

  async put(key: string, value: string, ttlSeconds?: number): Promise<void> {
    if (ttlSeconds === undefined) await asStoreError(this.redis.set(key, value));
    else await asStoreError(this.redis.set(key, value, 'EX', ttlSeconds));
  }
}
