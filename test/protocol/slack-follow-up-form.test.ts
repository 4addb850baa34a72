/**
 * Slack: "+ opvolgpunt" on step, reminder and decision cards (a modal with a user picker and a
 * datepicker), turning one of stap 2's open points into a follow-up, and the facilitator's
 * "Herinner wie nog niet antwoordde" on step cards and polls. Through the real Bolt app over
 * signed HTTP, a real Redis and the real BullMQ worker, against the fake Web API. The product's
 * clock stands on a known Monday; nothing here sleeps.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { nudgeJobId } from '../../src/jobs/scheduler.js';
import { assertBlockKit } from '../support/block-kit-check.js';
import type { RecordedCall } from '../support/fake-slack.js';
import { slashCommandBody, viewSubmissionBody } from '../support/slack-signing.js';
import { CHANNEL, TEAM } from '../support/slack-harness.js';
import {
  blocksOf,
  click as clickIn,
  h,
  items,
  json,
  mention,
  MONDAY_8,
  posted,
  privateReply,
  probe,
  redis,
  setClock,
  signedAt,
  start as startAs,
  tsOf,
  useFollowUpKit,
  valid,
  type Block,
} from '../support/slack-follow-up-kit.js';

const DAY = 24 * 60 * 60 * 1000;
/** The channel's members as conversations.members gives them: the bot, the facilitator and five more. */
const PEOPLE = ['UFAC', 'UAN', 'UBOB', 'UCAR', 'UDAN', 'UEVE'];

useFollowUpKit();
beforeAll(() => h.fake.setChannelMembers(CHANNEL, ['UBOT', ...PEOPLE]));

type ModalView = { callback_id: string; private_metadata: string; title: { text: string }; blocks: Block[] };
const button = (card: RecordedCall, actionId: string): string =>
  blocksOf(card).flatMap((b) => b.elements ?? []).find((e) => e.action_id === actionId)?.value ?? '';
/** People who got a personal message since a call index (the fake's DM channel is `D<user>`). */
const dmsSince = (since: number): string[] =>
  h.fake.calls.slice(since).filter((c) => c.method === 'chat.postMessage' && String(c.args.channel).startsWith('D')).map((c) => String(c.args.channel).slice(1));

/** The facilitator, UFAC, starts a collaboration in the channel. */
const start = (title: string) => startAs('UFAC', title);
/** A press in the channel; a select sends `selected` instead of a value. */
const click = (userId: string, actionId: string, value: string, messageTs: string, selected?: string) =>
  clickIn(userId, actionId, value, CHANNEL, messageTs, selected, 'static_select');

/** A card posted in the thread after `text` was said there. */
async function card(text: string, rootTs: string, contains: string): Promise<RecordedCall> {
  const since = await mention('UFAC', text, rootTs);
  return posted((c) => c.args.thread_ts === rootTs && json(c.args.blocks).includes(contains), since);
}

/** Presses a button that opens a modal; resolves with the modal. */
async function openModal(userId: string, actionId: string, value: string, messageTs: string, selected?: string): Promise<ModalView> {
  const since = h.fake.calls.length;
  await click(userId, actionId, value, messageTs, selected);
  const open = await h.fake.waitFor((c) => c.method === 'views.open' && h.fake.calls.indexOf(c) >= since, 10_000);
  const view = open.args.view as ModalView;
  expect(view.callback_id).toBe('fuform.add');
  expect(view.title.text.length).toBeLessThanOrEqual(24);
  // In a modal, action ids need only be unique within their block.
  for (const block of view.blocks) assertBlockKit({ text: view.title.text, blocks: [block] as never });
  return view;
}

async function submit(userId: string, view: ModalView, v: { text?: string; owner?: string; due?: string; link?: string }): Promise<string> {
  const values: Record<string, Record<string, unknown>> = {
    fu_text: { type: 'plain_text_input', value: v.text ?? null },
    fu_owner: { type: 'users_select', selected_user: v.owner ?? null },
    fu_due: { type: 'datepicker', selected_date: v.due ?? null },
    ...(v.link ? { fu_link: { type: 'static_select', selected_option: { value: v.link } } } : {}),
  };
  const res = await h.post(viewSubmissionBody({ callbackId: view.callback_id, privateMetadata: view.private_metadata, userId, teamId: TEAM, values }), signedAt());
  expect(res.status).toBe(200);
  return res.text;
}

const initialLink = (view: ModalView): string | undefined =>
  (view.blocks.find((b) => b.block_id === 'fu_link')?.element as { initial_option?: { value: string } } | undefined)?.initial_option?.value;

describe('"+ opvolgpunt" on cards opens a modal', () => {
  it('from a step card: stores the follow-up, says it in the thread and queues its nudge', async () => {
    const { collabId, rootTs } = await start('Huiswerkklas');
    const step = await card('stap 1', rootTs, 'Verken');
    expect(button(step, 'fuform.open')).toBe(`${collabId}:1`);
    const view = await openModal('UAN', 'fuform.open', button(step, 'fuform.open'), tsOf(step));
    const types = Object.fromEntries(view.blocks.filter((b) => b.type === 'input').map((b) => [b.block_id, b.element?.type]));
    expect(types).toEqual({ fu_text: 'plain_text_input', fu_owner: 'users_select', fu_due: 'datepicker', fu_link: 'static_select' });
    expect(initialLink(view)).toBe('step1');
    expect(JSON.parse(view.private_metadata)).toEqual({ c: collabId });
    const since = h.fake.calls.length;
    expect(await submit('UAN', view, { text: 'Offerte opvragen bij de stad', owner: 'UBOB', due: '2026-12-04', link: 'step1' })).toBe('');
    const line = await posted((c) => c.args.thread_ts === rootTs && String(c.args.text).includes('Offerte opvragen'), since);
    expect(json(line.args.blocks)).toContain('<@UBOB>');
    const [item] = await items(collabId);
    expect(item).toMatchObject({ text: 'Offerte opvragen bij de stad', owner: { id: 'UBOB' }, due: '2026-12-04', link: 'step1', createdBy: { id: 'UAN' }, status: 'open' });
    const job = await probe.job(nudgeJobId(item!.id, item!.next!));
    expect(Object.keys(job.data as object).sort()).toEqual(['at', 'collabId', 'itemId', 'kind', 'platform', 'tenant']);
  });

  it('from a reminder card and from the decision card, linked to that card', async () => {
    const { collabId, rootTs } = await start('Leesweek');
    const reminder = await card('reminder 3', rootTs, 'Reminder 3');
    const fromReminder = await openModal('UFAC', 'fuform.open', button(reminder, 'fuform.open'), tsOf(reminder));
    expect(initialLink(fromReminder)).toBe('reminder3');
    expect(await submit('UFAC', fromReminder, { text: 'Verslag delen', owner: 'UCAR', due: '2026-11-30', link: 'reminder3' })).toBe('');
    const decision = await card('besluit', rootTs, 'decision.record.go');
    expect(button(decision, 'fuform.open')).toBe(`${collabId}:decision`);
    const fromDecision = await openModal('UFAC', 'fuform.open', button(decision, 'fuform.open'), tsOf(decision));
    expect(initialLink(fromDecision)).toBe('decision');
    expect(await submit('UFAC', fromDecision, { text: 'Beslissing melden aan de directie', owner: 'UDAN', due: '2026-12-11', link: 'decision' })).toBe('');
    const stored = await items(collabId);
    expect(stored.map((i) => [i.text, i.link, i.due]).sort()).toEqual([
      ['Beslissing melden aan de directie', 'decision', '2026-12-11'],
      ['Verslag delen', 'reminder3', '2026-11-30'],
    ]);
  });

  it('puts errors next to the datepicker and the picker: a date in the past, no owner; nothing is stored', async () => {
    const { collabId, rootTs } = await start('Sportdag');
    const step = await card('stap 3', rootTs, 'Concretiseer');
    const view = await openModal('UAN', 'fuform.open', button(step, 'fuform.open'), tsOf(step));
    const past = JSON.parse(await submit('UAN', view, { text: 'Bussen', owner: 'UBOB', due: '2026-11-27' })) as { response_action: string; errors: Record<string, string> };
    expect(past.response_action).toBe('errors');
    expect(Object.keys(past.errors)).toEqual(['fu_due']);
    expect(past.errors.fu_due).toContain('verleden');
    const missing = JSON.parse(await submit('UAN', view, { text: '  ', due: '2026-12-01' })) as { errors: Record<string, string> };
    expect(Object.keys(missing.errors).sort()).toEqual(['fu_owner', 'fu_text']);
    expect(missing.errors.fu_owner).toBe('Kies wie het opneemt.');
    const forged = JSON.parse(await submit('UAN', view, { text: 'x', owner: 'UBOB', due: '2026-12-01', link: 'stap9' })) as { errors: Record<string, string> };
    expect(Object.keys(forged.errors)).toEqual(['fu_link']);
    expect(await items(collabId)).toEqual([]);
  });

  it('turns one of stap 2\'s open points into a follow-up, its text filled in', async () => {
    const { collabId, rootTs } = await start('Zorgnetwerk');
    const step2 = await card('stap 2', rootTs, 'Check intern');
    await h.post(
      viewSubmissionBody({ callbackId: 'step.answers', privateMetadata: JSON.stringify({ c: collabId, s: 2 }), userId: 'UAN', teamId: TEAM, values: { opvolgpunten: { type: 'plain_text_input', value: 'Vervoer regelen\n- Zaal vinden' } } }),
      signedAt(),
    );
    const updated = await h.fake.waitFor((c) => c.method === 'chat.update' && c.args.ts === tsOf(step2) && json(c.args.blocks).includes('fuform.item'), 10_000).then(valid);
    const select = blocksOf(updated).find((b) => b.block_id === 'items')?.accessory;
    expect(select?.options?.map((o) => o.text.text)).toEqual(['Opvolgpunt: Vervoer regelen', 'Opvolgpunt: Zaal vinden']);
    const picked = select!.options![1]!.value;
    const view = await openModal('UBOB', 'fuform.item', '', tsOf(step2), picked);
    expect(view.blocks.find((b) => b.block_id === 'fu_text')?.element?.initial_value).toBe('Zaal vinden');
    expect(initialLink(view)).toBe('step2');
    expect(await submit('UBOB', view, { text: 'Zaal vinden', owner: 'UBOB', due: '2026-12-02', link: 'step2' })).toBe('');
    expect((await items(collabId)).map((i) => [i.text, i.link, i.owner.id])).toEqual([['Zaal vinden', 'step2', 'UBOB']]);
  });
});

describe('"Herinner wie nog niet antwoordde"', () => {
  it('nudges exactly the members who have not answered, once per card per day', async () => {
    const { collabId, rootTs } = await start('Toneel');
    const step = await card('stap 1', rootTs, 'Verken');
    await h.post(viewSubmissionBody({ callbackId: 'step.answers', privateMetadata: JSON.stringify({ c: collabId, s: 1 }), userId: 'UAN', teamId: TEAM, values: { waarom: { type: 'plain_text_input', value: 'Omdat het kan.' } } }), signedAt());
    await h.fake.waitFor((c) => c.method === 'chat.update' && c.args.ts === tsOf(step) && json(c.args.blocks).includes('1 van 7'), 10_000);
    expect(button(step, 'chase.sheet')).toBe(`${collabId}:1`);
    let since = h.fake.calls.length;
    const first = await privateReply(await click('UFAC', 'chase.sheet', `${collabId}:1`, tsOf(step)));
    // Not the bot, not the facilitator who pressed, not UAN who answered.
    expect(dmsSince(since).sort()).toEqual(['UBOB', 'UCAR', 'UDAN', 'UEVE']);
    expect(String(first.args.text)).toBe('Ik stuurde 4 mensen die nog niet antwoordden een persoonlijke herinnering.');
    expect(first.args.response_type).toBe('ephemeral');
    const dm = h.fake.calls.slice(since).find((c) => c.args.channel === 'DUBOB')!;
    valid(dm);
    expect(json(dm.args.blocks)).toContain('Stap 1');
    expect(json(dm.args.blocks)).toContain('“Toneel”');
    expect(json(dm.args.blocks)).toContain(`<#${CHANNEL}>`);

    since = h.fake.calls.length;
    const second = await privateReply(await click('UFAC', 'chase.sheet', `${collabId}:1`, tsOf(step)));
    expect(dmsSince(since)).toEqual([]);
    expect(String(second.args.text)).toContain('kreeg vandaag al een herinnering (4 mensen)');

    // The next day the same card may remind them again.
    setClock(MONDAY_8 + DAY);
    since = h.fake.calls.length;
    await privateReply(await click('UFAC', 'chase.sheet', `${collabId}:1`, tsOf(step)));
    expect(dmsSince(since).sort()).toEqual(['UBOB', 'UCAR', 'UDAN', 'UEVE']);
    setClock(MONDAY_8);
  });

  it('refuses anyone but the facilitator, privately, and sends nothing', async () => {
    const { collabId, rootTs } = await start('Musical');
    const reminder = await card('reminder 2', rootTs, 'Reminder 2');
    const since = h.fake.calls.length;
    const reply = await privateReply(await click('UAN', 'chase.sheet', `${collabId}:reminder2`, tsOf(reminder)));
    expect(String(reply.args.text)).toBe('Alleen de facilitator kan herinneren wie nog niet antwoordde. Er is niets verstuurd.');
    expect(dmsSince(since)).toEqual([]);
  });

  it('on an anonymous poll, nudges exactly the members who did not vote, and only its opener may', async () => {
    // Signed at the product's time, like every request here (the harness's helpers sign at the real time).
    const before = h.fake.calls.length;
    const res = await h.post(slashCommandBody({ text: 'poll', userId: 'UFAC', teamId: TEAM, channelId: CHANNEL, responseUrl: `${h.fake.responseUrlBase}/ff-poll` }), signedAt());
    expect(res.status).toBe(200);
    const pollCard = await posted((c) => c.args.channel === CHANNEL && json(c.args.blocks).includes('poll_close'), before);
    const pollId = button(pollCard, 'poll_close');
    const ts = tsOf(pollCard);
    expect(button(pollCard, 'chase.poll')).toBe(pollId);
    for (const voter of ['UAN', 'UCAR']) await click(voter, 'poll_vote_veel', pollId, ts);
    await h.waitForCard(ts, '2 stemmen');
    const refused = await privateReply(await click('UAN', 'chase.poll', pollId, ts));
    expect(String(refused.args.text)).toContain('Alleen de facilitator');
    const since = h.fake.calls.length;
    const reply = await privateReply(await click('UFAC', 'chase.poll', pollId, ts));
    expect(dmsSince(since).sort()).toEqual(['UBOB', 'UDAN', 'UEVE']);
    expect(String(reply.args.text)).toBe('Ik stuurde 3 mensen die nog niet antwoordden een persoonlijke herinnering.');
    const dm = h.fake.calls.slice(since).find((c) => c.args.channel === 'DUDAN')!;
    expect(json(dm.args.blocks)).toContain('temperatuurmeting');
    // A second press the same day reaches nobody again.
    const again = h.fake.calls.length;
    await privateReply(await click('UFAC', 'chase.poll', pollId, ts));
    expect(dmsSince(again)).toEqual([]);
  });

  it('keeps who did not answer or vote out of keys, records and logs', async () => {
    const keys = await redis.keys('ws:*');
    for (const key of keys) for (const id of PEOPLE) expect(key).not.toContain(id);
    const records = keys.filter((k) => k.includes(':chase:'));
    // Four the first day, four the next, three for the poll.
    expect(records).toHaveLength(11);
    for (const key of records) {
      expect(await redis.get(key)).toBe('sent');
      expect(await redis.pttl(key)).toBeGreaterThan(0);
    }
    // A poll reminder's record names its person by a value found in no other key: it links to nothing.
    const pollRecords = records.filter((k) => k.includes(':nudge:poll:'));
    expect(pollRecords).toHaveLength(3);
    const others = keys.filter((k) => !pollRecords.includes(k));
    for (const key of pollRecords) {
      const who = key.split(':').at(-1)!;
      for (const other of others) expect(other).not.toContain(who);
    }
    const logs = h.logs.lines.join('\n');
    for (const id of PEOPLE) for (const trace of [`"${id}"`, `user-${id}`, `User ${id}`, `${id.toLowerCase()}@school.example`]) expect(logs).not.toContain(trace);
    for (const text of ['Offerte opvragen', 'Zaal vinden', 'Verslag delen']) expect(logs).not.toContain(text);
    const jobs = await probe.queue.getJobs(['delayed', 'waiting', 'completed', 'failed'], 0, -1);
    for (const job of jobs) for (const id of PEOPLE) expect(json(job.data)).not.toContain(`"${id}"`);
  });
});
