/**
 * Slack: a command that reaches a collaboration in the moment between its root card being posted
 * and its thread being stored gets an honest "try again", not "it no longer exists".
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appMentionEventBody, slashCommandBody } from '../support/slack-signing.js';
import { CHANNEL, startSlackHarness, TEAM, type SlackHarness } from '../support/slack-harness.js';

let h: SlackHarness;
beforeAll(async () => {
  h = await startSlackHarness();
});
afterAll(async () => {
  await h?.close();
});

const mention = (text: string, id: string) =>
  h.post(appMentionEventBody({ eventId: id, teamId: TEAM, channelId: CHANNEL, userId: 'U_FACI', text: `<@UBOT> ${text}`, ts: '1700000100.000100' }));

describe('Slack: a collaboration that is still starting', () => {
  it('asks to try again while its root card is on its way, and works right after', async () => {
    let during: unknown;
    h.fake.beforeReply('chat.postMessage', async () => {
      // Slack has the card, the app has not heard back yet: its thread is not stored.
      await mention('stap 1', 'EvDuringStart');
      during = await h.fake.waitFor((c) => c.method === 'chat.postEphemeral');
    });
    await h.post(slashCommandBody({ text: 'start Buurtschool', userId: 'U_FACI', teamId: TEAM, channelId: CHANNEL, responseUrl: `${h.fake.responseUrlBase}/start` }));
    const root = await h.fake.waitFor((c) => c.method === 'chat.postMessage' && JSON.stringify(c.args.blocks ?? '').includes('Buurtschool'));
    await h.fake.waitFor((c) => c.method === 'chat.postEphemeral');
    expect(String((during as { args: { text: string } }).args.text)).toContain('Deze samenwerking start nog');
    expect(String((during as { args: { text: string } }).args.text)).not.toContain('bestaat niet meer');
    await mention('stap 1', 'EvAfterStart');
    const step = await h.fake.waitFor((c) => c.method === 'chat.postMessage' && c.args.thread_ts !== undefined && JSON.stringify(c.args.blocks ?? '').includes('Verken het idee'));
    expect(step.args.thread_ts).toBe((root.response as { ts: string }).ts);
  });
});
