import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';

/** A Lua script run by its SHA, loaded on first use or after a Redis restart (NOSCRIPT). */
export class LuaScript {
  private readonly sha: string;

  constructor(private readonly source: string) {
    this.sha = createHash('sha1').update(source).digest('hex');
  }

  async run(redis: Redis, keys: string[], args: (string | number | Buffer)[]): Promise<unknown> {
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

/*
 * Time in these scripts comes from Redis' own clock (TIME), never from the calling host: card
 * updates are spaced across web and worker processes on different machines, and their clocks may
 * disagree. Redis 7 replicates script effects, so TIME before a write is allowed.
 */
export const NOW = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
`;

/** Gives each listed key that has no lifetime the lifetime of KEYS[1] (the poll's meta). */
const INHERIT_TTL = (keys: string[]): string => `
local ttl = redis.call('PTTL', KEYS[1])
if ttl > 0 then
  for _, k in ipairs({${keys.join(', ')}}) do
    if redis.call('PTTL', k) == -1 then redis.call('PEXPIRE', k, ttl) end
  end
end
`;

/**
 * Marks a card refresh as pending in the refresh hash `key`, given ARGV minInterval and pendingTtl
 * at positions a and a+1. Leaves the delay for a new refresh job in `delay`, or -1 when one is
 * already pending (that one will render the latest state). A mark older than pendingTtl belongs
 * to a job that was lost and is replaced.
 */
export const MARK_REFRESH = (key: string, a: number): string => `
local delay = -1
local pending = tonumber(redis.call('HGET', ${key}, 'pending') or '0')
if pending == 0 or now - pending >= tonumber(ARGV[${a + 1}]) then
  redis.call('HSET', ${key}, 'pending', now)
  local done = tonumber(redis.call('HGET', ${key}, 'done') or '0')
  delay = done + tonumber(ARGV[${a}]) - now
  if delay < 0 then delay = 0 end
end
`;

/**
 * KEYS meta votes counts names refresh; ARGV voterKey choice name minInterval pendingTtl.
 * One round trip per vote: records or changes the vote, marks a card refresh as pending and
 * returns {'ok', changed, previous, veel, gemixt, weinig, voters, refreshDelay} or {'err', code}.
 * Names are written only for named polls, whatever the caller passes.
 */
export const castVoteScript = new LuaScript(`
if redis.call('EXISTS', KEYS[1]) == 0 then return {'err', 'poll_not_found'} end
local m = redis.call('HMGET', KEYS[1], 'status', 'expiresAt', 'anonymous')
if m[1] ~= 'open' then return {'err', 'poll_closed'} end
${NOW}
if tonumber(m[2] or '0') <= now then return {'err', 'poll_closed'} end
local prev = redis.call('HGET', KEYS[2], ARGV[1])
local changed = 0
if prev ~= ARGV[2] then
  changed = 1
  if prev then redis.call('HINCRBY', KEYS[3], prev, -1) end
  redis.call('HSET', KEYS[2], ARGV[1], ARGV[2])
  redis.call('HINCRBY', KEYS[3], ARGV[2], 1)
  if m[3] == '0' and ARGV[3] ~= '' then redis.call('HSET', KEYS[4], ARGV[1], ARGV[3]) end
end
${MARK_REFRESH('KEYS[5]', 4)}
${INHERIT_TTL(['KEYS[2]', 'KEYS[3]', 'KEYS[4]', 'KEYS[5]'])}
local c = redis.call('HMGET', KEYS[3], 'veel', 'gemixt', 'weinig')
return {'ok', changed, prev or '', c[1] or '0', c[2] or '0', c[3] or '0', redis.call('HLEN', KEYS[2]), delay}
`);

/**
 * KEYS meta votes counts names refresh; ARGV facilitatorKey ('' closes on the system's behalf),
 * reason, closedAt, retentionMs, minInterval, pendingTtl.
 * Closes the poll, keeps the number of voters, deletes the per-voter entries of an anonymous poll,
 * gives every key the retention lifetime and marks the card refresh pending, so the closed card
 * goes through the same spaced refresh as votes and a slower refresh cannot overwrite it.
 * Returns {'err', code} or {'ok', alreadyClosed(0|1), refreshDelay}.
 */
export const closePollScript = new LuaScript(`
if redis.call('EXISTS', KEYS[1]) == 0 then return {'err', 'poll_not_found'} end
local m = redis.call('HMGET', KEYS[1], 'facilitator', 'status', 'anonymous')
if ARGV[1] ~= '' and m[1] ~= ARGV[1] then return {'err', 'not_facilitator'} end
if m[2] == 'closed' then return {'ok', 1, -1} end
${NOW}
redis.call('HSET', KEYS[1], 'status', 'closed', 'closedReason', ARGV[2], 'closedAt', ARGV[3], 'voters', redis.call('HLEN', KEYS[2]))
if m[3] ~= '0' then redis.call('DEL', KEYS[2], KEYS[4]) end
${MARK_REFRESH('KEYS[5]', 5)}
for i = 1, 5 do redis.call('PEXPIRE', KEYS[i], ARGV[4]) end
return {'ok', 0, delay}
`);

/** KEYS refresh; drops a pending mark whose job could not be queued, so the next vote schedules one. */
export const clearRefreshMarkScript = new LuaScript(`
redis.call('HDEL', KEYS[1], 'pending')
return 1
`);

/**
 * KEYS refresh meta; ARGV minInterval lease. Called by a refresh job before it reads the poll.
 * Returns -1 when the poll is gone; the ms to wait when another refresh holds the card (its lease
 * has not run out) or the last delivered update is less than minInterval ago; otherwise takes
 * the lease, clears the pending mark (so any vote from now on schedules a new refresh) and returns 0.
 */
export const beginRefreshScript = new LuaScript(`
if redis.call('EXISTS', KEYS[2]) == 0 then return -1 end
${NOW}
local min = tonumber(ARGV[1])
local running = tonumber(redis.call('HGET', KEYS[1], 'running') or '0')
if running > 0 and now - running < tonumber(ARGV[2]) then return min end
local done = tonumber(redis.call('HGET', KEYS[1], 'done') or '0')
if now < done + min then return done + min - now end
redis.call('HSET', KEYS[1], 'running', now)
redis.call('HDEL', KEYS[1], 'pending')
local ttl = redis.call('PTTL', KEYS[2])
if ttl > 0 then redis.call('PEXPIRE', KEYS[1], ttl) end
return 0
`);

/** KEYS refresh meta; ARGV delivered(1|0). Ends a refresh; only a delivered update starts the interval. */
export const finishRefreshScript = new LuaScript(`
if redis.call('EXISTS', KEYS[2]) == 0 then
  redis.call('DEL', KEYS[1])
  return 0
end
redis.call('HDEL', KEYS[1], 'running')
if ARGV[1] == '1' then
  ${NOW}
  redis.call('HSET', KEYS[1], 'done', now)
end
local ttl = redis.call('PTTL', KEYS[2])
if ttl > 0 then redis.call('PEXPIRE', KEYS[1], ttl) end
return 1
`);

/** KEYS meta; ARGV location. Stores the card's location only while the poll exists (keeps its lifetime). */
export const setLocationScript = new LuaScript(`
if redis.call('EXISTS', KEYS[1]) == 0 then return {'err', 'poll_not_found'} end
redis.call('HSET', KEYS[1], 'location', ARGV[1])
return {'ok'}
`);
