import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { healthUrl, waitHealthy } from '../support/health.js';
import { CHANNEL, startSlackHarness, TEAM, type SlackHarness } from '../support/slack-harness.js';
import { slashCommandBody, viewSubmissionBody } from '../support/slack-signing.js';

let h: SlackHarness;
// Moved forward by a test to reach past the grace a starting collaboration gets.
let offsetMs = 0;
beforeAll(async () => {
  h = await startSlackHarness({ persist: true, clock: { now: () => Date.now() + offsetMs } });
});
afterAll(async () => {
  await h?.close();
});

const health = async (): Promise<number> => (await fetch(healthUrl(h.url))).status;

describe('Slack: Redis unreachable', () => {
  it('tells the voter privately to try again, keeps running, and recovers without losing acknowledged votes', async () => {
    const { pollId, ts } = await h.openPoll('U_FACI');
    expect((await h.click('U_BEFORE', pollId, 'poll_vote_veel', ts)).status).toBe(200);
    await h.waitForCard(ts, '1 stem');
    expect(await health()).toBe(200);

    await h.redis.halt();
    expect(await health()).toBe(503);
    const res = await h.click('U_DURING', pollId, 'poll_vote_weinig', ts, 'during-outage');
    expect(res.status).toBe(200);
    const reply = await h.fake.waitFor((c) => c.method === 'response_url' && c.path.endsWith('/during-outage'));
    expect(reply.args.response_type).toBe('ephemeral');
    expect(reply.args.text).toContain('even niet beschikbaar, probeer opnieuw');

    await h.redis.restart();
    await waitHealthy(h.url);
    expect((await h.click('U_DURING', pollId, 'poll_vote_weinig', ts)).status).toBe(200);
    const card = await h.waitForCard(ts, '2 stemmen');
    const text = JSON.stringify(card.args.blocks);
    expect(text).toContain('Veel enthousiasme*\\n`█████░░░░░`  1 (50%)');
    expect(text).toContain('Weinig enthousiasme*\\n`█████░░░░░`  1 (50%)');
  });
});

describe('Slack: Redis unreachable during a collaboration', () => {
  it('starts nothing and loses no answer: the caller is told privately, the modal shows the problem, and it works again after', async () => {
    const before = h.fake.callsTo('chat.postMessage').length;
    await h.post(slashCommandBody({ text: 'start Taalbad', userId: 'U_FACI', teamId: TEAM, channelId: CHANNEL, responseUrl: `${h.fake.responseUrlBase}/start-ok` }));
    const root = await h.fake.waitFor((c) => c.method === 'chat.postMessage' && JSON.stringify(c.args.blocks ?? '').includes('Taalbad'));
    const collabId = (root.args.blocks as { elements?: { action_id?: string; value?: string }[] }[])
      .flatMap((b) => b.elements ?? [])
      .find((e) => e.action_id === 'collab.edit')!.value!;
    expect(h.fake.callsTo('chat.postMessage').length).toBe(before + 1);

    await h.redis.halt();
    await h.post(slashCommandBody({ text: 'start Zomerschool', userId: 'U_FACI', teamId: TEAM, channelId: CHANNEL, responseUrl: `${h.fake.responseUrlBase}/start-down` }));
    const refused = await h.fake.waitFor((c) => c.method === 'response_url' && c.path.endsWith('/start-down'));
    expect(refused.args.text).toContain('even niet beschikbaar, probeer opnieuw');
    const submit = () =>
      h.post(
        viewSubmissionBody({
          callbackId: 'step.answers',
          privateMetadata: JSON.stringify({ c: collabId, s: 1 }),
          values: { waarom: { type: 'plain_text_input', value: 'Meer kinderen spreken thuis geen Nederlands.' } },
          userId: 'U_LID1',
          teamId: TEAM,
        }),
      );
    const during = await submit();
    expect(during.status).toBe(200);
    expect(during.text).toContain('response_action');
    expect(during.text).toContain('even niet beschikbaar');

    await h.redis.restart();
    await waitHealthy(h.url);
    expect(JSON.stringify(h.fake.callsTo('chat.postMessage').map((c) => c.args.blocks))).not.toContain('Zomerschool');
    const after = await submit();
    expect(after.text).toBe('');
  });
});

describe('Slack: Redis goes away while a collaboration starts', () => {
  it('replaces the posted root card by a notice without buttons, and tells the starter privately', async () => {
    h.fake.beforeReply('chat.postMessage', () => h.redis.halt());
    await h.post(slashCommandBody({ text: 'start Verloren kaart', userId: 'U_FACI', teamId: TEAM, channelId: CHANNEL, responseUrl: `${h.fake.responseUrlBase}/lost-root` }));
    const posted = await h.fake.waitFor((c) => c.method === 'chat.postMessage' && JSON.stringify(c.args.blocks ?? '').includes('Verloren kaart'));
    const ts = String((posted.response as { ts: string }).ts);
    const notice = await h.fake.waitFor((c) => c.method === 'chat.update' && c.args.ts === ts);
    expect(JSON.stringify(notice.args.blocks)).toContain('Deze samenwerking kon niet starten');
    expect((notice.args.blocks as { type: string }[]).some((b) => b.type === 'actions')).toBe(false);
    const reply = await h.fake.waitFor((c) => c.method === 'response_url' && c.path.endsWith('/lost-root'));
    expect(reply.args.text).toContain('even niet beschikbaar');
    await h.redis.restart();
    await waitHealthy(h.url);
    // The half-started collaboration survived in Redis; once its grace is over, it is not offered anywhere.
    offsetMs = 2 * 60_000;
    await h.post(slashCommandBody({ text: 'overzicht', userId: 'U_FACI', teamId: TEAM, channelId: CHANNEL, responseUrl: `${h.fake.responseUrlBase}/list-after` }));
    const list = await h.fake.waitFor((c) => c.method === 'response_url' && c.path.endsWith('/list-after'));
    expect(JSON.stringify(list.args.blocks)).toContain('Taalbad');
    expect(JSON.stringify(list.args.blocks)).not.toContain('Verloren kaart');
    offsetMs = 0;
  });
});
