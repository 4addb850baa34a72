/**
 * The Teams follow-up test kit: the product through the real CloudAdapter, a real Redis and the
 * real BullMQ worker, against the fake connector (whose roster is Ann, Bart, Chloe, Dries, Els,
 * Fien and Gust). A file calls useTeamsFollowUpKit() once; the exported bindings are live and
 * filled before its tests run.
 */
import { Redis } from 'ioredis';
import { afterAll, beforeAll, expect } from 'vitest';
import { FollowUpSchema, type FollowUp } from '../../src/domain/follow-up.js';
import { nudgeJobId } from '../../src/jobs/scheduler.js';
import { collabKeys } from '../../src/store/keys.js';
import { assertAdaptiveCard } from './adaptive-card-validate.js';
import type { ConnectorCall } from './fake-connector.js';
import { probeQueue, type QueueProbe } from './job-queue.js';
import { activity, cardOf, CHANNEL_CONV, startTeamsHarness, TENANT, type TeamsHarness, type TeamsUser } from './teams-harness.js';

export let h: TeamsHarness;
export let redis: Redis;
export let probe: QueueProbe;
export const scope = { platform: 'teams' as const, tenant: TENANT };
export const json = (v: unknown): string => JSON.stringify(v);

/** Starts the product for the calling test file, and stops it after. */
export function useTeamsFollowUpKit(): void {
  beforeAll(async () => {
    h = await startTeamsHarness();
    redis = new Redis(h.redis.url);
    probe = await probeQueue(h.redis.url);
  });
  afterAll(async () => {
    await probe?.close();
    redis?.disconnect();
    await h?.close();
  });
}

const bot = { type: 'mention', text: '<at>WerktSamen</at>', mentioned: { id: '28:werktsamen-bot', name: 'WerktSamen' } };

/**
 * `@WerktSamen <text>` in a channel conversation, with extra mention entities; waits for the bot's
 * post containing `expected` and validates the card it carries.
 */
export async function say(from: TeamsUser, text: string, conversationId: string, expected: string, mentions: object[] = [], extra: Record<string, unknown> = {}): Promise<ConnectorCall> {
  const before = h.connector.calls.length;
  const res = await h.send(
    activity(from, h.connector.serviceUrl, {
      type: 'message',
      text: `<at>WerktSamen</at> ${text}`,
      entities: [bot, ...mentions],
      conversation: { id: conversationId, conversationType: 'channel', tenantId: TENANT, isGroup: true },
      ...extra,
    }),
  );
  expect(res.status).toBe(200);
  const call = await h.connector.waitFor((c) => c.method === 'POST' && h.connector.calls.indexOf(c) >= before && json(c.body).includes(expected));
  if (call.body.attachments) assertAdaptiveCard(cardOf(call));
  return call;
}

/** `from` starts a collaboration in the channel; its id and the thread its commands go to. */
export async function startCollab(from: TeamsUser, title: string): Promise<{ collabId: string; thread: string }> {
  const root = await say(from, `start ${title}`, CHANNEL_CONV, title);
  const collabId = (json(cardOf(root)).match(/"verb":"collab\.edit"[^}]*?"data":\{"v":"([^"]+)"/) ?? [])[1] ?? '';
  expect(collabId).not.toBe('');
  return { collabId, thread: `${CHANNEL_CONV};messageid=${root.responseId}` };
}

/** A collaboration's follow-ups as stored. */
export async function items(collabId: string): Promise<FollowUp[]> {
  return (await redis.hvals(collabKeys(scope, collabId).followUps)).map((raw) => FollowUpSchema.parse(JSON.parse(raw)));
}

/** Runs an item's queued nudge job now, through the worker's handler; resolves with its result. */
export async function fire(item: FollowUp): Promise<unknown> {
  return probe.runNow(await probe.job(nudgeJobId(item.id, item.next!)));
}
