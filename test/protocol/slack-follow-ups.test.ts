/**
 * Slack: follow-ups (opvolgpunten) through the real Bolt app over signed HTTP, a real Redis and the
 * real BullMQ worker, against the fake Web API. The product's clock is set to a known Monday; a
 * nudge fires when the test moves that clock to the nudge's moment and promotes its delayed job
 * (BullMQ waits in real time), so nothing here sleeps.
 */
import { Job, Queue, QueueEvents } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FollowUpSchema, type FollowUp } from '../../src/domain/follow-up.js';
import { JOB_QUEUE, QUEUE_PREFIX, nudgeJobId } from '../../src/jobs/scheduler.js';
import { collabKeys } from '../../src/store/keys.js';
import { assertBlockKit } from '../support/block-kit-check.js';
import type { RecordedCall } from '../support/fake-slack.js';
import { appMentionEventBody, blockActionsBody, slashCommandBody, viewSubmissionBody } from '../support/slack-signing.js';
import { CHANNEL, startSlackHarness, TEAM, type SlackHarness } from '../support/slack-harness.js';

/** Monday 30 November 2026, 8:00 in Brussels and Amsterdam (the fake's users.info zone). */
const MONDAY_8 = Date.parse('2026-11-30T07:00:00Z');
let offsetMs = 0;
const now = (): number => Date.now() + offsetMs;
/** Moves the product's clock to `at` (it keeps running from there). */
const setClock = (at: number): void => {
  offsetMs = at - Date.now();
};

let h: SlackHarness;
let redis: Redis;
let queue: Queue;
let events: QueueEvents;
const scope = { platform: 'slack' as const, tenant: TEAM };

beforeAll(async () => {
  setClock(MONDAY_8);
  h = await startSlackHarness({ clock: { now } });
  redis = new Redis(h.redis.url);
  queue = new Queue(JOB_QUEUE, { connection: new Redis(h.redis.url, { maxRetriesPerRequest: null }), prefix: QUEUE_PREFIX });
  events = new QueueEvents(JOB_QUEUE, { connection: new Redis(h.redis.url, { maxRetriesPerRequest: null }), prefix: QUEUE_PREFIX });
  await events.waitUntilReady();
});
afterAll(async () => {
  await events?.close();
  await queue?.close();
  redis?.disconnect();
  await h?.close();
});

let n = 0;
const json = (v: unknown): string => JSON.stringify(v) ?? '';
/** Requests are signed at the product's time, as Slack would sign them at that moment. */
const signedAt = () => ({ timestamp: Math.floor(now() / 1000) });

type Element = { type?: string; action_id?: string; value?: string; options?: { value: string }[] };
type Block = { type: string; text?: { text: string }; elements?: Element[]; accessory?: Element };
const blocksOf = (call: RecordedCall): Block[] => (call.args.blocks as Block[] | undefined) ?? [];
const actionIds = (call: RecordedCall): string[] => blocksOf(call).flatMap((b) => (b.elements ?? []).map((e) => e.action_id ?? ''));
const valid = (call: RecordedCall): RecordedCall => {
  if (call.args.blocks !== undefined) assertBlockKit({ text: String(call.args.text ?? ''), blocks: call.args.blocks as never });
  return call;
};
const posted = (match: (c: RecordedCall) => boolean, since = 0) =>
  h.fake.waitFor((c) => c.method === 'chat.postMessage' && h.fake.calls.indexOf(c) >= since && match(c), 10_000).then(valid);
const tsOf = (call: RecordedCall): string => String((call.response as { ts: string }).ts);
const ephemeral = (userId: string, since: number) =>
  h.fake.waitFor((c) => c.method === 'chat.postEphemeral' && c.args.user === userId && h.fake.calls.indexOf(c) >= since, 10_000);
const privateReply = (tag: string) => h.fake.waitFor((c) => c.method === 'response_url' && c.path.endsWith(`/${tag}`), 10_000);

async function start(userId: string, title: string): Promise<{ collabId: string; rootTs: string }> {
  const since = h.fake.calls.length;
  const res = await h.post(slashCommandBody({ text: `start ${title}`, userId, teamId: TEAM, channelId: CHANNEL, responseUrl: `${h.fake.responseUrlBase}/fu-${++n}` }), signedAt());
  expect(res.status).toBe(200);
  const root = await posted((c) => c.args.channel === CHANNEL && c.args.thread_ts === undefined && json(c.args.blocks).includes(title), since);
  const edit = blocksOf(root).flatMap((b) => b.elements ?? []).find((e) => e.action_id === 'collab.edit');
  return { collabId: edit?.value ?? '', rootTs: tsOf(root) };
}

/** `@WerktSamen <text>` in a thread; resolves with the call index before it was sent. */
async function mention(userId: string, text: string, threadTs: string): Promise<number> {
  const since = h.fake.calls.length;
  const id = ++n;
  const res = await h.post(
    appMentionEventBody({ eventId: `EvFu${id}`, teamId: TEAM, channelId: CHANNEL, userId, text: `<@UBOT> ${text}`, ts: `1700003${id}.000100`, threadTs }),
    signedAt(),
  );
  expect(res.status).toBe(200);
  return since;
}

async function click(userId: string, actionId: string, value: string, channelId: string, messageTs: string, selected?: string): Promise<string> {
  const tag = `fuclick-${++n}`;
  const body = blockActionsBody({ actionId, value, userId, teamId: TEAM, channelId, messageTs, responseUrl: `${h.fake.responseUrlBase}/${tag}` });
  if (selected !== undefined) {
    // An overflow menu sends the chosen option instead of a value.
    const payload = JSON.parse(body.payload) as { actions: Record<string, unknown>[] };
    payload.actions = payload.actions.map(({ value: _v, ...a }) => ({ ...a, type: 'overflow', selected_option: { value: selected } }));
    body.payload = JSON.stringify(payload);
  }
  const res = await h.post(body, signedAt());
  expect(res.status).toBe(200);
  return tag;
}

async function items(collabId: string): Promise<FollowUp[]> {
  const all = await redis.hvals(collabKeys(scope, collabId).followUps);
  return all.map((raw) => FollowUpSchema.parse(JSON.parse(raw)));
}

/** The delayed job of an item's queued nudge. */
async function queuedNudge(item: FollowUp): Promise<Job> {
  expect(item.next).toBeDefined();
  const job = await Job.fromId(queue, nudgeJobId(item.id, item.next!));
  expect(job, 'the nudge the item names is queued').toBeDefined();
  return job!;
}

/** Moves the clock to the job's moment, lets it run now (BullMQ would wait in real time) and waits until the worker finished it. */
async function fire(job: Job): Promise<unknown> {
  setClock((job.data as { at: number }).at);
  const finished = job.waitUntilFinished(events, 10_000);
  await job.promote();
  return finished;
}

const dm = (userId: string, since: number) => posted((c) => c.args.channel === `D${userId}`, since);

describe('follow-ups on Slack', () => {
  it('adds a follow-up from the thread, answers privately and says it in the thread in one line', async () => {
    const { collabId, rootTs } = await start('UFAC', 'Huiswerkklas');
    const since = await mention('UFAC', 'opvolg Offerte opvragen bij de stad <@UAN> woensdag', rootTs);
    const reply = await ephemeral('UFAC', since);
    expect(String(reply.args.text)).toContain('woensdag 2 december');
    const line = await posted((c) => c.args.thread_ts === rootTs && String(c.args.text).includes('Offerte opvragen'), since);
    expect(json(line.args.blocks)).toContain('<@UAN>');
    const [item] = await items(collabId);
    expect(item).toMatchObject({ text: 'Offerte opvragen bij de stad', owner: { id: 'UAN' }, due: '2026-12-02', status: 'open', createdBy: { id: 'UFAC' } });
    // Two working days before Wednesday: Monday 9:00 in the owner's zone (users.info: Europe/Amsterdam).
    expect(item!.next).toEqual({ kind: 'soon', at: Date.parse('2026-11-30T08:00:00Z') });
    const job = await queuedNudge(item!);
    // The job waits exactly until that moment on the product's clock, and holds ids only.
    expect(Math.abs(job.timestamp + (job.opts.delay ?? 0) - (item!.next!.at - now() + Date.now()))).toBeLessThan(5_000);
    expect(Object.keys(job.data as object).sort()).toEqual(['at', 'collabId', 'itemId', 'kind', 'platform', 'tenant']);
    expect(json(job.data)).not.toContain('Offerte');
  });

  it('asks back for an unclear or past date, and says how when a part is missing; nothing is stored', async () => {
    const { collabId, rootTs } = await start('UFAC', 'Leesproject');
    for (const [text, expected] of [
      ['opvolg Zaal boeken <@UAN> binnenkort', '“binnenkort” begrijp ik niet als datum'],
      ['opvolg Zaal boeken <@UAN> 2026-01-15', 'ligt in het verleden'],
      ['opvolg Zaal boeken vrijdag', 'Schrijf het zo'],
      ['opvolg <@UAN> vrijdag', 'Schrijf het zo'],
    ] as const) {
      const since = await mention('UFAC', text, rootTs);
      expect(String((await ephemeral('UFAC', since)).args.text)).toContain(expected);
    }
    expect(await items(collabId)).toEqual([]);
  });

  it('sends the owner a personal message at 9:00 with Klaar, Uitstellen and Overdragen, then queues the due-day nudge', async () => {
    const { collabId, rootTs } = await start('UFAC', 'Sportdag');
    await ephemeral('UFAC', await mention('UFAC', 'opvolg Bussen reserveren <@UBOB> woensdag', rootTs));
    const [item] = await items(collabId);
    const since = h.fake.calls.length;
    await fire(await queuedNudge(item!));
    const message = await dm('UBOB', since);
    expect(h.fake.calls.some((c) => c.method === 'conversations.open' && c.args.users === 'UBOB')).toBe(true);
    expect(json(message.args.blocks)).toContain('Bussen reserveren');
    expect(json(message.args.blocks)).toContain('Sportdag');
    expect(actionIds(message)).toEqual(['fu.done', 'fu.day', 'fu.week', 'fu.reassign']);
    // The message carries a marker of ids, nothing else.
    expect(message.args.metadata).toEqual({ event_type: 'werktsamen_nudge', event_payload: { marker: `${item!.id}:soon:${item!.next!.at}` } });
    // Then the due morning: Wednesday 2 December, 9:00 Amsterdam.
    const [after] = await items(collabId);
    expect(after!.next).toEqual({ kind: 'due', at: Date.parse('2026-12-02T08:00:00Z') });
    await queuedNudge(after!);
  });
});

void viewSubmissionBody;
void privateReply;
void click;
