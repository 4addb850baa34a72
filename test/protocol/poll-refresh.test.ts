/**
 * The shared card always ends up right: a close is never overwritten by a slower refresh, a
 * refresh is never lost (a failed job add, a vote before the card's location is stored), and a
 * card whose poll could not be stored stops offering buttons.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Queue } from 'bullmq';
import { pollKeys } from '../../src/store/keys.js';
import { cardOf, startTeamsHarness, user, type TeamsHarness } from '../support/teams-harness.js';
import { CHANNEL, startSlackHarness, TEAM, type SlackHarness } from '../support/slack-harness.js';
import { slashCommandBody } from '../support/slack-signing.js';
import { waitHealthy } from '../support/health.js';

const facilitator = user('Fien');

/** Resolves once no refresh of the poll is pending, running or queued: nothing more can change its card. */
async function settled(h: TeamsHarness, pollId: string): Promise<void> {
  const { Redis } = await import('ioredis');
  const client = new Redis(h.redis.url);
  try {
    const refresh = await client.hgetall(pollKeys({ platform: 'teams', tenant: 'tenant-0001' }, pollId).refresh);
    expect(refresh.pending ?? null).toBeNull();
    expect(refresh.running ?? null).toBeNull();
    const queued = await h.app.queue.getJobs(['waiting', 'delayed', 'active']);
    expect(queued.filter((j) => j.name === 'refresh' && j.data.pollId === pollId)).toEqual([]);
  } finally {
    client.disconnect();
  }
}

describe('Teams: the shared card follows every change, in order', () => {
  let h: TeamsHarness;
  beforeAll(async () => {
    h = await startTeamsHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('keeps a closed poll closed when a slower refresh of the open poll lands after the close', async () => {
    const { pollId, activityId } = await h.mention(facilitator, 'poll');
    // The refresh for this vote reaches the connector and is held there until the poll is closed.
    const closedWhileHeld = new Promise<Record<string, unknown>>((resolve) => {
      h.connector.beforeReply('PUT', async () => resolve((await h.invoke(facilitator, 'close', { pollId })).card));
    });
    await h.invoke(user('An'), 'vote', { pollId, choice: 'veel' });
    const slow = await h.waitForUpdate(activityId, '1 stem');
    expect(JSON.stringify(await closedWhileHeld)).toContain('Temperatuurmeting afgesloten');
    expect((cardOf(slow).actions as unknown[]).length).toBe(4);
    await h.waitForUpdate(activityId, 'Temperatuurmeting afgesloten');
    await settled(h, pollId);
    const updates = h.connector.calls.filter((c) => c.method === 'PUT' && c.activityId === activityId);
    const last = cardOf(updates.at(-1)!);
    expect(JSON.stringify(last)).toContain('Temperatuur van het team: Veel enthousiasme');
    expect(last.actions).toEqual([]);
  });

  it('gets the card to the exact tally when queueing its refresh fails once', async () => {
    const queue: Queue = h.app.queue;
    const add = queue.add.bind(queue);
    let failures = 1;
    queue.add = (async (...args: Parameters<Queue['add']>) => {
      if (args[0] === 'refresh' && failures-- > 0) throw new Error('connection reset');
      return add(...args);
    }) as Queue['add'];
    try {
      const { pollId, activityId } = await h.mention(facilitator, 'poll');
      const vote = await h.invoke(user('Bram'), 'vote', { pollId, choice: 'gemixt' });
      expect(JSON.stringify(vote.card)).toContain('Jouw stem: Gemixt enthousiasme');
      expect(failures).toBe(-1);
      const card = await h.waitForUpdate(activityId, '1 stem');
      expect(JSON.stringify(cardOf(card))).toContain('1 (100%)');
    } finally {
      queue.add = add;
    }
  });

  it('counts a vote that arrives before the card\'s location is stored, and shows it on the card', async () => {
    let early: string | undefined;
    h.connector.beforeReply('POST', async (call) => {
      // The card is in the conversation: someone votes before the bot has heard back from Teams.
      const pollId = ((call.body.attachments as { content: { actions: { data: { pollId: string } }[] } }[])[0]!.content.actions[0]!.data.pollId);
      early = JSON.stringify((await h.invoke(user('Chloé'), 'vote', { pollId, choice: 'weinig' })).card);
    });
    const { activityId } = await h.mention(facilitator, 'poll');
    expect(early).toContain('Jouw stem: Weinig enthousiasme');
    const card = await h.waitForUpdate(activityId, '1 stem');
    expect(JSON.stringify(cardOf(card))).toContain('1 (100%)');
  });
});

describe('Slack: a poll that could not be stored', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startSlackHarness({ persist: true });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('replaces its posted card by a notice without buttons when its location cannot be stored', async () => {
    // Redis goes away between posting the card and storing where it is.
    h.fake.beforeReply('chat.postMessage', () => h.redis.halt());
    await h.post(slashCommandBody({ text: 'poll', userId: 'U_FACI', teamId: TEAM, channelId: CHANNEL, responseUrl: `${h.fake.responseUrlBase}/lost` }));
    const posted = await h.fake.waitFor('chat.postMessage');
    const ts = String((posted.response as { ts: string }).ts);
    const notice = await h.fake.waitFor((c) => c.method === 'chat.update' && c.args.ts === ts);
    expect(JSON.stringify(notice.args.blocks)).toContain('Deze peiling kon niet starten');
    expect((notice.args.blocks as { type: string }[]).some((b) => b.type === 'actions')).toBe(false);
    const reply = await h.fake.waitFor((c) => c.method === 'response_url' && c.path.endsWith('/lost'));
    expect(reply.args.response_type).toBe('ephemeral');
    expect(reply.args.text).toContain('even niet beschikbaar');
    await h.redis.restart();
    // Recovered before the harness closes (the next test file gets a clean machine either way).
    await waitHealthy(h.url);
  });
});
