import type { Redis } from 'ioredis';
import type { Scope } from '../domain/poll.js';
import type { ScopeIndex } from './scope-index.js';
import { asStoreError } from './store-errors.js';

/**
 * Small keyed values: dedup claims for retries and replays, cached locales, conversation
 * references. Every value has a lifetime, and every value of a workspace is in its index.
 */
export class RedisKvStore {
  constructor(
    private readonly redis: Redis,
    private readonly index: ScopeIndex,
    private readonly now: () => number = () => Date.now(),
  ) {}

  /** True the first time `key` is claimed within `ttlSeconds`; false for every repeat. */
  async claim(key: string, ttlSeconds: number, scope?: Scope): Promise<boolean> {
    const reply = await asStoreError(this.redis.set(key, '1', 'EX', ttlSeconds, 'NX'));
    if (reply === 'OK' && scope) await this.index.add(scope, [{ key, expiresAt: this.now() + ttlSeconds * 1000 }]);
    return reply === 'OK';
  }

  async get(key: string): Promise<string | undefined> {
    return (await asStoreError(this.redis.get(key))) ?? undefined;
  }

  async put(scope: Scope, key: string, value: string, ttlSeconds: number): Promise<void> {
    await this.index.add(scope, [{ key, expiresAt: this.now() + ttlSeconds * 1000 }]);
    await asStoreError(this.redis.set(key, value, 'EX', ttlSeconds));
  }

  /** Adds `member` to the set at `key` and renews the set's lifetime. */
  async addToSet(scope: Scope, key: string, member: string, ttlSeconds: number): Promise<void> {
    await this.index.add(scope, [{ key, expiresAt: this.now() + ttlSeconds * 1000 }]);
    await asStoreError(this.redis.multi().sadd(key, member).expire(key, ttlSeconds).exec());
  }

  async members(key: string): Promise<string[]> {
    return asStoreError(this.redis.smembers(key));
  }

  async delete(...keys: string[]): Promise<void> {
    if (keys.length === 0) return;
    // One key per command: the keys may live in different hash slots.
    const pipeline = this.redis.pipeline();
    for (const key of keys) pipeline.unlink(key);
    await asStoreError(pipeline.exec());
  }
}
