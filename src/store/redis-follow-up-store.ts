import type { Redis } from 'ioredis';
import { AppError } from '../domain/errors.js';
import { FOLLOW_UPS_MAX, FollowUpSchema, type FollowUp } from '../domain/follow-up.js';
import type { Scope } from '../domain/poll.js';
import { OverviewRecordSchema, type FollowUpRef, type FollowUpStore, type NudgeClaim, type NudgeKey, type OverviewRecord } from '../app/follow-ups/follow-up-ports.js';
import { collabKeys, nudgeKey, personKey } from './keys.js';
import { LuaScript, NOW } from './lua.js';
import type { ScopeIndex } from './scope-index.js';
import { asStoreError } from './store-errors.js';

/**
 * KEYS meta items; ARGV max, then id json pairs. Adds all the items, or none: the collaboration
 * must exist and have room for every one of them.
 */
const addScript = new LuaScript(`
if redis.call('EXISTS', KEYS[1]) == 0 then return -1 end
local n = (#ARGV - 1) / 2
if redis.call('HLEN', KEYS[2]) + n > tonumber(ARGV[1]) then return 0 end
redis.call('HSET', KEYS[2], unpack(ARGV, 2))
local ttl = redis.call('PTTL', KEYS[1])
if ttl > 0 then redis.call('PEXPIRE', KEYS[2], ttl) end
return 1
`);

/** KEYS items; ARGV id expected json. Replaces the item only if nobody changed it in between. */
const replaceScript = new LuaScript(`
local cur = redis.call('HGET', KEYS[1], ARGV[1])
if not cur then return -1 end
if cur ~= ARGV[2] then return 0 end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[3])
return 1
`);

/**
 * KEYS record; ARGV leaseMs keepMs. The record is 'sent', or 'try:<until>' while an attempt
 * holds it; a 'try' past its lease belongs to an attempt that died (see NudgeClaim).
 */
const claimScript = new LuaScript(`
${NOW}
local cur = redis.call('GET', KEYS[1])
if cur == 'sent' then return 'sent' end
local state = 'claimed'
if cur then
  if tonumber(string.sub(cur, 5)) > now then return 'busy' end
  state = 'retry'
end
redis.call('SET', KEYS[1], 'try:' .. (now + tonumber(ARGV[1])), 'PX', ARGV[2])
return state
`);

/** KEYS record; ARGV keepMs. A claim whose lease is over: the next attempt is a `retry`. */
const releaseScript = new LuaScript(`
local cur = redis.call('GET', KEYS[1])
if cur == false or cur == 'sent' then return 0 end
redis.call('SET', KEYS[1], 'try:0', 'PX', ARGV[1])
return 1
`);

/** Nudge records outlive every retry of their job by far, then go. */
const NUDGE_RECORD_MS = 30 * 24 * 60 * 60 * 1000;
const UPDATE_ATTEMPTS = 50;
const jitter = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 1 + Math.random() * 9));
const ref = (item: Pick<FollowUp, 'collabId' | 'id'>): string => `${item.collabId}/${item.id}`;

/** Follow-ups on Redis: in the collaboration's hash tag, with an index per owner (by pseudonym). */
export class RedisFollowUpStore implements FollowUpStore {
  constructor(
    private readonly redis: Redis,
    private readonly index: ScopeIndex,
    private readonly retentionMs: number,
    private readonly now: () => number,
    /** The keyed pseudonym of a person; raw user ids never go into key names. */
    private readonly pseudonym: (scope: Scope, userId: string) => string,
  ) {}

  private ownedKey(scope: Scope, userId: string): string {
    return personKey(scope, 'followups', this.pseudonym(scope, userId));
  }

  /** Keeps the owners' indexes right for items just written; `previousOwner` when one changed hands. */
  private async indexOwners(scope: Scope, items: FollowUp[], previousOwner?: string): Promise<void> {
    // Per owner one ZADD with all their open items and one ZREM: a list of 20 has few owners.
    const byKey = new Map<string, { open: (string | number)[]; closed: string[] }>();
    const entry = (key: string) => byKey.get(key) ?? byKey.set(key, { open: [], closed: [] }).get(key)!;
    for (const item of items) {
      const key = this.ownedKey(scope, item.owner.id);
      if (previousOwner !== undefined && previousOwner !== item.owner.id) entry(this.ownedKey(scope, previousOwner)).closed.push(ref(item));
      if (item.status === 'open') entry(key).open.push(Number(item.due.replace(/-/g, '')), ref(item));
      else entry(key).closed.push(ref(item));
    }
    // A pipeline, not a transaction: each index is right on its own, and they live in different slots.
    const p = this.redis.pipeline();
    for (const [key, { open, closed }] of byKey) {
      if (open.length > 0) p.zadd(key, ...open);
      if (closed.length > 0) p.zrem(key, ...closed);
      p.pexpire(key, this.retentionMs);
    }
    await this.index.add(scope, [...byKey.keys()].map((key) => ({ key, expiresAt: this.now() + this.retentionMs })));
    const failed = (await asStoreError(p.exec()))?.find(([err]) => err);
    if (failed) throw new AppError('store_unavailable', 'owner index not written', { cause: failed[0] });
  }

  async add(scope: Scope, items: FollowUp[]): Promise<void> {
    const first = items[0];
    if (!first) return;
    if (items.some((i) => i.collabId !== first.collabId)) throw new AppError('invalid_input', 'one collaboration at a time');
    const k = collabKeys(scope, first.collabId);
    const pairs = items.flatMap((item) => [item.id, JSON.stringify(FollowUpSchema.parse(item))]);
    const ok = Number(await asStoreError(addScript.run(this.redis, [k.meta, k.followUps], [FOLLOW_UPS_MAX, ...pairs])));
    if (ok < 0) throw new AppError('collab_not_found');
    if (ok === 0) throw new AppError('invalid_input', 'too many follow-ups');
    await this.indexOwners(scope, items);
  }

  async get(scope: Scope, collabId: string, id: string): Promise<FollowUp | undefined> {
    const raw = await asStoreError(this.redis.hget(collabKeys(scope, collabId).followUps, id));
    return raw ? FollowUpSchema.parse(JSON.parse(raw)) : undefined;
  }

  async list(scope: Scope, collabId: string): Promise<FollowUp[]> {
    const all = await asStoreError(this.redis.hvals(collabKeys(scope, collabId).followUps));
    return all.map((raw) => FollowUpSchema.parse(JSON.parse(raw)));
  }

  async update(scope: Scope, collabId: string, id: string, change: (item: FollowUp) => FollowUp): Promise<{ before: FollowUp; after: FollowUp }> {
    const key = collabKeys(scope, collabId).followUps;
    for (let attempt = 0; attempt < UPDATE_ATTEMPTS; attempt++) {
      const raw = await asStoreError(this.redis.hget(key, id));
      if (!raw) throw new AppError('follow_up_not_found');
      const before = FollowUpSchema.parse(JSON.parse(raw));
      const after = FollowUpSchema.parse(change(before));
      const ok = Number(await asStoreError(replaceScript.run(this.redis, [key], [id, raw, JSON.stringify(after)])));
      if (ok < 0) throw new AppError('follow_up_not_found');
      if (ok === 1) {
        await this.indexOwners(scope, [after], before.owner.id);
        return { before, after };
      }
      await jitter();
    }
    throw new AppError('store_unavailable', 'follow-up changed too often at once');
  }

  async forgetOwners(scope: Scope, items: FollowUp[]): Promise<void> {
    if (items.length === 0) return;
    const m = this.redis.multi();
    for (const item of items) m.zrem(this.ownedKey(scope, item.owner.id), ref(item));
    await asStoreError(m.exec());
  }

  async listOwned(scope: Scope, ownerId: string): Promise<FollowUpRef[]> {
    const refs = await asStoreError(this.redis.zrange(this.ownedKey(scope, ownerId), '0', '-1'));
    return refs.map((r) => {
      const [collabId = '', id = ''] = r.split('/');
      return { collabId, id };
    });
  }

  async setLead(scope: Scope, lead: string, collabId: string, leads: boolean): Promise<void> {
    const key = personKey(scope, 'leads', lead);
    if (!leads) {
      await asStoreError(this.redis.zrem(key, collabId));
      return;
    }
    await this.index.add(scope, [{ key, expiresAt: this.now() + this.retentionMs }]);
    await asStoreError(this.redis.multi().zadd(key, this.now(), collabId).pexpire(key, this.retentionMs).exec());
  }

  async listLed(scope: Scope, lead: string): Promise<string[]> {
    return asStoreError(this.redis.zrange(personKey(scope, 'leads', lead), '0', '-1'));
  }

  async setOverview(scope: Scope, userId: string, record: OverviewRecord): Promise<void> {
    const key = personKey(scope, 'overview', this.pseudonym(scope, userId));
    await this.index.add(scope, [{ key, expiresAt: this.now() + this.retentionMs }]);
    await asStoreError(this.redis.set(key, JSON.stringify(OverviewRecordSchema.parse(record)), 'PX', this.retentionMs));
  }

  async getOverview(scope: Scope, userId: string): Promise<OverviewRecord | undefined> {
    return (await this.getOverviews(scope, [userId]))[0];
  }

  async getOverviews(scope: Scope, userIds: string[]): Promise<(OverviewRecord | undefined)[]> {
    if (userIds.length === 0) return [];
    const raws = await asStoreError(this.redis.mget(userIds.map((id) => personKey(scope, 'overview', this.pseudonym(scope, id)))));
    return raws.map((raw) => {
      const parsed = raw ? OverviewRecordSchema.safeParse(JSON.parse(raw)) : undefined;
      return parsed?.success ? parsed.data : undefined;
    });
  }

  async setPersonZone(scope: Scope, userId: string, zone: string): Promise<void> {
    const key = personKey(scope, 'tz', this.pseudonym(scope, userId));
    await this.index.add(scope, [{ key, expiresAt: this.now() + this.retentionMs }]);
    await asStoreError(this.redis.set(key, zone, 'PX', this.retentionMs));
  }

  async getPersonZone(scope: Scope, userId: string): Promise<string | undefined> {
    return (await asStoreError(this.redis.get(personKey(scope, 'tz', this.pseudonym(scope, userId))))) ?? undefined;
  }

  private recordKey(scope: Scope, key: NudgeKey): string {
    const person = key.person === undefined ? '' : `:${this.pseudonym(scope, key.person)}`;
    return nudgeKey(scope, `${key.subject}:${key.kind}:${key.at}${person}`);
  }

  async claimNudge(scope: Scope, key: NudgeKey, leaseMs: number): Promise<NudgeClaim> {
    const record = this.recordKey(scope, key);
    await this.index.add(scope, [{ key: record, expiresAt: this.now() + NUDGE_RECORD_MS }]);
    return (await asStoreError(claimScript.run(this.redis, [record], [leaseMs, NUDGE_RECORD_MS]))) as NudgeClaim;
  }

  async finishNudge(scope: Scope, key: NudgeKey): Promise<void> {
    await asStoreError(this.redis.set(this.recordKey(scope, key), 'sent', 'PX', NUDGE_RECORD_MS));
  }

  async releaseNudge(scope: Scope, key: NudgeKey): Promise<void> {
    // Only an unfinished claim ends; a 'sent' that another attempt wrote meanwhile stays.
    await asStoreError(releaseScript.run(this.redis, [this.recordKey(scope, key)], [NUDGE_RECORD_MS]));
  }
}
