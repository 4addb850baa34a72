import type { Redis } from 'ioredis';
import { AppError, type ErrorCode } from '../domain/errors.js';
import { emptyCounts, PollSchema, TemperatureSchema, temperatures, type NamedVote, type Poll, type Scope, type Temperature } from '../domain/poll.js';
import {
  CardRefSchema,
  type CastResult,
  type CloseResult,
  type Closer,
  type Lifetimes,
  type CardRef,
  type NewPoll,
  type PollState,
  type PollStore,
  type RefreshTiming,
} from '../app/ports.js';
import { pollKeyList, pollKeys } from './keys.js';
import { castVoteScript, closePollScript, setLocationScript } from './lua.js';
import type { ScopeIndex } from './scope-index.js';
import { asStoreError } from './store-errors.js';

/** Time an open poll's keys outlive its maximum age, so the expiry job can still close its card. */
export const EXPIRY_GRACE_MS = 7 * 24 * 60 * 60 * 1000;

type ScriptReply = [string, ...unknown[]];

function unwrap(reply: unknown): unknown[] {
  const r = reply as ScriptReply;
  if (r[0] === 'err') throw new AppError(String(r[1]) as ErrorCode);
  return r.slice(1);
}

const delayOf = (value: unknown): number | undefined => (Number(value) >= 0 ? Number(value) : undefined);

/** Redis hash fields back into a validated Poll: what comes out of Redis is a boundary too. */
function pollFromMeta(scope: Scope, pollId: string, meta: Record<string, string>): Poll {
  return PollSchema.parse({
    id: pollId,
    scope,
    question: meta.question,
    anonymous: meta.anonymous !== '0',
    hidden: meta.hidden === '1',
    locale: meta.locale,
    facilitatorKey: meta.facilitator,
    status: meta.status,
    createdAt: Number(meta.createdAt),
    expiresAt: Number(meta.expiresAt),
    closedAt: meta.closedAt === undefined ? undefined : Number(meta.closedAt),
    closedReason: meta.closedReason,
    collabId: meta.collab,
  });
}

/** The poll store on Redis. Each write is a single Lua script, so concurrent votes stay exact. */
export class RedisPollStore implements PollStore {
  constructor(
    private readonly redis: Redis,
    private readonly index: ScopeIndex,
    private readonly lifetimes: Lifetimes,
  ) {}

  async createPoll({ poll, voterSalt }: NewPoll): Promise<void> {
    const k = pollKeys(poll.scope, poll.id);
    const lifetime = poll.expiresAt - poll.createdAt + EXPIRY_GRACE_MS;
    // Indexed first: an interrupted creation leaves at most an index entry pointing at nothing.
    await this.index.add(poll.scope, pollKeyList(poll.scope, poll.id).map((key) => ({ key, expiresAt: poll.createdAt + lifetime })));
    await asStoreError(
      this.redis
        .multi()
        .hset(k.meta, {
          question: poll.question,
          anonymous: poll.anonymous ? '1' : '0',
          hidden: poll.hidden ? '1' : '0',
          locale: poll.locale,
          facilitator: poll.facilitatorKey,
          status: poll.status,
          createdAt: String(poll.createdAt),
          expiresAt: String(poll.expiresAt),
          salt: voterSalt,
          ...(poll.collabId ? { collab: poll.collabId } : {}),
        })
        .pexpire(k.meta, lifetime)
        .exec(),
    );
  }

  async setLocation(scope: Scope, pollId: string, location: CardRef): Promise<void> {
    // A plain HSET on a poll that expired meanwhile would recreate its meta without a lifetime.
    unwrap(await asStoreError(setLocationScript.run(this.redis, [pollKeys(scope, pollId).meta], [JSON.stringify(location)])));
  }

  async deletePoll(scope: Scope, pollId: string): Promise<void> {
    await asStoreError(this.redis.del(...pollKeyList(scope, pollId)));
    await this.index.remove(scope, pollKeyList(scope, pollId));
  }

  async getPollInfo(scope: Scope, pollId: string): Promise<NewPoll | undefined> {
    const meta = await asStoreError(this.redis.hgetall(pollKeys(scope, pollId).meta));
    if (!meta.salt) return undefined;
    return { poll: pollFromMeta(scope, pollId, meta), voterSalt: meta.salt };
  }

  async getPoll(scope: Scope, pollId: string): Promise<PollState | undefined> {
    const k = pollKeys(scope, pollId);
    const replies = await asStoreError(this.redis.multi().hgetall(k.meta).hgetall(k.counts).hlen(k.votes).exec());
    const [meta, counts, liveVoters] = (replies ?? []).map(([err, value]) => {
      if (err) throw err;
      return value;
    }) as [Record<string, string>, Record<string, string>, number];
    if (!meta || !meta.salt) return undefined;
    const poll = pollFromMeta(scope, pollId, meta);
    const tallyCounts = emptyCounts();
    for (const t of temperatures) tallyCounts[t] = Number(counts[t] ?? 0);
    // A closed anonymous poll has no per-voter entries left; closing kept their number.
    const voters = meta.voters === undefined ? liveVoters : Number(meta.voters);
    const named = poll.anonymous ? [] : await this.namedVotes(scope, pollId);
    return {
      poll,
      tally: { counts: tallyCounts, voters },
      named,
      location: meta.location ? CardRefSchema.parse(JSON.parse(meta.location)) : undefined,
    };
  }

  private async namedVotes(scope: Scope, pollId: string): Promise<NamedVote[]> {
    const k = pollKeys(scope, pollId);
    const [votes, names] = await asStoreError(Promise.all([this.redis.hgetall(k.votes), this.redis.hgetall(k.names)]));
    const result: NamedVote[] = [];
    for (const [voter, choice] of Object.entries(votes)) {
      const parsed = TemperatureSchema.safeParse(choice);
      if (parsed.success) result.push({ name: names[voter] ?? '?', choice: parsed.data });
    }
    return result.sort((a, b) => a.name.localeCompare(b.name));
  }

  async castVote(
    scope: Scope,
    pollId: string,
    vote: { voterKey: string; choice: Temperature; name?: string },
    timing: RefreshTiming,
  ): Promise<CastResult> {
    const reply = await asStoreError(
      castVoteScript.run(this.redis, pollKeyList(scope, pollId), [vote.voterKey, vote.choice, vote.name ?? '', timing.minIntervalMs, timing.pendingTtlMs]),
    );
    const [changed, previous, veel, gemixt, weinig, voters, delay] = unwrap(reply);
    const prev = TemperatureSchema.safeParse(previous);
    return {
      changed: Number(changed) === 1,
      previous: prev.success ? prev.data : undefined,
      tally: { counts: { veel: Number(veel), gemixt: Number(gemixt), weinig: Number(weinig) }, voters: Number(voters) },
      refreshDelayMs: delayOf(delay),
    };
  }

  async closePoll(scope: Scope, pollId: string, by: Closer, now: number, timing: RefreshTiming): Promise<CloseResult> {
    const retention = this.lifetimes.retentionMs;
    const reply = await asStoreError(
      closePollScript.run(this.redis, pollKeyList(scope, pollId), [
        by === 'system' ? '' : by.facilitatorKey,
        by === 'system' ? 'expired' : 'facilitator',
        now,
        retention,
        timing.minIntervalMs,
        timing.pendingTtlMs,
      ]),
    );
    const [already, delay] = unwrap(reply);
    const alreadyClosed = Number(already) === 1;
    if (!alreadyClosed) {
      await this.index.add(scope, pollKeyList(scope, pollId).map((key) => ({ key, expiresAt: now + retention })));
    }
    return { alreadyClosed, refreshDelayMs: delayOf(delay) };
  }

  async votedAmong(scope: Scope, pollId: string, voterKeys: string[]): Promise<boolean[]> {
    if (voterKeys.length === 0) return [];
    const choices = await asStoreError(this.redis.hmget(pollKeys(scope, pollId).votes, ...voterKeys));
    return choices.map((c) => c !== null);
  }

  async deleteScope(scope: Scope): Promise<number> {
    return this.index.deleteAll(scope);
  }
}
