/**
 * "Anonymous means anonymous", tried as an attacker would: after people with distinctive ids and
 * names vote on both platforms (the facilitator too), nothing in Redis, the logs or the job
 * payloads contains their ids, display names or Entra ids, nor the keys an attacker with a member
 * list and a copy of the database could compute (plain or per-poll-salted hashes of the ids).
 */
import { createHash, createHmac } from 'node:crypto';
import type { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dumpRedis, dumpText } from '../support/redis-dump.js';
import { startSlackHarness, type SlackHarness } from '../support/slack-harness.js';
import { startTeamsHarness, type TeamsHarness, type TeamsUser } from '../support/teams-harness.js';

/** Records every job payload the app queues, without changing what is queued. */
function recordJobs(queue: Queue): unknown[] {
  const seen: unknown[] = [];
  const add = queue.add.bind(queue);
  queue.add = ((name: string, data: unknown, opts?: unknown) => {
    seen.push({ name, data, opts });
    return add(name, data, opts as never);
  }) as Queue['add'];
  return seen;
}

/** What must not appear anywhere, for one person: their ids, names and the hashes a member list yields. */
function traces(ids: string[], names: string[], salts: string[]): string[] {
  const hashes = ids.flatMap((id) => [
    createHash('sha256').update(id).digest('base64url'),
    createHash('sha256').update(id).digest('hex'),
    ...salts.map((salt) => createHmac('sha256', salt).update(id).digest('base64url')),
  ]);
  return [...ids, ...names, ...hashes];
}

/** Every salt stored in poll metas: an attacker with the dump has them too. */
const saltsIn = (dump: Awaited<ReturnType<typeof dumpRedis>>): string[] =>
  dump.filter((d) => d.key.endsWith(':meta')).map((d) => (JSON.parse(d.value) as { salt?: string }).salt ?? '').filter(Boolean);

/** Every key of ours has a lifetime; BullMQ's own bookkeeping keys (ids only) are BullMQ's to manage. */
function expectLifetimes(dump: Awaited<ReturnType<typeof dumpRedis>>): void {
  const ours = dump.filter((d) => !d.key.startsWith('{werktsamen}:'));
  expect(ours.length).toBeGreaterThan(3);
  for (const d of ours) expect(d.pttl, `${d.key} has no lifetime`).toBeGreaterThan(0);
}

function expectNoTraces(where: string, haystack: string, needles: string[]): void {
  for (const needle of needles) expect(haystack.includes(needle), `${where} contains ${needle}`).toBe(false);
}

describe('Slack: an anonymous poll leaves no trace of who voted', () => {
  let h: SlackHarness;
  let jobs: unknown[];
  beforeAll(async () => {
    h = await startSlackHarness();
    jobs = recordJobs(h.app.queue);
  });
  afterAll(async () => {
    await h?.close();
  });

  const people = [
    { id: 'U0FACIQZXW', name: 'griselda.facilitator' },
    { id: 'U0VOTEQZX1', name: 'hieronymus.quaghebeur' },
    { id: 'U0VOTEQZX2', name: 'ottoline.vandermeersch' },
    { id: 'U0VOTEQZX3', name: 'barnabe.eeckhout' },
  ];

  it('in Redis, the logs and the job payloads, while open and after closing', async () => {
    h.fake.setUserLocale('U0VOTEQZX3', 'en-GB');
    const { pollId, ts } = await h.openPoll(people[0]!.id, 'poll Doen we mee?', people[0]!.name);
    const choices = ['veel', 'gemixt', 'veel', 'weinig'] as const;
    for (const [i, p] of people.entries()) await h.click(p.id, pollId, `poll_vote_${choices[i]}`, ts, undefined, p.name);
    // A changed vote and a user whose locale gets cached.
    await h.click('U0VOTEQZX3', pollId, 'poll_vote_veel', ts, 'changed', 'barnabe.eeckhout');
    await h.waitForCard(ts, '4 stemmen');

    const open = await dumpRedis(h.redis.url);
    // Besides the payloads' ids and handles: the names and emails users.info answers for these users.
    const fromUsersInfo = people.flatMap((p) => [`User ${p.id}`, `user-${p.id}`, `${p.id.toLowerCase()}@school.example`]);
    const needles = traces(people.map((p) => p.id), [...people.map((p) => p.name), ...fromUsersInfo], saltsIn(open));
    expectNoTraces('Redis (open poll)', dumpText(open), needles);

    await h.click(people[0]!.id, pollId, 'poll_close', ts, undefined, people[0]!.name);
    await h.waitForCard(ts, 'Temperatuurmeting afgesloten');
    const closed = await dumpRedis(h.redis.url);
    expectNoTraces('Redis (closed poll)', dumpText(closed), needles);
    expectLifetimes(open);
    expectLifetimes(closed);
    // Closing an anonymous poll leaves counts only: no per-voter entries at all.
    expect(closed.filter((d) => d.key.includes(pollId)).map((d) => d.key.split(':').at(-1)).sort()).toEqual(['counts', 'meta', 'refresh']);
    expectNoTraces('logs', h.logs.text(), needles);
    expectNoTraces('job payloads', JSON.stringify(jobs), needles);
    expect(jobs.length).toBeGreaterThan(1);
    // The logger really captured the run (at trace level).
    expect(h.logs.text()).toContain('Slack workspace resolved');
  });
});

describe('Teams: an anonymous poll leaves no trace of who voted', () => {
  let h: TeamsHarness;
  let jobs: unknown[];
  beforeAll(async () => {
    h = await startTeamsHarness();
    jobs = recordJobs(h.app.queue);
  });
  afterAll(async () => {
    await h?.close();
  });

  const people: TeamsUser[] = ['Griselda Quaghebeur', 'Hieronymus Vandermeersch', 'Ottoline Eeckhout'].map((name, i) => ({
    id: `29:1ZqXwVoter${i}`,
    name,
    aadObjectId: `0f9e8d7c-aaaa-bbbb-cccc-00000000000${i}`,
  }));

  it('in Redis, the logs and the job payloads, while open and after closing', async () => {
    const { activity } = await import('../support/teams-harness.js');
    // The app is added to the channel by the first person: the conversation reference is stored.
    await h.send(activity(people[0]!, h.connector.serviceUrl, { type: 'conversationUpdate', membersAdded: [{ id: '28:werktsamen-bot' }] }));
    const { pollId, activityId } = await h.mention(people[0]!, 'poll Doen we mee?');
    for (const [i, p] of people.entries()) await h.invoke(p, 'vote', { pollId, choice: i === 1 ? 'weinig' : 'veel' });
    await h.invoke(people[1]!, 'vote', { pollId, choice: 'gemixt' });
    await h.waitForUpdate(activityId, '3 stemmen');

    const open = await dumpRedis(h.redis.url);
    const needles = traces(people.flatMap((p) => [p.id, p.aadObjectId]), people.map((p) => p.name), saltsIn(open));
    expectNoTraces('Redis (open poll)', dumpText(open), needles);
    expect(open.some((d) => d.key.includes(':conversation:'))).toBe(true);

    await h.invoke(people[0]!, 'close', { pollId });
    await h.waitForUpdate(activityId, 'Temperatuurmeting afgesloten');
    const closed = await dumpRedis(h.redis.url);
    expectNoTraces('Redis (closed poll)', dumpText(closed), needles);
    expectLifetimes(open);
    expectLifetimes(closed);
    expect(closed.filter((d) => d.key.includes(pollId)).map((d) => d.key.split(':').at(-1)).sort()).toEqual(['counts', 'meta', 'refresh']);
    expectNoTraces('logs', h.logs.text(), needles);
    expectNoTraces('job payloads', JSON.stringify(jobs), needles);
  });

  it('keeps names on a named poll, on purpose', async () => {
    const { pollId } = await h.mention(people[0]!, 'poll --met-namen');
    await h.invoke(people[2]!, 'vote', { pollId, choice: 'veel' });
    expect(dumpText(await dumpRedis(h.redis.url))).toContain('Ottoline Eeckhout');
  });
});
