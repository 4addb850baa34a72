/**
 * The Slack follow-up test kit: the product through the real Bolt app over signed HTTP, a real
 * Redis and the real BullMQ worker, against the fake Web API, on a clock the tests move. A file
 * calls useFollowUpKit() once; the exported bindings are live and filled before its tests run.
 */
import { Job, type Queue, type QueueEvents } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, expect } from 'vitest';
import { FollowUpSchema, type FollowUp } from '../../src/domain/follow-up.js';
import { nudgeJobId } from '../../src/jobs/scheduler.js';
import { collabKeys } from '../../src/store/keys.js';
import { assertBlockKit } from './block-kit-check.js';
import type { RecordedCall } from './fake-slack.js';
import { probeQueue, type QueueProbe } from './job-queue.js';
import { appMentionEventBody, blockActionsBody, slashCommandBody } from './slack-signing.js';
import { CHANNEL, startSlackHarness, TEAM, type SlackHarness } from './slack-harness.js';

/** Monday 30 November 2026, 8:00 in Brussels and Amsterdam (the fake's users.info zone). */
export const MONDAY_8 = Date.parse('2026-11-30T07:00:00Z');
let offsetMs = 0;
export const now = (): number => Date.now() + offsetMs;
/** Moves the product's clock to `at` (it keeps running from there). */
export const setClock = (at: number): void => {
  offsetMs = at - Date.now();
};

export let h: SlackHarness;
export let redis: Redis;
export let probe: QueueProbe;
export let queue: Queue;
export let events: QueueEvents;
export const scope = { platform: 'slack' as const, tenant: TEAM };

/** Starts the product with the kit's clock for the calling test file, and stops it after. */
export function useFollowUpKit(): void {
beforeAll(async () => {
  setClock(MONDAY_8);
  h = await startSlackHarness({ clock: { now } });
  redis = new Redis(h.redis.url);
  probe = await probeQueue(h.redis.url);
  ({ queue, events } = probe);
});
afterAll(async () => {
  await probe?.close();
  redis?.disconnect();
  await h?.close();
});
}

let n = 0;
export const json = (v: unknown): string => JSON.stringify(v) ?? '';
/** Requests are signed at the product's time, as Slack would sign them at that moment. */
export const signedAt = () => ({ timestamp: Math.floor(now() / 1000) });

export type Element = { type?: string; action_id?: string; value?: string; options?: { value: string; text: { text: string } }[] };
export type Block = { type: string; block_id?: string; text?: { text: string }; elements?: Element[]; accessory?: Element; element?: Record<string, unknown> };
export const blocksOf = (call: RecordedCall): Block[] => (call.args.blocks as Block[] | undefined) ?? [];
export const actionIds = (call: RecordedCall): string[] => blocksOf(call).flatMap((b) => (b.elements ?? []).map((e) => e.action_id ?? ''));
export const valid = (call: RecordedCall): RecordedCall => {
  if (call.args.blocks !== undefined) assertBlockKit({ text: String(call.args.text ?? ''), blocks: call.args.blocks as never });
  return call;
};
export const posted = (match: (c: RecordedCall) => boolean, since = 0) =>
  h.fake.waitFor((c) => c.method === 'chat.postMessage' && h.fake.calls.indexOf(c) >= since && match(c), 10_000).then(valid);
export const tsOf = (call: RecordedCall): string => String((call.response as { ts: string }).ts);
export const ephemeral = (userId: string, since: number) =>
  h.fake.waitFor((c) => c.method === 'chat.postEphemeral' && c.args.user === userId && h.fake.calls.indexOf(c) >= since, 10_000);
export const privateReply = (tag: string) => h.fake.waitFor((c) => c.method === 'response_url' && c.path.endsWith(`/${tag}`), 10_000);

export async function start(userId: string, title: string): Promise<{ collabId: string; rootTs: string }> {
  const since = h.fake.calls.length;
  const res = await h.post(slashCommandBody({ text: `start ${title}`, userId, teamId: TEAM, channelId: CHANNEL, responseUrl: `${h.fake.responseUrlBase}/fu-${++n}` }), signedAt());
  expect(res.status).toBe(200);
  const root = await posted((c) => c.args.channel === CHANNEL && c.args.thread_ts === undefined && json(c.args.blocks).includes(title), since);
  const edit = blocksOf(root).flatMap((b) => b.elements ?? []).find((e) => e.action_id === 'collab.edit');
  return { collabId: edit?.value ?? '', rootTs: tsOf(root) };
}

/** `@WerktSamen <text>` in a thread; resolves with the call index before it was sent. */
export async function mention(userId: string, text: string, threadTs: string): Promise<number> {
  const since = h.fake.calls.length;
  const id = ++n;
  const res = await h.post(
    appMentionEventBody({ eventId: `EvFu${id}`, teamId: TEAM, channelId: CHANNEL, userId, text: `<@UBOT> ${text}`, ts: `1700003${id}.000100`, threadTs }),
    signedAt(),
  );
  expect(res.status).toBe(200);
  return since;
}

/** Presses a button, or picks `selected` in a menu (an overflow, or a select); resolves with the reply tag. */
export async function click(userId: string, actionId: string, value: string, channelId: string, messageTs: string, selected?: string, menu: 'overflow' | 'static_select' = 'overflow'): Promise<string> {
  const tag = `fuclick-${++n}`;
  const body = blockActionsBody({ actionId, value, userId, teamId: TEAM, channelId, messageTs, responseUrl: `${h.fake.responseUrlBase}/${tag}` });
  if (selected !== undefined) {
    // A menu sends the chosen option instead of a value.
    const form = new URLSearchParams(body.body);
    const payload = JSON.parse(form.get('payload') ?? '{}') as { actions: Record<string, unknown>[] };
    payload.actions = payload.actions.map(({ value: _v, ...a }) => ({ ...a, type: menu, selected_option: { value: selected } }));
    form.set('payload', JSON.stringify(payload));
    body.body = form.toString();
  }
  const res = await h.post(body, signedAt());
  expect(res.status).toBe(200);
  return tag;
}

export async function items(collabId: string): Promise<FollowUp[]> {
  const all = await redis.hvals(collabKeys(scope, collabId).followUps);
  return all.map((raw) => FollowUpSchema.parse(JSON.parse(raw)));
}

/** The delayed job of an item's queued nudge. */
export async function queuedNudge(item: FollowUp): Promise<Job> {
  expect(item.next).toBeDefined();
  return probe.job(nudgeJobId(item.id, item.next!));
}

/** Moves the clock to the job's moment, lets it run now (BullMQ would wait in real time) and waits until the worker finished it. */
export async function fire(job: Job): Promise<unknown> {
  setClock((job.data as { at: number }).at);
  return probe.runNow(job);
}

export const dm = (userId: string, since: number) => posted((c) => c.args.channel === `D${userId}`, since);
