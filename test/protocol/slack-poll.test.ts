import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkBlockKit } from '../support/block-kit-check.js';
import { appMentionEventBody } from '../support/slack-signing.js';
import { CHANNEL, startSlackHarness, TEAM, type SlackHarness } from '../support/slack-harness.js';

let h: SlackHarness;
beforeAll(async () => {
  h = await startSlackHarness();
});
afterAll(async () => {
  await h?.close();
});

const textOf = (blocks: unknown): string => JSON.stringify(blocks);

describe('Slack: the temperature poll end to end', () => {
  it('posts a Dutch poll card with three temperature buttons and a close button', async () => {
    const { call, pollId } = await h.openPoll('U_FACI');
    const blocks = call.args.blocks as { type: string; elements?: { text: { text: string } }[] }[];
    expect(call.args.channel).toBe(CHANNEL);
    expect(textOf(blocks)).toContain('Hoeveel enthousiasme is er in ons team voor deze samenwerking?');
    expect(blocks.find((b) => b.type === 'actions')?.elements?.map((e) => e.text.text)).toEqual([
      'Veel enthousiasme',
      'Gemixt enthousiasme',
      'Weinig enthousiasme',
      'Peiling sluiten',
    ]);
    expect(pollId).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(checkBlockKit({ blocks, text: String(call.args.text) })).toEqual([]);
    expect(call.token).toBe('xoxb-test-token');
  });

  it('uses the question given after poll', async () => {
    const { call } = await h.openPoll('U_FACI', 'poll Zien we de Brede School zitten?');
    expect(textOf(call.args.blocks)).toContain('Zien we de Brede School zitten?');
  });

  it('counts one vote per person, lets people change their vote and shows live counts without names', async () => {
    const { pollId, ts } = await h.openPoll('U_FACI');
    expect((await h.click('U_A', pollId, 'poll_vote_veel', ts)).status).toBe(200);
    await h.click('U_B', pollId, 'poll_vote_veel', ts);
    await h.click('U_C', pollId, 'poll_vote_weinig', ts);
    // A double click and a changed vote.
    await h.click('U_A', pollId, 'poll_vote_veel', ts);
    await h.click('U_C', pollId, 'poll_vote_gemixt', ts);
    const card = await h.waitForCard(ts, '3 stemmen');
    const text = textOf(card.args.blocks);
    expect(text).toContain('2 (67%)');
    expect(text).toContain('1 (33%)');
    expect(text).not.toContain('U_A');
    expect(checkBlockKit({ blocks: card.args.blocks as unknown[], text: String(card.args.text) })).toEqual([]);
  });

  it('keeps no voter id in the clear in Redis for an anonymous poll', async () => {
    const { pollId, ts } = await h.openPoll('U_FACI');
    await h.click('U_SECRET_VOTER', pollId, 'poll_vote_gemixt', ts);
    await h.waitForCard(ts, '1 stem');
    const { Redis } = await import('ioredis');
    const client = new Redis(h.redis.url);
    const keys = await client.keys('*');
    const dump: string[] = [];
    for (const key of keys) {
      const type = await client.type(key);
      if (type === 'hash') dump.push(key, JSON.stringify(await client.hgetall(key)));
      if (type === 'string') dump.push(key, String(await client.get(key)));
    }
    client.disconnect();
    expect(dump.join('\n')).not.toContain('U_SECRET_VOTER');
    expect(keys.some((k) => k.includes(`ws:slack:${TEAM}:poll:{slack:${TEAM}:${pollId}}`))).toBe(true);
  });

  it('lets only the facilitator close; others get a private explanation and nothing changes', async () => {
    const { pollId, ts } = await h.openPoll('U_FACI');
    await h.click('U_A', pollId, 'poll_vote_veel', ts);
    await h.waitForCard(ts, '1 stem');
    const updatesBefore = h.fake.callsTo('chat.update').filter((c) => c.args.ts === ts).length;
    await h.click('U_OTHER', pollId, 'poll_close', ts, 'close-by-other');
    const reply = await h.fake.waitFor((c) => c.method === 'response_url' && c.path.endsWith('/close-by-other'));
    expect(reply.args.text).toContain('Alleen wie de peiling opende kan ze sluiten');
    expect(reply.args.response_type).toBe('ephemeral');
    expect(reply.args.replace_original).toBe(false);
    expect(h.fake.callsTo('chat.update').filter((c) => c.args.ts === ts).length).toBe(updatesBefore);

    await h.click('U_FACI', pollId, 'poll_close', ts);
    const closed = await h.waitForCard(ts, 'Temperatuurmeting afgesloten');
    const blocks = closed.args.blocks as { type: string }[];
    expect(blocks.some((b) => b.type === 'actions')).toBe(false);
    expect(textOf(blocks)).toContain('Temperatuur van het team: Veel enthousiasme');

    await h.click('U_B', pollId, 'poll_vote_weinig', ts, 'late-vote');
    const late = await h.fake.waitFor((c) => c.method === 'response_url' && c.path.endsWith('/late-vote'));
    expect(late.args.text).toContain('al gesloten');
  });

  it('shows voter names on a named poll', async () => {
    const { pollId, ts, call } = await h.openPoll('U_FACI', 'poll --met-namen');
    expect(textOf(call.args.blocks)).toContain('Met namen');
    await h.click('U_A', pollId, 'poll_vote_gemixt', ts);
    const card = await h.waitForCard(ts, '1 stem');
    expect(textOf(card.args.blocks)).toContain('testuser');
  });

  it('speaks English to a user whose Slack locale is English', async () => {
    h.fake.setUserLocale('U_ENGLISH', 'en-US');
    const { call } = await h.openPoll('U_ENGLISH');
    expect(textOf(call.args.blocks)).toContain('Much enthusiasm');
    expect(textOf(call.args.blocks)).toContain('How much enthusiasm does our team have');
  });

  it('answers /werktsamen help and hulp privately', async () => {
    const { slashCommandBody } = await import('../support/slack-signing.js');
    for (const word of ['help', 'hulp']) {
      await h.post(slashCommandBody({ text: word, userId: 'U_A', teamId: TEAM, channelId: CHANNEL, responseUrl: `${h.fake.responseUrlBase}/help-${word}` }));
      const reply = await h.fake.waitFor((c) => c.method === 'response_url' && c.path.endsWith(`/help-${word}`));
      expect(reply.args.response_type).toBe('ephemeral');
      expect(reply.args.text).toContain('poll [vraag]');
    }
  });

  it('posts into the thread when the bot is mentioned there, once even when Slack retries', async () => {
    const mention = appMentionEventBody({
      eventId: 'Ev0THREAD1',
      teamId: TEAM,
      channelId: CHANNEL,
      userId: 'U_FACI',
      text: '<@UBOT> poll Doen we mee?',
      ts: '1700000100.000200',
      threadTs: '1700000000.000100',
    });
    // Both requests get explicit, different timestamps: a retry signed in the same second as the
    // original would be an exact replay, which the receiver rightly refuses.
    const sentAt = Math.floor(Date.now() / 1000);
    expect((await h.post(mention, { timestamp: sentAt })).status).toBe(200);
    const posted = await h.fake.waitFor((c) => c.method === 'chat.postMessage' && c.args.thread_ts === '1700000000.000100');
    expect(textOf(posted.args.blocks)).toContain('Doen we mee?');
    // Slack's retry carries the same event_id with a new signature.
    expect((await h.post(mention, { extraHeaders: { 'X-Slack-Retry-Num': '1', 'X-Slack-Retry-Reason': 'http_timeout' }, timestamp: sentAt + 1 })).status).toBe(200);
    const marker = appMentionEventBody({ eventId: 'Ev0MARKER', teamId: TEAM, channelId: CHANNEL, userId: 'U_FACI', text: '<@UBOT> poll marker', ts: '1700000200.000300', threadTs: '1700000000.000999' });
    await h.post(marker);
    await h.fake.waitFor((c) => c.method === 'chat.postMessage' && c.args.thread_ts === '1700000000.000999');
    expect(h.fake.callsTo('chat.postMessage').filter((c) => c.args.thread_ts === '1700000000.000100')).toHaveLength(1);
  });

  it('tells the user privately when the bot is not in the channel', async () => {
    const { slashCommandBody } = await import('../support/slack-signing.js');
    h.fake.failNext('chat.postMessage', { ok: false, error: 'not_in_channel' });
    await h.post(slashCommandBody({ text: 'poll', userId: 'U_A', teamId: TEAM, channelId: 'C_OTHER', responseUrl: `${h.fake.responseUrlBase}/not-in` }));
    const reply = await h.fake.waitFor((c) => c.method === 'response_url' && c.path.endsWith('/not-in'));
    expect(reply.args.text).toContain('/invite @WerktSamen');
  });
});
