/**
 * Teams: "+ opvolgpunt" on step, reminder and decision cards as inline inputs (Input.Text, the
 * conversation's members, Input.Date) returned to the one who pressed, checked against the roster;
 * and the facilitator's "Herinner wie nog niet antwoordde" on step cards and polls, through the
 * real CloudAdapter, a real Redis and the real BullMQ worker, against the fake connector (whose
 * roster is Ann, Bart, Chloe, Dries, Els, Fien and Gust).
 */
import { describe, expect, it } from 'vitest';
import { nudgeJobId } from '../../src/jobs/scheduler.js';
import { assertAdaptiveCard } from '../support/adaptive-card-validate.js';
import { ROSTER } from '../support/fake-connector.js';
import { cardOf, user, type TeamsUser } from '../support/teams-harness.js';
import { h, items, json, probe, redis, say, startCollab as startAs, useTeamsFollowUpKit } from '../support/teams-follow-up-kit.js';
import { nodes, type Obj } from '../support/json-tree.js';

const ann = user('Ann');
const bart = user('Bart');
const chloe = user('Chloe');

useTeamsFollowUpKit();
/** Ann starts a collaboration in the channel. */
const startCollab = (title: string) => startAs(ann, title);

async function invoke(from: TeamsUser, verb: string, data: Record<string, unknown>): Promise<Record<string, unknown>> {
  const res = await h.invoke(from, verb, data);
  expect(res.status).toBe(200);
  assertAdaptiveCard(res.card);
  return res.card;
}

const inputsOf = (card: Obj): Record<string, Obj> => Object.fromEntries(nodes(card, (o) => typeof o['id'] === 'string' && String(o['type']).startsWith('Input.')).map((i) => [i['id'] as string, i]));
const verbsOf = (card: Obj): string[] => nodes(card, (o) => o['type'] === 'Action.Execute').map((a) => a['verb'] as string);
const noticeOf = (card: Obj): string => (nodes(card, (o) => o['type'] === 'TextBlock')[0]?.['text'] as string | undefined) ?? '';

/** The people a personal chat was opened with since a call index (by their 29: id). */
const personalSince = (since: number): string[] =>
  h.connector.calls.slice(since).filter((c) => c.method === 'POST' && c.path === '/v3/conversations').map((c) => String((c.body.members as { id: string }[])[0]?.id));

describe('"+ opvolgpunt" on Teams cards', () => {
  it('shows the form on the step card for the one who pressed, with the roster to pick from, and adds the follow-up', async () => {
    const { collabId, thread } = await startCollab('Huiswerkklas');
    const step = await say(ann, 'stap 1', thread, 'Verken');
    expect(verbsOf(cardOf(step))).toContain('fuform.open');
    const form = await invoke(bart, 'fuform.open', { v: `${collabId}:1` });
    const inputs = inputsOf(form);
    expect(Object.keys(inputs)).toEqual(['fu_text', 'fu_owner', 'fu_due', 'fu_link']);
    expect((inputs['fu_owner']!['choices'] as Obj[]).map((c) => c['value'])).toEqual(ROSTER.map((r) => r.aadObjectId));
    expect(inputs['fu_due']!['type']).toBe('Input.Date');
    expect(inputs['fu_link']!['value']).toBe('step1');
    expect(verbsOf(form)).not.toContain('step.answer');
    const before = h.connector.calls.length;
    const done = await invoke(bart, 'fuform.add', { v: `${collabId}:1`, fu_text: 'Zaal boeken', fu_owner: 'aad-Chloe', fu_due: '2030-01-09', fu_link: 'step1' });
    expect(noticeOf(done)).toContain('Opvolgpunt genoteerd, tegen woensdag 9 januari 2030');
    expect(Object.keys(inputsOf(done))).not.toContain('fu_text');
    const [item] = await items(collabId);
    expect(item).toMatchObject({ text: 'Zaal boeken', owner: { id: 'aad-Chloe', name: 'Chloe' }, due: '2030-01-09', link: 'step1', createdBy: { id: 'aad-Bart' } });
    await h.connector.waitFor((c) => c.method === 'POST' && h.connector.calls.indexOf(c) >= before && c.conversationId === thread && json(c.body).includes('Zaal boeken'));
    await probe.job(nudgeJobId(item!.id, item!.next!));
  });

  it('checks the owner against the roster and the date against today; the form stays with what was typed', async () => {
    const { collabId } = await startCollab('Sportdag');
    const stranger = await invoke(ann, 'fuform.add', { v: `${collabId}:decision`, fu_text: 'Bussen', fu_owner: 'aad-Mallory', fu_due: '2030-01-09', fu_link: 'decision' });
    expect(noticeOf(stranger)).toContain('Kies iemand uit dit gesprek.');
    expect(inputsOf(stranger)['fu_text']!['value']).toBe('Bussen');
    const past = await invoke(ann, 'fuform.add', { v: `${collabId}:decision`, fu_text: 'Bussen', fu_owner: 'aad-Bart', fu_due: '2020-01-09', fu_link: 'decision' });
    expect(noticeOf(past)).toContain('in het verleden');
    expect(inputsOf(past)['fu_owner']!['value']).toBe('aad-Bart');
    const none = await invoke(ann, 'fuform.add', { v: `${collabId}:decision`, fu_text: 'Bussen', fu_due: '2030-01-09' });
    expect(noticeOf(none)).toContain('Kies wie het opneemt.');
    expect(await items(collabId)).toEqual([]);
    // From the decision card, the decision's own inputs make way for the form.
    const form = await invoke(ann, 'fuform.open', { v: `${collabId}:decision` });
    expect(Object.keys(inputsOf(form))).toEqual(['fu_text', 'fu_owner', 'fu_due', 'fu_link']);
    const ok = await invoke(ann, 'fuform.add', { v: `${collabId}:decision`, fu_text: 'Bussen', fu_owner: 'aad-Bart', fu_due: '2030-01-09', fu_link: 'decision' });
    expect(noticeOf(ok)).toContain('Opvolgpunt genoteerd');
    expect((await items(collabId)).map((i) => [i.link, i.owner.id])).toEqual([['decision', 'aad-Bart']]);
  });

  it('takes one of stap 2\'s open points over into the text', async () => {
    const { collabId } = await startCollab('Zorgnetwerk');
    await invoke(bart, 'step.answer', { v: `${collabId}:2`, q_opvolgpunten: 'Vervoer regelen\n- Zaal vinden' });
    const form = await invoke(chloe, 'fuform.open', { v: `${collabId}:2` });
    const choices = inputsOf(form)['fu_item']!['choices'] as { title: string; value: string }[];
    expect(choices.map((c) => c.title)).toEqual(['Opvolgpunt: Vervoer regelen', 'Opvolgpunt: Zaal vinden']);
    const taken = await invoke(chloe, 'fuform.item', { v: `${collabId}:2`, fu_item: choices[0]!.value, fu_text: '', fu_owner: 'aad-Dries' });
    expect(inputsOf(taken)['fu_text']!['value']).toBe('Vervoer regelen');
    expect(inputsOf(taken)['fu_owner']!['value']).toBe('aad-Dries');
    expect(inputsOf(taken)['fu_link']!['value']).toBe('step2');
    await invoke(chloe, 'fuform.add', { v: `${collabId}:2`, fu_text: 'Vervoer regelen', fu_owner: 'aad-Dries', fu_due: '2030-02-01', fu_link: 'step2' });
    expect((await items(collabId)).map((i) => [i.text, i.link])).toEqual([['Vervoer regelen', 'step2']]);
    const cancelled = await invoke(chloe, 'fuform.cancel', { v: `${collabId}:2` });
    expect(verbsOf(cancelled)).toContain('step.answer');
  });
});

describe('"Herinner wie nog niet antwoordde" on Teams', () => {
  it('sends exactly the members who have not answered one personal message; a second press the same day sends nothing', async () => {
    const { collabId, thread } = await startCollab('Toneel');
    await say(ann, 'reminder 4', thread, 'Reminder 4');
    await invoke(bart, 'step.answer', { v: `${collabId}:reminder4`, q_q1: 'Ja.' });
    let since = h.connector.calls.length;
    const first = await invoke(ann, 'chase.sheet', { v: `${collabId}:reminder4` });
    expect(noticeOf(first)).toBe('Ik stuurde 5 mensen die nog niet antwoordden een persoonlijke herinnering.');
    expect(personalSince(since).sort()).toEqual(['29:Chloe', '29:Dries', '29:Els', '29:Fien', '29:Gust']);
    const message = await h.connector.waitFor((c) => c.method === 'POST' && c.conversationId === 'a:personal-29:Els' && json(c.body).includes('Reminder 4'));
    assertAdaptiveCard(cardOf(message));
    expect(json(cardOf(message))).toContain('“Toneel”');
    since = h.connector.calls.length;
    const second = await invoke(ann, 'chase.sheet', { v: `${collabId}:reminder4` });
    expect(noticeOf(second)).toContain('kreeg vandaag al een herinnering (5 mensen)');
    expect(personalSince(since)).toEqual([]);
  });

  it('refuses anyone but the facilitator with a private notice, and sends nothing', async () => {
    const { collabId, thread } = await startCollab('Musical');
    await say(ann, 'stap 2', thread, 'Check intern');
    const since = h.connector.calls.length;
    const card = await invoke(bart, 'chase.sheet', { v: `${collabId}:2` });
    expect(noticeOf(card)).toBe('Alleen de facilitator kan herinneren wie nog niet antwoordde. Er is niets verstuurd.');
    expect(personalSince(since)).toEqual([]);
  });

  it('reminds the members who did not vote in a poll, without saying who voted', async () => {
    const { pollId } = await h.mention(ann, 'poll');
    for (const voter of [bart, chloe]) await invoke(voter, 'vote', { pollId, choice: 'veel' });
    const refused = await invoke(bart, 'chase.poll', { pollId });
    expect(json(refused)).toContain('Alleen de facilitator');
    const since = h.connector.calls.length;
    const card = await invoke(ann, 'chase.poll', { pollId });
    expect(json(card)).toContain('Ik stuurde 4 mensen');
    expect(personalSince(since).sort()).toEqual(['29:Dries', '29:Els', '29:Fien', '29:Gust']);
    // The facilitator's card names nobody.
    for (const r of ROSTER.filter((p) => p.name !== 'Ann')) expect(json(card)).not.toContain(r.name);
  });

  it('keeps names, ids and who did not answer out of logs and key names', async () => {
    const keys = (await redis.keys('ws:*')).join('\n');
    const logs = h.logs.lines.join('\n');
    for (const r of ROSTER) {
      for (const trace of [r.name, r.id, r.aadObjectId, r.userPrincipalName]) {
        expect(logs).not.toContain(trace);
        expect(keys).not.toContain(trace);
      }
    }
    const records = (await redis.keys('ws:*:nudge:*:chase:*'));
    expect(records.length).toBe(5 + 4);
    for (const key of records) expect(await redis.get(key)).toBe('sent');
  });
});
