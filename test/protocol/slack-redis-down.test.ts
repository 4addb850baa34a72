import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { healthUrl, waitHealthy } from '../support/health.js';
import { CHANNEL, startSlackHarness, TEAM, type SlackHarness } from '../support/slack-harness.js';
import { slashCommandBody, viewSubmissionBody } from '../support/slack-signing.js';

let h: SlackHarness;
beforeAll(async () => {
  h = await startSlackHarness({ persist: true });
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
