import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { healthUrl, waitHealthy } from '../support/health.js';
import { startSlackHarness, type SlackHarness } from '../support/slack-harness.js';

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
