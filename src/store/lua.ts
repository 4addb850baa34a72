import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';

/** A Lua script run by its SHA, loaded on first use or after a Redis restart (NOSCRIPT). */
export class LuaScript {
  private readonly sha: string;

  constructor(private readonly source: string) {
    this.sha = createHash('sha1').update(source).digest('hex');
  }

  async run(redis: Redis, keys: string[], args: (string | number)[]): Promise<unknown> {
    try {
      return await redis.evalsha(this.sha, keys.length, ...keys, ...args);
    } catch (err) {
      if (err instanceof Error && err.message.startsWith('NOSCRIPT')) {
        return redis.eval(this.source, keys.length, ...keys, ...args);
      }
      throw err;
    }
  }
}

/**
 * KEYS meta votes counts names; ARGV voterKey choice name.
 * Returns {'err', code} or {'ok', changed(0|1), previous}.
 */
export const castVoteScript = new LuaScript(`
if redis.call('EXISTS', KEYS[1]) == 0 then return {'err', 'poll_not_found'} end
if redis.call('HGET', KEYS[1], 'status') ~= 'open' then return {'err', 'poll_closed'} end
local prev = redis.call('HGET', KEYS[2], ARGV[1])
if prev == ARGV[2] then return {'ok', 0, prev} end
if prev then redis.call('HINCRBY', KEYS[3], prev, -1) end
redis.call('HSET', KEYS[2], ARGV[1], ARGV[2])
redis.call('HINCRBY', KEYS[3], ARGV[2], 1)
if ARGV[3] ~= '' then redis.call('HSET', KEYS[4], ARGV[1], ARGV[3]) end
redis.call('HINCRBY', KEYS[1], 'version', 1)
return {'ok', 1, prev or ''}
`);

/** KEYS meta; ARGV userId now. Returns {'err', code} or {'ok', alreadyClosed(0|1)}. */
export const closePollScript = new LuaScript(`
if redis.call('EXISTS', KEYS[1]) == 0 then return {'err', 'poll_not_found'} end
if redis.call('HGET', KEYS[1], 'openedBy') ~= ARGV[1] then return {'err', 'not_facilitator'} end
if redis.call('HGET', KEYS[1], 'status') == 'closed' then return {'ok', 1} end
redis.call('HSET', KEYS[1], 'status', 'closed', 'closedAt', ARGV[2])
redis.call('HINCRBY', KEYS[1], 'version', 1)
return {'ok', 0}
`);

/**
 * KEYS refresh; ARGV now minIntervalMs pendingTtlMs.
 * Marks a card refresh as pending. Returns -1 when one is already pending (the pending one will
 * render the latest state), otherwise the delay in ms before the refresh may run.
 */
export const requestRefreshScript = new LuaScript(`
if redis.call('HSETNX', KEYS[1], 'pending', ARGV[1]) == 0 then
  local since = tonumber(redis.call('HGET', KEYS[1], 'pending'))
  if since and tonumber(ARGV[1]) - since < tonumber(ARGV[3]) then return -1 end
  redis.call('HSET', KEYS[1], 'pending', ARGV[1])
end
local last = tonumber(redis.call('HGET', KEYS[1], 'last') or '0')
local wait = last + tonumber(ARGV[2]) - tonumber(ARGV[1])
if wait < 0 then wait = 0 end
return wait
`);

/**
 * KEYS refresh; ARGV now. Called by the refresher right before it reads the poll: clears the
 * pending mark so any vote from now on schedules a new refresh, and stamps the time.
 */
export const beginRefreshScript = new LuaScript(`
redis.call('HSET', KEYS[1], 'last', ARGV[1])
redis.call('HDEL', KEYS[1], 'pending')
return 1
`);
