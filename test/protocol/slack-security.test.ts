import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blockActionsBody, nowSeconds, sendRaw, signSlackRequest, slashCommandBody } from '../support/slack-signing.js';
import { CHANNEL, SIGNING_SECRET, startSlackHarness, TEAM, type SlackHarness } from '../support/slack-harness.js';

let h: SlackHarness;
let poll: { pollId: string; ts: string };
beforeAll(async () => {
  h = await startSlackHarness();
  poll = await h.openPoll('U_FACI');
});
afterAll(async () => {
  await h?.close();
});

const vote = (userId: string, responseTag: string) =>
  blockActionsBody({
    actionId: 'poll_vote_veel',
    value: poll.pollId,
    userId,
    teamId: TEAM,
    channelId: CHANNEL,
    messageTs: poll.ts,
    responseUrl: `${h.fake.responseUrlBase}/${responseTag}`,
  });

/** Sends a vote by `userId` that must count, and waits until the card shows `voters`. */
async function countedVote(userId: string, voters: string): Promise<void> {
  expect((await h.post(vote(userId, `ok-${userId}`))).status).toBe(200);
  await h.waitForCard(poll.ts, voters);
}

describe('Slack: forged, stale, future and replayed requests', () => {
  it('refuses a forged signature, a stale or future timestamp, and a replay, and counts none of them', async () => {
    await countedVote('U_REAL1', '1 stem');
    const forged = vote('U_FORGED', 'forged');
    const badHeaders = { 'Content-Type': forged.contentType, ...signSlackRequest('not-the-secret', forged.body) };
    expect((await sendRaw(h.url, forged.body, badHeaders)).status).toBe(401);

    const stale = vote('U_STALE', 'stale');
    expect((await h.post(stale, { timestamp: nowSeconds() - 6 * 60 })).status).toBe(401);

    const future = vote('U_FUTURE', 'future');
    expect((await h.post(future, { timestamp: nowSeconds() + 6 * 60 })).status).toBe(401);

    const unsigned = vote('U_UNSIGNED', 'unsigned');
    expect((await sendRaw(h.url, unsigned.body, { 'Content-Type': unsigned.contentType })).status).toBe(401);

    // An exact replay: same body, same timestamp, same signature.
    const original = vote('U_REPLAYED', 'replayed');
    const ts = nowSeconds();
    const headers = { 'Content-Type': original.contentType, ...signSlackRequest(SIGNING_SECRET, original.body, ts) };
    expect((await sendRaw(h.url, original.body, headers)).status).toBe(200);
    expect((await sendRaw(h.url, original.body, headers)).status).toBe(401);

    // A later real vote shows the exact tally: U_REAL1, U_REPLAYED (once) and U_REAL2.
    await countedVote('U_REAL2', '3 stemmen');
    const latest = h.fake.callsTo('chat.update').filter((c) => c.args.ts === poll.ts).at(-1)!;
    expect(JSON.stringify(latest.args.blocks)).toContain('3 (100%)');
    expect(h.fake.calls.some((c) => /forged|stale|future|unsigned/.test(c.path))).toBe(false);
  });
});

describe('Slack: malformed payloads never cause a 5xx and change no poll', () => {
  const signedRaw = (body: string, contentType: string) =>
    sendRaw(h.url, body, { 'Content-Type': contentType, ...signSlackRequest(SIGNING_SECRET, body) });

  it('answers 400 to garbage bodies', async () => {
    expect((await signedRaw('{not json', 'application/json')).status).toBe(400);
    expect((await signedRaw('payload=%7Bbroken', 'application/x-www-form-urlencoded')).status).toBe(400);
    expect((await signedRaw('hello', 'text/plain')).status).toBe(400);
    expect((await signedRaw('[1,2,3]', 'application/json')).status).toBe(400);
  });

  it('answers 413 to an oversized body and 405/404 to wrong methods and paths', async () => {
    const huge = 'text=' + 'x'.repeat(2 * 1024 * 1024);
    const res = await sendRaw(h.url, huge, { 'Content-Type': 'application/x-www-form-urlencoded' });
    expect(res.status).toBe(413);
    expect((await fetch(h.url)).status).toBe(405);
    expect((await fetch(h.url.replace('/slack/events', '/nope'))).status).toBe(404);
  });

  it('answers an unknown action, a wrong value type or a missing field with a polite private message', async () => {
    const cases: { tag: string; mutate: (p: Record<string, unknown>) => void }[] = [
      { tag: 'unknown-action', mutate: (p) => ((p.actions as Record<string, unknown>[])[0]!.action_id = 'launch_rockets') },
      { tag: 'bad-value', mutate: (p) => ((p.actions as Record<string, unknown>[])[0]!.value = 12345) },
      { tag: 'not-a-poll', mutate: (p) => ((p.actions as Record<string, unknown>[])[0]!.value = 'a'.repeat(64)) },
      { tag: 'no-team', mutate: (p) => { delete p.team; delete (p.user as Record<string, unknown>).team_id; } },
    ];
    for (const { tag, mutate } of cases) {
      const body = vote('U_MALFORMED', tag);
      const payload = JSON.parse(new URLSearchParams(body.body).get('payload')!) as Record<string, unknown>;
      mutate(payload);
      const raw = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
      const res = await signedRaw(raw, body.contentType);
      expect(res.status, tag).toBeLessThan(500);
      const reply = await h.fake.waitFor((c) => c.method === 'response_url' && c.path.endsWith(`/${tag}`));
      expect(reply.args.response_type).toBe('ephemeral');
      expect(String(reply.args.text), tag).toMatch(/niets veranderd|bestaat niet meer/);
    }
  });

  it('answers a slash command with missing fields privately and opens no poll', async () => {
    const before = h.fake.callsTo('chat.postMessage').length;
    const params = new URLSearchParams(slashCommandBody({ text: 'poll', userId: 'U_X', teamId: TEAM, channelId: CHANNEL, responseUrl: `${h.fake.responseUrlBase}/cmd-missing` }).body);
    params.delete('channel_id');
    const res = await signedRaw(params.toString(), 'application/x-www-form-urlencoded');
    expect(res.status).toBe(200);
    const reply = await h.fake.waitFor((c) => c.method === 'response_url' && c.path.endsWith('/cmd-missing'));
    expect(reply.args.text).toContain('niets veranderd');
    expect(h.fake.callsTo('chat.postMessage').length).toBe(before);
  });

  it('still counts votes exactly after all of that', async () => {
    const { Redis } = await import('ioredis');
    const client = new Redis(h.redis.url);
    const counts = await client.hgetall(`ws:slack:${TEAM}:poll:{slack:${TEAM}:${poll.pollId}}:counts`);
    client.disconnect();
    expect(counts).toEqual({ veel: '3' });
  });
});
