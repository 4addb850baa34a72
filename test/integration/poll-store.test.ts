import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RedisPollStore } from '../../src/store/redis-poll-store.js';
import { pollKeys } from '../../src/store/keys.js';
import { voterKey } from '../../src/app/cast-vote.js';
import { isAppError } from '../../src/domain/errors.js';
import type { Poll, Temperature } from '../../src/domain/poll.js';
import { startRedis, type RedisServerHandle } from '../support/redis-server.js';

let redis: RedisServerHandle;
const clients: Redis[] = [];
beforeAll(async () => {
  redis = await startRedis();
  for (let i = 0; i < 8; i++) clients.push(new Redis(redis.url));
});
afterAll(async () => {
  for (const c of clients) c.disconnect();
  await redis?.stop();
});

const scope = { platform: 'teams' as const, tenant: 'tenant-a' };
const R = { now: 1_000, minIntervalMs: 2000, pendingTtlMs: 15_000 };
let n = 0;
async function newPoll(store: RedisPollStore, over: Partial<Poll> = {}): Promise<Poll> {
  const poll: Poll = {
    id: `poll${String(++n).padStart(8, '0')}`,
    scope,
    question: 'Q',
    anonymous: true,
    locale: 'nl',
    openedBy: 'faci',
    status: 'open',
    createdAt: 1,
    ...over,
  };
  await store.createPoll({ poll, voterSalt: 'salt' });
  return poll;
}

describe('RedisPollStore', () => {
  it('stays exact under 600 concurrent votes and vote changes from eight connections', async () => {
    const stores = clients.map((c) => new RedisPollStore(c));
    const poll = await newPoll(stores[0]!);
    const choices: Temperature[] = ['veel', 'gemixt', 'weinig'];
    const first = Array.from({ length: 300 }, (_, i) =>
      stores[i % 8]!.castVote(scope, poll.id, { voterKey: voterKey('salt', `u${i}`), choice: choices[i % 3]! }, R),
    );
    // Every voter also votes again: half repeat themselves, half move to 'veel'.
    const second = Array.from({ length: 300 }, (_, i) =>
      stores[(i + 3) % 8]!.castVote(scope, poll.id, { voterKey: voterKey('salt', `u${i}`), choice: i % 2 === 0 ? choices[i % 3]! : 'veel' }, R),
    );
    await Promise.all([...first, ...second]);
    const state = await stores[0]!.getPoll(scope, poll.id);
    // Final choice per voter is deterministic whatever the interleaving? No: first and second race.
    // What must hold regardless: one vote per voter and counts that add up to the voters.
    expect(state!.tally.voters).toBe(300);
    const { veel, gemixt, weinig } = state!.tally.counts;
    expect(veel + gemixt + weinig).toBe(300);
    const votes = await clients[0]!.hgetall(pollKeys(scope, poll.id).votes);
    const recount = { veel: 0, gemixt: 0, weinig: 0 };
    for (const v of Object.values(votes)) recount[v as Temperature]++;
    expect(recount).toEqual(state!.tally.counts);
  });

  it('reports a repeated vote as unchanged and a changed vote with the previous choice', async () => {
    const store = new RedisPollStore(clients[0]!);
    const poll = await newPoll(store);
    expect(await store.castVote(scope, poll.id, { voterKey: 'k1', choice: 'veel' }, R)).toMatchObject({ changed: true, previous: undefined });
    expect(await store.castVote(scope, poll.id, { voterKey: 'k1', choice: 'veel' }, R)).toMatchObject({ changed: false, previous: 'veel' });
    const moved = await store.castVote(scope, poll.id, { voterKey: 'k1', choice: 'weinig' }, R);
    expect(moved).toMatchObject({ changed: true, previous: 'veel', tally: { counts: { veel: 0, gemixt: 0, weinig: 1 }, voters: 1 } });
    expect((await store.getPoll(scope, poll.id))!.tally).toEqual({ counts: { veel: 0, gemixt: 0, weinig: 1 }, voters: 1 });
  });

  it('marks one card refresh pending per poll and spaces it from the last delivered update', async () => {
    const store = new RedisPollStore(clients[0]!);
    const poll = await newPoll(store);
    const vote = (k: string, now: number) => store.castVote(scope, poll.id, { voterKey: k, choice: 'veel' }, { ...R, now });
    expect((await vote('a', 10_000)).refreshDelayMs).toBe(0);
    expect((await vote('b', 10_100)).refreshDelayMs).toBeUndefined();
    // A pending mark older than the TTL belongs to a lost job and is replaced.
    expect((await vote('c', 30_000)).refreshDelayMs).toBe(0);
    const refresh = pollKeys(scope, poll.id).refresh;
    await clients[0]!.hset(refresh, 'done', '31000');
    await clients[0]!.hdel(refresh, 'pending');
    expect((await vote('d', 31_500)).refreshDelayMs).toBe(1500);
  });

  it('refuses votes on unknown or closed polls and closing by anyone but the facilitator', async () => {
    const store = new RedisPollStore(clients[0]!);
    const poll = await newPoll(store);
    const codeOf = (p: Promise<unknown>) => p.then(() => 'ok', (e: unknown) => (isAppError(e) ? e.code : 'other'));
    expect(await codeOf(store.castVote(scope, 'doesNotExist00', { voterKey: 'k', choice: 'veel' }, R))).toBe('poll_not_found');
    expect(await codeOf(store.closePoll(scope, poll.id, 'someone-else', 5))).toBe('not_facilitator');
    expect((await store.getPoll(scope, poll.id))!.poll.status).toBe('open');
    expect(await store.closePoll(scope, poll.id, 'faci', 5)).toEqual({ alreadyClosed: false });
    expect(await store.closePoll(scope, poll.id, 'faci', 6)).toEqual({ alreadyClosed: true });
    expect((await store.getPoll(scope, poll.id))!.poll.closedAt).toBe(5);
    expect(await codeOf(store.castVote(scope, poll.id, { voterKey: 'k', choice: 'veel' }, R))).toBe('poll_closed');
  });

  it('keeps polls of different tenants apart and all keys of one poll under one hash tag', async () => {
    const store = new RedisPollStore(clients[0]!);
    const poll = await newPoll(store);
    expect(await store.getPoll({ platform: 'teams', tenant: 'tenant-b' }, poll.id)).toBeUndefined();
    expect(await store.getPoll({ platform: 'slack', tenant: 'tenant-a' }, poll.id)).toBeUndefined();
    const keys = Object.values(pollKeys(scope, poll.id));
    const tags = keys.map((k) => /\{([^}]+)\}/.exec(k)?.[1]);
    expect(new Set(tags).size).toBe(1);
    expect(tags[0]).toBe(`teams:tenant-a:${poll.id}`);
    expect(keys.every((k) => k.startsWith('ws:teams:tenant-a:'))).toBe(true);
  });

  it('lists names only for named polls', async () => {
    const store = new RedisPollStore(clients[0]!);
    const named = await newPoll(store, { anonymous: false });
    await store.castVote(scope, named.id, { voterKey: 'k1', choice: 'gemixt', name: 'Lotte' }, R);
    expect((await store.getPoll(scope, named.id))!.named).toEqual([{ name: 'Lotte', choice: 'gemixt' }]);
  });
});
