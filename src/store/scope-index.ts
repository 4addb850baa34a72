import type { Redis } from 'ioredis';
import type { Scope } from '../domain/poll.js';
import { indexKey } from './keys.js';
import { LuaScript } from './lua.js';
import { asStoreError } from './store-errors.js';

/**
 * KEYS index; ARGV pairs of (expiresAtMs, key). Adds or moves the keys, drops entries that have
 * expired, and gives the index itself the lifetime of its longest-lived entry.
 */
const indexScript = new LuaScript(`
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
for i = 1, #ARGV, 2 do redis.call('ZADD', KEYS[1], ARGV[i], ARGV[i + 1]) end
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
local last = redis.call('ZRANGE', KEYS[1], -1, -1, 'WITHSCORES')
if last[2] then redis.call('PEXPIREAT', KEYS[1], math.floor(tonumber(last[2]))) end
return 1
`);

export interface IndexEntry {
  key: string;
  /** When the key expires (ms since the epoch); the index forgets it then. */
  expiresAt: number;
}

/**
 * Lists every key of a workspace or tenant so that "delete everything of this workspace" is one
 * call, without scanning the whole keyspace.
 */
export class ScopeIndex {
  constructor(private readonly redis: Redis) {}

  async add(scope: Scope, entries: IndexEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const args = entries.flatMap((e) => [String(Math.ceil(e.expiresAt)), e.key]);
    await asStoreError(indexScript.run(this.redis, [indexKey(scope)], args));
  }

  /** Forgets keys that were deleted, so the index does not name them any longer. */
  async remove(scope: Scope, keys: string[]): Promise<void> {
    if (keys.length > 0) await asStoreError(this.redis.zrem(indexKey(scope), ...keys));
  }

  /** Deletes every key the index lists, and the index. Returns how many keys were deleted. */
  async deleteAll(scope: Scope): Promise<number> {
    const index = indexKey(scope);
    const keys = await asStoreError(this.redis.zrange(index, '0', '-1'));
    let deleted = 0;
    // One key per command: the keys live in different hash slots.
    for (let i = 0; i < keys.length; i += 500) {
      const pipeline = this.redis.pipeline();
      for (const key of keys.slice(i, i + 500)) pipeline.unlink(key);
      const replies = await asStoreError(pipeline.exec());
      for (const [err, n] of replies ?? []) if (!err) deleted += Number(n);
    }
    await asStoreError(this.redis.unlink(index));
    return deleted;
  }
}
