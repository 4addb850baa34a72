import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitHealthy } from '../support/health.js';
import { activity, startTeamsHarness, user, type TeamsHarness } from '../support/teams-harness.js';

const message = (h: TeamsHarness) =>
  activity(user('Eva'), h.connector.serviceUrl, { type: 'message', text: '<at>WerktSamen</at> poll', entities: [] });

describe('Teams: authentication', () => {
  let h: TeamsHarness;
  beforeAll(async () => {
    h = await startTeamsHarness({ MICROSOFT_APP_ID: '00000000-0000-0000-0000-000000000001', MICROSOFT_APP_PASSWORD: 'not-a-real-secret' });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('answers 401 to a request without a valid Bot Framework token, and posts nothing', async () => {
    expect((await h.send(message(h))).status).toBe(401);
    expect((await h.send(message(h), { authorization: 'Bearer not.a.jwt' })).status).toBe(401);
    expect((await h.send(message(h), { authorization: 'Basic abc' })).status).toBe(401);
    expect(h.connector.calls).toEqual([]);
  });
});

describe('Teams: no credentials and no local mode', () => {
  let h: TeamsHarness;
  beforeAll(async () => {
    h = await startTeamsHarness({});
  });
  afterAll(async () => {
    await h?.close();
  });

  it('refuses every request, so a deploy that forgot its credentials is never open', async () => {
    expect((await h.send(message(h))).status).toBe(401);
    expect(h.connector.calls).toEqual([]);
  });
});

describe('Teams: malformed payloads and Redis outages (local mode)', () => {
  let h: TeamsHarness;
  beforeAll(async () => {
    h = await startTeamsHarness({ TEAMS_LOCAL_MODE: 'true' }, { persist: true });
  });
  afterAll(async () => {
    await h?.close();
  });

  const raw = async (body: string) => (await fetch(h.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body })).status;

  it('answers 4xx to garbage bodies and activities without a type', async () => {
    expect(await raw('{nope')).toBe(400);
    expect(await raw('[]')).toBe(400);
    expect(await raw('"text"')).toBe(400);
    expect(await raw(JSON.stringify({ text: 'poll' }))).toBe(400);
    expect(await raw(JSON.stringify({ type: 42 }))).toBeLessThan(500);
    expect((await fetch(h.url)).status).toBeLessThan(500);
  });

  it('answers bad card actions with a polite card and changes no poll', async () => {
    const { pollId } = await h.mention(user('Fien'), 'poll');
    const cases: Record<string, unknown>[] = [
      { pollId, choice: 'heel-veel' },
      { pollId: 12, choice: 'veel' },
      { pollId: 'x'.repeat(5000), choice: 'veel' },
      {},
    ];
    for (const data of cases) {
      const res = await h.invoke(user('Gert'), 'vote', data);
      expect(res.status).toBe(200);
      expect(JSON.stringify(res.card)).toMatch(/niets veranderd/);
    }
    const unknownVerb = await h.invoke(user('Gert'), 'launch', { pollId });
    expect(JSON.stringify(unknownVerb.card)).toContain('niets veranderd');
    const missingPoll = await h.invoke(user('Gert'), 'vote', { pollId: 'AAAAAAAAAAAAAAAA', choice: 'veel' });
    expect(JSON.stringify(missingPoll.card)).toContain('bestaat niet meer');
    const notExecute = await h.send(activity(user('Gert'), h.connector.serviceUrl, { type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Submit' } } }));
    // botbuilder itself refuses an adaptiveCard/action that is not Action.Execute with a 400.
    expect(notExecute.status).toBe(400);
    const counted = await h.invoke(user('Gert'), 'vote', { pollId, choice: 'veel' });
    expect(JSON.stringify(counted.card)).toContain('1 stem');
  });

  it('tells the voter to try again while Redis is down and counts the vote once it is back', async () => {
    const { pollId } = await h.mention(user('Fien'), 'poll');
    const before = await h.invoke(user('Hanne'), 'vote', { pollId, choice: 'weinig' });
    expect(JSON.stringify(before.card)).toContain('1 stem');
    await h.redis.halt();
    const during = await h.invoke(user('Ilse'), 'vote', { pollId, choice: 'veel' });
    expect(during.status).toBe(200);
    expect(JSON.stringify(during.card)).toContain('even niet beschikbaar, probeer opnieuw');
    await h.redis.restart();
    await waitHealthy(h.url);
    const after = await h.invoke(user('Ilse'), 'vote', { pollId, choice: 'veel' });
    expect(JSON.stringify(after.card)).toContain('2 stemmen');
  });
});
