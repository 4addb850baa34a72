import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateAdaptiveCard } from '../support/adaptive-card-validate.js';
import { cardOf, startTeamsHarness, user, type TeamsHarness } from '../support/teams-harness.js';

let h: TeamsHarness;
beforeAll(async () => {
  h = await startTeamsHarness();
});
afterAll(async () => {
  await h?.close();
});

const facilitator = user('Fien');

describe('Teams: the temperature poll through the CloudAdapter', () => {
  it('posts the poll as an Adaptive Card with Action.Execute buttons when mentioned with poll', async () => {
    const { call, pollId } = await h.mention(facilitator, 'poll');
    const card = cardOf(call) as { actions: { type: string; title: string; verb: string }[] };
    expect(validateAdaptiveCard(card)).toEqual([]);
    expect(card.actions.map((a) => [a.type, a.title])).toEqual([
      ['Action.Execute', 'Veel enthousiasme'],
      ['Action.Execute', 'Gemixt enthousiasme'],
      ['Action.Execute', 'Weinig enthousiasme'],
      ['Action.Execute', 'Peiling sluiten'],
    ]);
    expect(JSON.stringify(card)).toContain('Hoeveel enthousiasme is er in ons team voor deze samenwerking?');
    expect(pollId).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(call.conversationId).toBe('19:samenwerking@thread.tacv2');
  });

  it("returns the voter's own vote at once and updates the shared card without names", async () => {
    const { pollId, activityId } = await h.mention(facilitator, 'poll Doen we mee?');
    const first = await h.invoke(user('An'), 'vote', { pollId, choice: 'veel' });
    expect(first.status).toBe(200);
    expect(validateAdaptiveCard(first.card)).toEqual([]);
    expect(JSON.stringify(first.card)).toContain('Jouw stem: Veel enthousiasme');
    expect(JSON.stringify(first.card)).toContain('1 stem');
    await h.invoke(user('Bram'), 'vote', { pollId, choice: 'gemixt' });
    await h.invoke(user('An'), 'vote', { pollId, choice: 'veel' });
    const changed = await h.invoke(user('Bram'), 'vote', { pollId, choice: 'weinig' });
    expect(JSON.stringify(changed.card)).toContain('Jouw stem: Weinig enthousiasme');
    const shared = await h.waitForUpdate(activityId, '2 stemmen');
    const sharedCard = cardOf(shared);
    expect(validateAdaptiveCard(sharedCard)).toEqual([]);
    expect(JSON.stringify(sharedCard)).not.toContain('Jouw stem');
    expect(JSON.stringify(sharedCard)).not.toContain('Bram');
    expect(JSON.stringify(sharedCard)).toContain('1 (50%)');

    // The store keeps no voter id in the clear.
    const { Redis } = await import('ioredis');
    const client = new Redis(h.redis.url);
    const dump: string[] = [];
    for (const key of await client.keys('*')) {
      const type = await client.type(key);
      if (type === 'hash') dump.push(key, JSON.stringify(await client.hgetall(key)));
      if (type === 'string') dump.push(key, String(await client.get(key)));
    }
    client.disconnect();
    expect(dump.join('\n')).not.toMatch(/aad-An|29:An|aad-Bram|29:Bram/);
  });

  it('lets only the facilitator close the poll; others get a private notice and nothing changes', async () => {
    const { pollId, activityId } = await h.mention(facilitator, 'poll');
    await h.invoke(user('An'), 'vote', { pollId, choice: 'veel' });
    const denied = await h.invoke(user('An'), 'close', { pollId });
    expect(denied.status).toBe(200);
    expect(JSON.stringify(denied.card)).toContain('Alleen wie de peiling opende kan ze sluiten');
    expect((denied.card.actions as unknown[]).length).toBe(4);

    const closed = await h.invoke(facilitator, 'close', { pollId });
    expect(JSON.stringify(closed.card)).toContain('Temperatuur van het team: Veel enthousiasme');
    expect(closed.card.actions).toEqual([]);
    const shared = await h.waitForUpdate(activityId, 'Temperatuurmeting afgesloten');
    expect(cardOf(shared).actions).toEqual([]);

    const late = await h.invoke(user('Bram'), 'vote', { pollId, choice: 'weinig' });
    expect(JSON.stringify(late.card)).toContain('al gesloten');
  });

  it('shows names on a named poll', async () => {
    const { pollId } = await h.mention(facilitator, 'poll --met-namen');
    const res = await h.invoke(user('Chloé'), 'vote', { pollId, choice: 'gemixt' });
    expect(JSON.stringify(res.card)).toContain('Chloé');
  });

  it('speaks English when the activity locale is English', async () => {
    const { call, pollId } = await h.mention(facilitator, 'poll', 'en-US');
    expect(JSON.stringify(cardOf(call))).toContain('Much enthusiasm');
    const res = await h.invoke(user('Dan'), 'vote', { pollId, choice: 'weinig' }, 'en-US');
    expect(JSON.stringify(res.card)).toContain('Your vote: Little enthusiasm');
  });

  it('answers help and hulp with the command list', async () => {
    for (const word of ['help', 'hulp']) {
      const before = h.connector.calls.length;
      await h.send({
        ...(await import('../support/teams-harness.js')).activity(facilitator, h.connector.serviceUrl, { type: 'message', text: word }),
        conversation: { id: 'a:personal-chat', conversationType: 'personal', tenantId: 'tenant-0001' },
      });
      const reply = await h.connector.waitFor((c) => h.connector.calls.indexOf(c) >= before && c.method === 'POST');
      expect(String(reply.body.text)).toContain('poll [vraag]');
    }
  });
});
