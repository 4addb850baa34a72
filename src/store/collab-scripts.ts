import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { AppError } from '../domain/errors.js';
import { AnswerSetSchema, SheetIdSchema, type AnswerSet, type SheetId } from '../domain/collaboration.js';
import { LuaScript, MARK_REFRESH, NOW } from './lua.js';

/** KEYS meta; ARGV version json. Writes the collaboration only if nobody changed it since it was read. */
export const compareAndSetScript = new LuaScript(`
if redis.call('EXISTS', KEYS[1]) == 0 then return -1 end
if (redis.call('HGET', KEYS[1], 'v') or '0') ~= ARGV[1] then return 0 end
redis.call('HSET', KEYS[1], 'data', ARGV[2], 'v', tostring(tonumber(ARGV[1]) + 1))
return 1
`);

/**
 * KEYS meta answers history refresh; ARGV member packedSet historyMax minInterval pendingTtl sheet.
 * Replaces a member's answers (the previous version goes to the history list as `<sheet>:<packed>`)
 * and marks the step card's refresh, in one round trip. Returns {'ok', answered, delay} or {'err', code}.
 */
export const saveAnswersScript = new LuaScript(`
if redis.call('EXISTS', KEYS[1]) == 0 then return {'err', 'collab_not_found'} end
${NOW}
local prev = redis.call('HGET', KEYS[2], ARGV[1])
if prev then
  redis.call('RPUSH', KEYS[3], ARGV[6] .. ':' .. prev)
  redis.call('LTRIM', KEYS[3], -tonumber(ARGV[3]), -1)
end
if ARGV[2] == '' then redis.call('HDEL', KEYS[2], ARGV[1]) else redis.call('HSET', KEYS[2], ARGV[1], ARGV[2]) end
${MARK_REFRESH('KEYS[4]', 4)}
-- The keys written here live as long as the collaboration, so the full renewal can wait (see touchSoon).
local ttl = redis.call('PTTL', KEYS[1])
if ttl > 0 then
  for i = 2, 4 do redis.call('PEXPIRE', KEYS[i], ttl) end
end
return {'ok', redis.call('HLEN', KEYS[2]), delay}
`);

/**
 * KEYS meta refresh; ARGV minInterval pendingTtl. Marks a card refresh pending while the
 * collaboration exists; the mark lives as long as the collaboration (and is in its index).
 */
export const markScript = new LuaScript(`
if redis.call('EXISTS', KEYS[1]) == 0 then return {'err', 'collab_not_found'} end
${NOW}
${MARK_REFRESH('KEYS[2]', 1)}
local ttl = redis.call('PTTL', KEYS[1])
if ttl > 0 then redis.call('PEXPIRE', KEYS[2], ttl) end
return {'ok', delay}
`);

/** KEYS all of one collaboration; ARGV ttl. Renews the lifetime of every key that exists. */
export const touchScript = new LuaScript(`
for _, k in ipairs(KEYS) do redis.call('PEXPIRE', k, ARGV[1]) end
return 1
`);

type Reply = [string, ...unknown[]];
export function unwrap(reply: unknown): unknown[] {
  const r = reply as Reply;
  if (r[0] === 'err') throw new AppError(r[1] === 'collab_not_found' ? 'collab_not_found' : 'unexpected');
  return r.slice(1);
}
export const delayOf = (value: unknown): number | undefined => (Number(value) >= 0 ? Number(value) : undefined);

/** History entries carry their step beside the answer set. */
/**
 * Answer sets are the bulk of a collaboration (40 members answering four steps is some 200 KB of
 * text), so they are stored deflated: Dutch and English prose shrinks to about half.
 */
export const packAnswerSet = (set: AnswerSet): Buffer => deflateRawSync(JSON.stringify(AnswerSetSchema.parse(set)));
export const unpackAnswerSet = (packed: Buffer): AnswerSet => AnswerSetSchema.parse(JSON.parse(inflateRawSync(packed).toString('utf8')));

/** A history entry is `<sheet>:<packed answer set>`. */
export const parseHistory = (raw: Buffer): { sheet: SheetId; set: AnswerSet } => {
  const colon = raw.indexOf(0x3a);
  return { sheet: SheetIdSchema.parse(raw.subarray(0, colon).toString('ascii')), set: unpackAnswerSet(raw.subarray(colon + 1)) };
};

