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
 * Marks a card refresh as pending in KEYS[n] (the poll's refresh hash), given ARGV now, minInterval
 * and pendingTtl at positions a, a+1, a+2. Leaves the delay for a new refresh job in `delay`, or -1
 * when one is already pending (that one will render the latest state).
 */
const markRefreshPending = (key: string, a: number): string => `
local delay = -1
local now = tonumber(ARGV[${a}])
local ttl = tonumber(ARGV[${a + 2}])
local pending = tonumber(redis.call('HGET', ${key}, 'pending') or '0')
if pending == 0 or now - pending >= ttl then
  redis.call('HSET', ${key}, 'pending', now)
  local done = tonumber(redis.call('HGET', ${key}, 'done') or '0')
  delay = done + tonumber(ARGV[${a + 1}]) - now
  if delay < 0 then delay = 0 end
end
`;

/**
 * KEYS meta votes counts names refresh; ARGV voterKey choice name now minInterval pendingTtl.
 * One round trip per vote: records or changes the vote, marks a card refresh as pending and
 * returns {'ok', changed, previous, veel, gemixt, weinig, voters, refreshDelay} or {'err', code}.
 */
export const castVoteScript = new LuaScript(`
if redis.call('EXISTS', KEYS[1]) == 0 then return {'err', 'poll_not_found'} end
if redis.call('HGET', KEYS[1], 'status') ~= 'open' then return {'err', 'poll_closed'} end
local prev = redis.call('HGET', KEYS[2], ARGV[1])
local changed = 0
if prev ~= ARGV[2] then
  changed = 1
  if prev then redis.call('HINCRBY', KEYS[3], prev, -1) end
  redis.call('HSET', KEYS[2], ARGV[1], ARGV[2])
  redis.call('HINCRBY', KEYS[3], ARGV[2], 1)
  if ARGV[3] ~= '' then redis.call('HSET', KEYS[4], ARGV[1], ARGV[3]) end
end
${markRefreshPending('KEYS[5]', 4)}
local c = redis.call('HMGET', KEYS[3], 'veel', 'gemixt', 'weinig')
return {'ok', changed, prev or '', c[1] or '0', c[2] or '0', c[3] or '0', redis.call('HLEN', KEYS[2]), delay}
`);

/** KEYS meta; ARGV userId now. Returns {'err', code} or {'ok', alreadyClosed(0|1)}. */
export const closePollScript = new LuaScript(`
if redis.call('EXISTS', KEYS[1]) == 0 then return {'err', 'poll_not_found'} end
if redis.call('HGET', KEYS[1], 'openedBy') ~= ARGV[1] then return {'err', 'not_facilitator'} end
if redis.call('HGET', KEYS[1], 'status') == 'closed' then return {'ok', 1} end
redis.call('HSET', KEYS[1], 'status', 'closed', 'closedAt', ARGV[2])
return {'ok', 0}
`);

/**
 * KEYS refresh; ARGV now minInterval pendingTtl. Called by a refresh job before it reads the poll.
 * Returns the ms to wait when another refresh is rendering or the last one finished less than
 * minInterval ago; otherwise marks this one running, clears the pending mark (so any vote from
 * now on schedules a new refresh) and returns 0.
 */
export const beginRefreshScript = new LuaScript(`
local now = tonumber(ARGV[1])
local min = tonumber(ARGV[2])
local running = tonumber(redis.call('HGET', KEYS[1], 'running') or '0')
if running > 0 and now - running < tonumber(ARGV[3]) then return min end
local done = tonumber(redis.call('HGET', KEYS[1], 'done') or '0')
if now < done + min then return done + min - now end
redis.call('HSET', KEYS[1], 'running', now)
redis.call('HDEL', KEYS[1], 'pending')
return 0
`);

/** KEYS refresh; ARGV now ok(1|0). Ends a refresh; only a delivered update counts for the spacing. */
export const finishRefreshScript = new LuaScript(`
redis.call('HDEL', KEYS[1], 'running')
if ARGV[2] == '1' then redis.call('HSET', KEYS[1], 'done', ARGV[1]) end
return 1
`);
