/**
 * Slack: hidden polls, polls that close themselves at their maximum age, the one workspace a
 * deployment serves, deleting a workspace's data on uninstall, and honest error messages.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dumpRedis } from '../support/redis-dump.js';
import { appMentionEventBody, blockActionsBody, slashCommandBody } from '../support/slack-signing.js';
import { CHANNEL, startSlackHarness, TEAM, type SlackHarness } from '../support/slack-harness.js';

let h: SlackHarness;
beforeAll(async () => {
  h = await startSlackHarness();
});
afterAll(async () => {
  await h?.close();
});

const text = (blocks: unknown): string => JSON.stringify(blocks);
let tag = 0;
const reply = (path: string) => h.fake.waitFor((c) => c.method === 'response_url' && c.path.endsWith(`/${path}`));

describe('Slack: hidden polls', () => {
  it('shows only the number of votes until the facilitator closes, then the counts', async () => {
    const { pollId, ts, call } = await h.openPoll('U_FACI', 'poll --verborgen Klein team?');
    expect(text(call.args.blocks)).toContain('Verborgen: de resultaten verschijnen pas als de peiling sluit.');
    await h.click('U_A', pollId, 'poll_vote_veel', ts);
    await h.click('U_B', pollId, 'poll_vote_weinig', ts);
    const open = await h.waitForCard(ts, '2 stemmen');
    expect(text(open.args.blocks)).not.toMatch(/\(\d+%\)|█/);
    expect((open.args.blocks as { type: string }[]).some((b) => b.type === 'actions')).toBe(true);
    await h.click('U_FACI', pollId, 'poll_close', ts);
    const closed = await h.waitForCard(ts, 'Temperatuurmeting afgesloten');
    expect(text(closed.args.blocks)).toContain('1 (50%)');
    expect(text(closed.args.blocks)).toContain('Temperatuur van het team: Gemixt enthousiasme');
  });
});

describe('Slack: every poll closes at its maximum age', () => {
  it('queues the close POLL_MAX_DAYS ahead, and the card shows the poll closed when it runs', async () => {
    const { pollId, ts } = await h.openPoll('U_FACI');
    await h.click('U_A', pollId, 'poll_vote_gemixt', ts);
    const job = (await h.app.queue.getDelayed()).find((j) => j.name === 'expire' && j.data.pollId === pollId)!;
    expect(job.opts.delay).toBe(30 * 24 * 3600_000);
    expect(job.data).toEqual({ platform: 'slack', tenant: TEAM, pollId });
    // The 30 days pass: the job runs now.
    await job.promote();
    const closed = await h.waitForCard(ts, 'Automatisch gesloten');
    expect(text(closed.args.blocks)).toContain('hoogstens 30 dagen');
    expect((closed.args.blocks as { type: string }[]).some((b) => b.type === 'actions')).toBe(false);
    await h.click('U_B', pollId, 'poll_vote_veel', ts, 'after-expiry');
    expect((await reply('after-expiry')).args.text).toContain('al gesloten');
  });
});

describe('Slack: one deployment serves one workspace', () => {
  it('refuses a signed command from another workspace privately and opens no poll', async () => {
    const before = h.fake.callsTo('chat.postMessage').length;
    const res = await h.post(slashCommandBody({ text: 'poll', userId: 'U_STRANGER', teamId: 'T0OTHER', channelId: CHANNEL, responseUrl: `${h.fake.responseUrlBase}/other-cmd` }));
    expect(res.status).toBe(200);
    expect(JSON.parse(res.text)).toMatchObject({ response_type: 'ephemeral', text: expect.stringContaining('andere werkruimte') });
    expect(h.fake.callsTo('chat.postMessage').length).toBe(before);
  });

  it('counts no vote and opens no poll from another workspace', async () => {
    const { pollId, ts } = await h.openPoll('U_FACI');
    const click = blockActionsBody({ actionId: 'poll_vote_veel', value: pollId, userId: 'U_STRANGER', teamId: 'T0OTHER', channelId: CHANNEL, messageTs: ts, responseUrl: `${h.fake.responseUrlBase}/other-vote` });
    expect((await h.post(click)).status).toBe(200);
    expect((await reply('other-vote')).args.text).toContain('andere werkruimte');
    const mention = appMentionEventBody({ eventId: 'Ev0OTHERTEAM', teamId: 'T0OTHER', channelId: CHANNEL, userId: 'U_STRANGER', text: '<@UBOT> poll', ts: '1700000300.000100' });
    expect((await h.post(mention)).status).toBe(200);
    // A real vote after both shows that neither counted or posted.
    await h.click('U_A', pollId, 'poll_vote_weinig', ts);
    const card = await h.waitForCard(ts, '1 stem');
    expect(text(card.args.blocks)).toContain('Weinig enthousiasme*\\n`██████████`  1 (100%)');
    expect(h.fake.calls.filter((c) => c.method === 'chat.postMessage' && c.args.channel === CHANNEL && text(c.args).includes('U_STRANGER'))).toEqual([]);
    expect(h.fake.callsTo('auth.test')).toHaveLength(1);
  });
});

describe('Slack: honest errors', () => {
  it('gives an unknown failure a reference that is also in the log, not a false "try again"', async () => {
    h.fake.failNext('chat.postMessage', { ok: false, error: 'fatal_error' });
    tag++;
    await h.post(slashCommandBody({ text: 'poll', userId: 'U_A', teamId: TEAM, channelId: CHANNEL, responseUrl: `${h.fake.responseUrlBase}/unknown-${tag}` }));
    const answer = String((await reply(`unknown-${tag}`)).args.text);
    const reference = /referentie ([0-9A-F]{8})/.exec(answer)?.[1];
    expect(answer).toContain('Er ging iets mis');
    expect(answer).not.toContain('even niet beschikbaar');
    const line = h.logs.entries().find((l) => l.reference === reference);
    expect(line).toMatchObject({ code: 'unexpected', platformCode: 'fatal_error', errorClass: 'WebAPIPlatformError', where: 'slack.command' });
  });

  it('tells the user when the workspace revoked the bot token', async () => {
    h.fake.failNext('chat.postMessage', { ok: false, error: 'token_revoked' });
    await h.post(slashCommandBody({ text: 'poll', userId: 'U_A', teamId: TEAM, channelId: CHANNEL, responseUrl: `${h.fake.responseUrlBase}/revoked` }));
    expect((await reply('revoked')).args.text).toContain('geen toegang meer');
  });

  it('stops updating a card whose message was deleted, without retrying', async () => {
    const { pollId, ts } = await h.openPoll('U_FACI');
    h.fake.failNext('chat.update', { ok: false, error: 'message_not_found' });
    await h.click('U_A', pollId, 'poll_vote_veel', ts);
    await h.fake.waitFor((c) => c.method === 'chat.update' && c.args.ts === ts);
    const stopped = await h.logs.waitFor((l) => l.code === 'card_gone');
    expect(stopped.msg).toBe('job stopped for good');
    expect(h.fake.calls.filter((c) => c.method === 'chat.update' && c.args.ts === ts)).toHaveLength(1);
  });
});

describe('Slack: uninstalling the app deletes the workspace\'s data', () => {
  it('deletes every key of the workspace and its queued jobs on app_uninstalled', async () => {
    await h.openPoll('U_FACI', 'poll --met-namen');
    const before = (await dumpRedis(h.redis.url)).filter((d) => d.key.startsWith(`ws:slack:${TEAM}:`));
    expect(before.length).toBeGreaterThan(5);
    const body = {
      token: 'legacy', team_id: TEAM, api_app_id: 'A0WERKTSAMEN', type: 'event_callback', event_id: 'Ev0UNINSTALL', event_time: 1,
      event: { type: 'app_uninstalled', event_ts: '1700000000.000001' },
    };
    expect((await h.post({ body: JSON.stringify(body), contentType: 'application/json' })).status).toBe(200);
    await h.logs.waitFor((l) => l.msg === 'workspace data deleted');
    const after = await dumpRedis(h.redis.url);
    expect(after.filter((d) => d.key.includes(TEAM) || d.value.includes(TEAM)).map((d) => d.key + ' ' + d.value.slice(0, 300))).toEqual([]);
  });
});
