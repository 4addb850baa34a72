import type { Redis } from 'ioredis';
import { AppError, type ErrorCode } from '../domain/errors.js';
import { emptyCounts, PollSchema, TemperatureSchema, temperatures, type NamedVote, type Poll, type Scope, type Temperature } from '../domain/poll.js';
import {
  MessageLocationSchema,
  type CastResult,
  type MessageLocation,
  type NewPoll,
  type PollState,
  type PollStore,
  type RefreshTiming,
} from '../app/ports.js';
import { pollKeys } from './keys.js';
import { castVoteScript, closePollScript } from './lua.js';
import { asStoreError } from './store-errors.js';

type ScriptReply = [string, ...unknown[]];

function unwrap(reply: unknown): unknown[] {
  const r = reply as ScriptReply;
  if (r[0] === 'err') throw new AppError(String(r[1]) as ErrorCode);
  return r.slice(1);
}

/** Redis hash fields back into a validated Poll: what comes out of Redis is a boundary too. */
function pollFromMeta(scope: Scope, pollId: string, meta: Record<string, string>): Poll {
  return PollSchema.parse({
    id: pollId,
    scope,
    question: meta.question,
    anonymous: meta.anonymous === '1',
    locale: meta.locale,
    openedBy: meta.openedBy,
    status: meta.status,
    createdAt: Number(meta.createdAt),
    closedAt: meta.closedAt === undefined ? undefined : Number(meta.closedAt),
  });
}

/** The poll store on Redis. Each write is a single Lua script, so concurrent votes stay exact. */
export class RedisPollStore implements PollStore {
  constructor(private readonly redis: Redis) {}

  async createPoll({ poll, voterSalt }: NewPoll): Promise<void> {
    const k = pollKeys(poll.scope, poll.id);
    await asStoreError(
      this.redis.hset(k.meta, {
        question: poll.question,
        anonymous: poll.anonymous ? '1' : '0',
        locale: poll.locale,
        openedBy: poll.openedBy,
        status: poll.status,
        createdAt: String(poll.createdAt),
        salt: voterSalt,
      }),
    );
  }

  async setLocation(scope: Scope, pollId: string, location: MessageLocation): Promise<void> {
    const k = pollKeys(scope, pollId);
    await asStoreError(this.redis.hset(k.meta, 'location', JSON.stringify(location)));
  }

  async deletePoll(scope: Scope, pollId: string): Promise<void> {
    const k = pollKeys(scope, pollId);
    await asStoreError(this.redis.del(k.meta, k.votes, k.counts, k.names, k.refresh));
  }

  async getPollInfo(scope: Scope, pollId: string): Promise<NewPoll | undefined> {
    const meta = await asStoreError(this.redis.hgetall(pollKeys(scope, pollId).meta));
    if (!meta.salt) return undefined;
    return { poll: pollFromMeta(scope, pollId, meta), voterSalt: meta.salt };
  }

  async getPoll(scope: Scope, pollId: string): Promise<PollState | undefined> {
    const k = pollKeys(scope, pollId);
    const replies = await asStoreError(
      this.redis.multi().hgetall(k.meta).hgetall(k.counts).hlen(k.votes).exec(),
    );
    const [meta, counts, voters] = (replies ?? []).map(([err, value]) => {
      if (err) throw err;
      return value;
    }) as [Record<string, string>, Record<string, string>, number];
    if (!meta || Object.keys(meta).length === 0) return undefined;
    const poll = pollFromMeta(scope, pollId, meta);
    const tallyCounts = emptyCounts();
    for (const t of temperatures) tallyCounts[t] = Number(counts[t] ?? 0);
    const named = poll.anonymous ? [] : await this.namedVotes(scope, pollId);
    return {
      poll,
      tally: { counts: tallyCounts, voters },
      named,
      location: meta.location ? MessageLocationSchema.parse(JSON.parse(meta.location)) : undefined,
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
    refresh: RefreshTiming & { now: number },
  ): Promise<CastResult> {
    const k = pollKeys(scope, pollId);
    const reply = await asStoreError(
      castVoteScript.run(
        this.redis,
        [k.meta, k.votes, k.counts, k.names, k.refresh],
        [vote.voterKey, vote.choice, vote.name ?? '', refresh.now, refresh.minIntervalMs, refresh.pendingTtlMs],
      ),
    );
    const [changed, previous, veel, gemixt, weinig, voters, delay] = unwrap(reply);
    const prev = TemperatureSchema.safeParse(previous);
    return {
      changed: Number(changed) === 1,
      previous: prev.success ? prev.data : undefined,
      tally: { counts: { veel: Number(veel), gemixt: Number(gemixt), weinig: Number(weinig) }, voters: Number(voters) },
      refreshDelayMs: Number(delay) >= 0 ? Number(delay) : undefined,
    };
  }

  async closePoll(scope: Scope, pollId: string, userId: string, now: number): Promise<{ alreadyClosed: boolean }> {
    const reply = await asStoreError(closePollScript.run(this.redis, [pollKeys(scope, pollId).meta], [userId, now]));
    const [already] = unwrap(reply);
    return { alreadyClosed: Number(already) === 1 };
  }
}
