/**
 * Slack: follow-ups (opvolgpunten) through the real Bolt app over signed HTTP, a real Redis and the
 * real BullMQ worker, against the fake Web API. The product's clock is set to a known Monday; a
 * nudge fires when the test moves that clock to the nudge's moment and promotes its delayed job
 * (BullMQ waits in real time), so nothing here sleeps.
 */
import { Job } from 'bullmq';
import { describe, expect, it } from 'vitest';
import { collabKeys } from '../../src/store/keys.js';
import { viewSubmissionBody } from '../support/slack-signing.js';
import { CHANNEL, TEAM } from '../support/slack-harness.js';
import {
  actionIds, blocksOf, click, dm, ephemeral, fire, h, items, json, mention, now, posted, privateReply, events, queue, queuedNudge, redis, scope, signedAt, start, useFollowUpKit,
} from '../support/slack-follow-up-kit.js';

useFollowUpKit();

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

  it('adds a list, one per line, in one go: one message in the thread, one nudge job each; one bad date and nothing is added', async () => {
    const { collabId, rootTs } = await start('UFAC', 'Opendeurdag');
    const bad = await mention('UFAC', 'opvolg Stoelen <@UAN> vrijdag\n- Koffie <@UBOB> ooit', rootTs);
    expect(String((await ephemeral('UFAC', bad)).args.text)).toContain('“ooit” begrijp ik niet');
    expect(await items(collabId)).toEqual([]);
    const since = await mention('UFAC', 'opvolg Stoelen zetten <@UAN> vrijdag\n- Koffie bestellen <@UBOB> donderdag\n- opvolg Affiche ophangen <@UCAR> 2026-12-09', rootTs);
    expect(String((await ephemeral('UFAC', since)).args.text)).toContain('3 opvolgpunten genoteerd');
    const lines = h.fake.calls.slice(since).filter((c) => c.method === 'chat.postMessage' && c.args.thread_ts === rootTs);
    expect(lines).toHaveLength(1);
    const listed = json(lines[0]!.args.blocks);
    expect(listed).toMatch(/3 nieuwe opvolgpunten.*Stoelen zetten.*Koffie bestellen.*Affiche ophangen/s);
    const added = await items(collabId);
    expect(added.map((i) => [i.text, i.owner.id, i.due]).sort()).toEqual([
      ['Affiche ophangen', 'UCAR', '2026-12-09'],
      ['Koffie bestellen', 'UBOB', '2026-12-03'],
      ['Stoelen zetten', 'UAN', '2026-12-04'],
    ]);
    for (const item of added) await queuedNudge(item);
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

/** Adds a follow-up in a new collaboration; resolves with both. */
async function withItem(title: string, what: string, owner: string, when: string) {
  const collab = await start('UFAC', title);
  await ephemeral('UFAC', await mention('UFAC', `opvolg ${what} <@${owner}> ${when}`, collab.rootTs));
  const [item] = await items(collab.collabId);
  return { ...collab, item: item! };
}

describe('acting on a follow-up', () => {
  it('Klaar marks it done, removes its queued nudge and says so in the thread; a second press changes nothing', async () => {
    const { collabId, rootTs, item } = await withItem('Schoolreis', 'Ouders informeren', 'UAN', 'vrijdag');
    const job = await queuedNudge(item);
    const since = h.fake.calls.length;
    const tag = await click('UAN', 'fu.done', `${collabId}/${item.id}`, 'DUAN', '1700009000.000100');
    expect(String((await privateReply(tag)).args.text)).toContain('afgewerkt');
    const line = await posted((c) => c.args.thread_ts === rootTs && String(c.args.text).startsWith('Afgewerkt'), since);
    expect(String(line.args.text)).toContain('Ouders informeren');
    const [after] = await items(collabId);
    expect(after).toMatchObject({ status: 'done' });
    expect(after!.next).toBeUndefined();
    expect(await Job.fromId(queue, job.id!)).toBeUndefined();
    const again = await click('UAN', 'fu.done', `${collabId}/${item.id}`, 'DUAN', '1700009000.000100');
    expect(String((await privateReply(again)).args.text)).toContain('al afgewerkt');
  });

  it('Uitstellen 1 week (button or menu) moves the due date and replaces the queued nudge', async () => {
    const { collabId, rootTs, item } = await withItem('Kampweek', 'Tenten tellen', 'UAN', 'donderdag');
    expect(item.due).toBe('2026-12-03');
    const old = await queuedNudge(item);
    const since = h.fake.calls.length;
    await privateReply(await click('UAN', 'fu.menu.0', '', CHANNEL, rootTs, `week|${collabId}/${item.id}`));
    await posted((c) => c.args.thread_ts === rootTs && String(c.args.text).startsWith('Uitgesteld'), since);
    const [after] = await items(collabId);
    expect(after!.due).toBe('2026-12-10');
    expect(await Job.fromId(queue, old.id!)).toBeUndefined();
    // Two working days before Thursday 10 December: Tuesday 8 December, 9:00 Amsterdam.
    expect(after!.next).toEqual({ kind: 'soon', at: Date.parse('2026-12-08T08:00:00Z') });
    await queuedNudge(after!);
  });

  it('Overdragen opens a person picker; the new owner gets the item and its nudges', async () => {
    const { collabId, rootTs, item } = await withItem('Toneel', 'Decor bouwen', 'UAN', 'over 2 weken');
    expect(item.due).toBe('2026-12-14');
    const since = h.fake.calls.length;
    await click('UAN', 'fu.reassign', `${collabId}/${item.id}`, 'DUAN', '1700009100.000100');
    const open = await h.fake.waitFor((c) => c.method === 'views.open' && h.fake.calls.indexOf(c) >= since, 10_000);
    const view = open.args.view as { callback_id: string; private_metadata: string; blocks: { block_id: string; element: { type: string } }[] };
    expect(view.callback_id).toBe('fu.reassign');
    expect(view.blocks[0]!.element.type).toBe('users_select');
    const res = await h.post(
      viewSubmissionBody({ callbackId: view.callback_id, privateMetadata: view.private_metadata, userId: 'UAN', teamId: TEAM, values: { owner: { type: 'users_select', selected_user: 'UCAR' } } }),
      signedAt(),
    );
    expect(res.status).toBe(200);
    const line = await posted((c) => c.args.thread_ts === rootTs && String(c.args.text).startsWith('Overgedragen'), since);
    expect(json(line.args.blocks)).toContain('<@UCAR>');
    const [after] = await items(collabId);
    expect(after!.owner).toEqual({ id: 'UCAR' });
  });

  it('refuses someone who neither owns nor added the item, nor leads the collaboration', async () => {
    const { collabId, item } = await withItem('Musical', 'Kostuums naaien', 'UAN', 'vrijdag');
    const tag = await click('UEVE', 'fu.done', `${collabId}/${item.id}`, CHANNEL, '1700009200.000100');
    expect(String((await privateReply(tag)).args.text)).toContain('Alleen wie dit opvolgpunt');
    expect((await items(collabId))[0]).toMatchObject({ status: 'open' });
  });

  it('opvolgpunten lists the open items in the thread by due date, with owners', async () => {
    const { collabId, rootTs } = await start('UFAC', 'Leesweek');
    for (const text of ['opvolg Boeken bestellen <@UAN> 11/12', 'opvolg Lokaal vragen <@UBOB> 4/12', 'opvolg Affiche maken <@UCAR> 2026-12-07']) {
      await ephemeral('UFAC', await mention('UFAC', text, rootTs));
    }
    expect(await items(collabId)).toHaveLength(3);
    const since = await mention('UBOB', 'opvolgpunten', rootTs);
    const list = await posted((c) => c.args.thread_ts === rootTs && String(c.args.text).startsWith('Opvolgpunten'), since);
    const texts = blocksOf(list).filter((b) => b.type === 'section').map((b) => b.text?.text ?? '');
    expect(texts.map((t) => t.split('\n')[0])).toEqual(['*Lokaal vragen*', '*Affiche maken*', '*Boeken bestellen*']);
    expect(texts[0]).toContain('<@UBOB> · tegen vrijdag 4 december');
  });
});

describe('exactly one nudge per moment', () => {
  it('a nudge job that runs again after it was sent sends nothing more', async () => {
    const { item } = await withItem('Buitenspel', 'Speelplaats tekenen', 'UDAN', 'woensdag');
    const job = await queuedNudge(item);
    const since = h.fake.calls.length;
    await fire(job);
    await dm('UDAN', since);
    // The same job again (as after a lost acknowledgement): the record says it went out.
    const again = await queue.add('nudge', job.data, { jobId: `${job.id!}-again` });
    await again.waitUntilFinished(events, 10_000);
    expect(h.fake.calls.filter((c) => c.method === 'chat.postMessage' && c.args.channel === 'DUDAN')).toHaveLength(1);
  });

  it('two working days overdue, the coordinators get one message listing the overdue items', async () => {
    const { collabId, item } = await withItem('Moestuin', 'Zaden kopen', 'UERIK', 'maandag');
    expect(item.due).toBe('2026-12-07');
    // Soon and due nudges go to the owner; then Wednesday 9 December the facilitator (no coordinators yet) hears of it.
    for (const kind of ['soon', 'due', 'overdue']) {
      const [current] = await items(collabId);
      expect(current!.next?.kind).toBe(kind);
      const since = h.fake.calls.length;
      await fire(await queuedNudge(current!));
      const message = await dm(kind === 'overdue' ? 'UFAC' : 'UERIK', since);
      if (kind === 'overdue') {
        expect(current!.next!.at).toBe(Date.parse('2026-12-09T08:00:00Z'));
        expect(String(message.args.text)).toContain('Opvolgpunten te laat');
        expect(json(message.args.blocks)).toContain('Zaden kopen');
        expect(actionIds(message)).toEqual([]);
      }
    }
    expect((await items(collabId))[0]!.next).toBeUndefined();
  });
});

const PEOPLE = ['UAN', 'UBOB', 'UCAR', 'UDAN', 'UERIK', 'UFAC', 'UEVE'];

describe('privacy', () => {
  it('keeps people out of key names and nudge records, and gives every follow-up key a lifetime', async () => {
    const keys = await redis.keys('ws:*');
    for (const key of keys) for (const id of PEOPLE) expect(key).not.toContain(id);
    const records = keys.filter((k) => k.includes(':nudge:'));
    expect(records.length).toBeGreaterThan(3);
    for (const key of [...records, ...keys.filter((k) => k.includes(':person:') || k.endsWith(':followups'))]) {
      expect(await redis.pttl(key), key).toBeGreaterThan(0);
    }
    // A record says only that the nudge went out.
    for (const key of records) expect(await redis.get(key)).toMatch(/^(sent|try:\d+)$/);
  });

  it('forgetting a collaboration deletes its follow-ups, its queued nudges and its place in the owner indexes', async () => {
    const { collabId, rootTs, item } = await withItem('Vergeten project', 'Geheim punt', 'UZED', 'vrijdag');
    const job = await queuedNudge(item);
    const holding = [];
    for (const key of await redis.keys('ws:*:person:followups:*')) if ((await redis.zrange(key, '0', '-1')).includes(`${collabId}/${item.id}`)) holding.push(key);
    expect(holding).toHaveLength(1);
    const since = await mention('UFAC', 'vergeet', rootTs);
    await ephemeral('UFAC', since);
    const tag = await click('UFAC', 'collab.forget', collabId, CHANNEL, rootTs);
    await privateReply(tag);
    expect(await redis.exists(collabKeys(scope, collabId).followUps)).toBe(0);
    expect(await redis.zrange(holding[0]!, '0', '-1')).not.toContain(`${collabId}/${item.id}`);
    expect(await Job.fromId(queue, job.id!)).toBeUndefined();
  });

  it('logs no follow-up text, and nudge jobs hold ids only', async () => {
    const jobs = await queue.getJobs(['delayed', 'waiting', 'completed', 'failed'], 0, -1);
    const nudges = jobs.filter((x) => x.name === 'nudge');
    expect(nudges.length).toBeGreaterThan(3);
    for (const j of nudges) {
      // Ids, a kind and a moment: no text, and no person (the worker reads the owner from the item).
      expect(Object.keys(j.data as object).sort()).toEqual(['at', 'collabId', 'itemId', 'kind', 'platform', 'tenant']);
      expect(json(j.data)).not.toMatch(/Offerte|Zaden|Decor|Tenten|"U(AN|BOB|CAR|DAN|ERIK|FAC)"/);
    }
    const logs = h.logs.lines.join('\n');
    for (const text of ['Offerte', 'Zaden kopen', 'Decor bouwen', 'Geheim punt', 'Vergeten project']) expect(logs).not.toContain(text);
    // Nor any person: ids, and the names and emails Slack's users.info gives (the fake answers with both).
    for (const id of PEOPLE) for (const trace of [`"${id}"`, `user-${id}`, `User ${id}`, `${id.toLowerCase()}@school.example`]) expect(logs).not.toContain(trace);
  });
});
