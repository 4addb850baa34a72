/**
 * Teams: who may talk to the bot (Teams only, allowed tenants, this machine in local mode),
 * conversation references that go when the app is removed, hidden polls, and connector errors
 * that are mapped instead of retried or hidden.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conversationKey, teamConversationsKey } from '../../src/store/keys.js';
import { dumpRedis } from '../support/redis-dump.js';
import { activity, CHANNEL_CONV, startTeamsHarness, TENANT, user, type TeamsHarness } from '../support/teams-harness.js';

const facilitator = user('Fien');
const scope = { platform: 'teams' as const, tenant: TENANT };
const TEAM_ID = '19:team@thread.tacv2';

const mentionPoll = (h: TeamsHarness, over: Record<string, unknown> = {}) => ({
  ...activity(facilitator, h.connector.serviceUrl, { type: 'message', text: '<at>WerktSamen</at> poll', entities: [] }),
  ...over,
});

describe('Teams: identity at the edge (local mode, one allowed tenant)', () => {
  let h: TeamsHarness;
  beforeAll(async () => {
    h = await startTeamsHarness({ TEAMS_LOCAL_MODE: 'true', TEAMS_ALLOWED_TENANTS: `${TENANT}, other-allowed` });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('refuses activities from another channel, another tenant, without a tenant, or with a service URL elsewhere, and sends nothing', async () => {
    const cases: [string, Record<string, unknown>][] = [
      ['webchat', { channelId: 'webchat' }],
      ['no channel', { channelId: undefined }],
      ['other tenant', { conversation: { id: CHANNEL_CONV, conversationType: 'channel', tenantId: 'evil-tenant' } }],
      ['no tenant', { conversation: { id: CHANNEL_CONV, conversationType: 'channel' } }],
      ['service url elsewhere', { serviceUrl: 'https://smba.trafficmanager.net/emea/' }],
    ];
    for (const [name, over] of cases) {
      const res = await h.send(mentionPoll(h, over));
      expect(res.status, name).toBe(403);
    }
    expect(h.connector.calls).toEqual([]);
    expect(h.logs.entries().filter((l) => l.where === 'teams.identity').map((l) => l.reason)).toEqual(['channel', 'channel', 'tenant', 'tenant', 'service_url']);
    // The same activity from the allowed tenant works.
    const { pollId } = await h.mention(facilitator, 'poll');
    expect(pollId).toMatch(/^[A-Za-z0-9_-]{16}$/);
  });

  it('listens on loopback only in local mode, whatever HOST says', async () => {
    expect((h.app.server!.address() as { address: string }).address).toBe('127.0.0.1');
  });
});

describe('Teams: references go when the app is removed', () => {
  let h: TeamsHarness;
  beforeAll(async () => {
    h = await startTeamsHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  const keys = async () => (await dumpRedis(h.redis.url)).map((d) => d.key);

  it('stores a chat\'s reference without the person who added the app, and deletes it on uninstall', async () => {
    const chat = { id: '19:groupchat@thread.v2', conversationType: 'groupChat', tenantId: TENANT, isGroup: true, name: 'Chat met Fien en An' };
    await h.send({ ...activity(facilitator, h.connector.serviceUrl, { type: 'installationUpdate', action: 'add' }), conversation: chat, channelData: { tenant: { id: TENANT } } });
    const key = conversationKey(scope, chat.id);
    const stored = (await dumpRedis(h.redis.url)).find((d) => d.key === key)!;
    expect(stored.pttl).toBeGreaterThan(300 * 24 * 3600_000);
    const reference = JSON.parse(JSON.parse(stored.value) as string) as Record<string, unknown>;
    expect(reference).toMatchObject({ channelId: 'msteams', conversation: { id: chat.id, tenantId: TENANT }, bot: { id: '28:werktsamen-bot' } });
    expect(reference.user).toBeUndefined();
    expect(stored.value).not.toMatch(/Fien|aad-Fien|29:Fien|Chat met/);

    await h.send({ ...activity(facilitator, h.connector.serviceUrl, { type: 'installationUpdate', action: 'remove' }), conversation: chat, channelData: { tenant: { id: TENANT } } });
    expect(await keys()).not.toContain(key);
  });

  it('deletes the references of every channel of a team when the bot is removed from the team', async () => {
    const general: Record<string, unknown> = { ...activity(facilitator, h.connector.serviceUrl, { type: 'conversationUpdate', membersAdded: [{ id: '28:werktsamen-bot' }] }), conversation: { id: TEAM_ID, conversationType: 'channel', tenantId: TENANT } };
    await h.send(general);
    expect((await h.send(activity(facilitator, h.connector.serviceUrl, { type: 'message', text: '<at>WerktSamen</at> help', entities: [] }))).status).toBe(200);
    const channelKeys = [conversationKey(scope, TEAM_ID), conversationKey(scope, CHANNEL_CONV)];
    for (const k of channelKeys) expect(await keys()).toContain(k);
    expect(await keys()).toContain(teamConversationsKey(scope, TEAM_ID));

    const removed = { ...general, membersRemoved: [{ id: '28:werktsamen-bot' }], membersAdded: undefined, channelData: { ...(general.channelData as object), eventType: 'teamMemberRemoved' } };
    expect((await h.send(removed)).status).toBe(200);
    const left = await keys();
    for (const k of [...channelKeys, teamConversationsKey(scope, TEAM_ID)]) expect(left).not.toContain(k);
  });
});

describe('Teams: hidden polls and connector errors', () => {
  let h: TeamsHarness;
  beforeAll(async () => {
    h = await startTeamsHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('shows the voter their own vote but no counts on a hidden poll until it closes', async () => {
    const { pollId, activityId, call } = await h.mention(facilitator, 'poll --hidden');
    expect(JSON.stringify(call.body)).toContain('Verborgen');
    const voted = await h.invoke(user('An'), 'vote', { pollId, choice: 'weinig' });
    expect(JSON.stringify(voted.card)).toContain('Jouw stem: Weinig enthousiasme');
    expect(JSON.stringify(voted.card)).not.toMatch(/\(\d+%\)|█/);
    const shared = await h.waitForUpdate(activityId, '1 stem');
    expect(JSON.stringify(shared.body)).not.toMatch(/\(\d+%\)|█/);
    const closed = await h.invoke(facilitator, 'close', { pollId });
    expect(JSON.stringify(closed.card)).toContain('1 (100%)');
  });

  it('stops refreshing a card Teams refuses (403) instead of retrying, and says why in the log', async () => {
    const { pollId, activityId } = await h.mention(facilitator, 'poll');
    h.connector.failNext('PUT', 403, 'BotNotInConversationRoster');
    await h.invoke(user('Bram'), 'vote', { pollId, choice: 'veel' });
    const stopped = await h.logs.waitFor((l) => l.msg === 'job stopped for good');
    expect(stopped.code).toBe('app_not_authorized');
    expect(h.connector.calls.filter((c) => c.method === 'PUT' && c.activityId === activityId)).toHaveLength(1);
  });

  it('answers a post that failed for an unforeseen reason with a reference that is also in the log', async () => {
    h.connector.failNext('POST', 400, 'BadSyntax');
    const before = h.connector.calls.length;
    await h.send(mentionPoll(h));
    const answer = await h.connector.waitFor((c) => h.connector.calls.indexOf(c) >= before && c.method === 'POST' && typeof c.body.text === 'string');
    expect(String(answer.body.text)).toMatch(/Er ging iets mis \(referentie [0-9A-F]{8}\)/);
    const reference = /referentie ([0-9A-F]{8})/.exec(String(answer.body.text))![1];
    expect(h.logs.entries().find((l) => l.reference === reference)).toMatchObject({ code: 'unexpected', platformCode: '400:BadSyntax', where: 'teams.message' });
  });
});
