/**
 * Teams: follow-ups through the real CloudAdapter, a real Redis and the real BullMQ worker,
 * against the fake connector. A mention names the owner (resolved to their Entra id through the
 * roster); the nudge opens a personal chat (createConversation) and posts its card there; a
 * person who blocked the bot (403) is a permanent failure, logged by code and not retried.
 */
import { describe, expect, it } from 'vitest';
import { validateAdaptiveCard } from '../support/adaptive-card-validate.js';
import { activity, cardOf, CHANNEL_CONV, TENANT, user } from '../support/teams-harness.js';
import { fire, h, items, json, probe, redis, say, startCollab as startAs, useTeamsFollowUpKit } from '../support/teams-follow-up-kit.js';

const ann = user('Ann');
const bart = user('Bart');

useTeamsFollowUpKit();
/** Ann starts a collaboration in the channel. */
const startCollab = (title: string) => startAs(ann, title);

describe('follow-ups on Teams', () => {
  it('names the owner by mention, sends the nudge in a personal chat and takes Klaar from there', async () => {
    const { collabId, thread } = await startCollab('Huiswerkklas');
    const line = await say(ann, 'opvolg Zaal boeken <at>Bart</at> over 2 weken', thread, 'Zaal boeken', [
      { type: 'mention', text: '<at>Bart</at>', mentioned: { id: '29:Bart', name: 'Bart' } },
    ]);
    expect(json(cardOf(line))).toContain('Bart');
    const [item] = await items(collabId);
    // The roster gives Bart's Entra id: the id his own activities carry.
    expect(item!.owner).toEqual({ id: 'aad-Bart', name: 'Bart' });
    const before = h.connector.calls.length;
    expect(await fire(item!)).toBe('sent');
    const created = h.connector.calls.slice(before).find((c) => c.path === '/v3/conversations');
    expect(created?.body).toMatchObject({ isGroup: false, members: [{ id: '29:Bart' }], tenantId: TENANT });
    const nudge = await h.connector.waitFor((c) => c.method === 'POST' && c.conversationId === 'a:personal-29:Bart' && json(c.body).includes('Zaal boeken'));
    expect(validateAdaptiveCard(cardOf(nudge))).toEqual([]);
    expect(json(cardOf(nudge))).toContain('"verb":"fu.done"');
    const res = await h.invoke(bart, 'fu.done', { v: `${collabId}/${item!.id}` });
    expect(res.status).toBe(200);
    expect(json(res.card)).toContain('Afgewerkt: Zaal boeken');
    expect((await items(collabId))[0]).toMatchObject({ status: 'done' });
  });

  it('keeps the zone a person sends with their messages, for their 9:00', async () => {
    const { collabId, thread } = await startCollab('Sportdag');
    await say(bart, 'opvolg Bussen <at>Bart</at> 2030-01-09', thread, 'Bussen', [{ type: 'mention', text: '<at>Bart</at>', mentioned: { id: '29:Bart', name: 'Bart' } }], {
      localTimezone: 'America/New_York',
    });
    const [item] = await items(collabId);
    // Monday 7 January 2030, 9:00 in New York (14:00 UTC), two working days before Wednesday the 9th.
    expect(item!.next).toEqual({ kind: 'soon', at: Date.parse('2030-01-07T14:00:00Z') });
  });

  it('a person who blocked the bot (403) is a permanent failure: logged by code, not retried', async () => {
    const { collabId, thread } = await startCollab('Toneel');
    await say(ann, 'opvolg Decor <at>Chloe</at> 2030-03-15', thread, 'Decor', [{ type: 'mention', text: '<at>Chloe</at>', mentioned: { id: '29:Chloe', name: 'Chloe' } }]);
    const [item] = await items(collabId);
    h.connector.failNext('CREATE', 403, 'ConversationBlockedByUser');
    expect(await fire(item!)).toBe('stopped:person_unreachable');
    const logged = await h.logs.waitFor((l) => l.msg === 'job stopped for good' && l.code === 'person_unreachable');
    expect(json(logged)).not.toContain('Decor');
    expect(h.connector.calls.filter((c) => c.conversationId === 'a:personal-29:Chloe')).toEqual([]);
  });

  it('`mijn` in the personal chat posts my overview; its buttons answer with the overview, and changes by others update it', async () => {
    const { collabId, thread } = await startCollab('Schooltuin');
    const bartMention = [{ type: 'mention', text: '<at>Bart</at>', mentioned: { id: '29:Bart', name: 'Bart' } }];
    await say(ann, 'opvolg Zaden kopen <at>Bart</at> 2030-04-10', thread, 'Zaden kopen', bartMention);
    await say(ann, 'opvolg Gieter halen <at>Bart</at> 2030-04-12', thread, 'Gieter halen', bartMention);
    const personal = 'a:personal-29:Bart';
    const before = h.connector.calls.length;
    const res = await h.send(
      activity(bart, h.connector.serviceUrl, { type: 'message', text: 'mijn', conversation: { id: personal, conversationType: 'personal', tenantId: TENANT } }),
    );
    expect(res.status).toBe(200);
    const posted = await h.connector.waitFor((c) => c.method === 'POST' && c.conversationId === personal && h.connector.calls.indexOf(c) >= before);
    const card = cardOf(posted);
    expect(validateAdaptiveCard(card)).toEqual([]);
    expect(json(card)).toMatch(/Mijn opvolgpunten.*Zaden kopen \(Schooltuin\).*Gieter halen.*Mijn samenwerkingen.*Schooltuin/s);
    const [first] = (await items(collabId)).sort((a, b) => a.due.localeCompare(b.due));
    // A button on the overview answers with the overview, the change on top.
    const pressed = await h.invoke(bart, 'fu.day', { v: `${collabId}/${first!.id}`, from: 'mine' });
    expect(validateAdaptiveCard(pressed.card)).toEqual([]);
    expect(json(pressed.card)).toContain('Uitgesteld tot');
    expect(json(pressed.card)).toContain('Mijn opvolgpunten');
    // Ann (the facilitator) marks the other one done: Bart's overview card is updated in place.
    const other = (await items(collabId)).find((i) => i.id !== first!.id)!;
    await h.invoke(ann, 'fu.done', { v: `${collabId}/${other.id}` });
    const updated = await h.connector.waitFor(
      (c) => c.method === 'PUT' && c.activityId === posted.responseId && json(c.body).includes('Zaden kopen') && !json(c.body).includes('Gieter halen'),
    );
    expect(validateAdaptiveCard(cardOf(updated))).toEqual([]);
  });

  it('Overdragen on a nudge shows the channel\'s people; the one picked gets the item, and only people of the channel qualify', async () => {
    const { collabId, thread } = await startCollab('Projectweek');
    await say(ann, 'opvolg Lokalen vragen <at>Bart</at> 2030-05-15', thread, 'Lokalen vragen', [{ type: 'mention', text: '<at>Bart</at>', mentioned: { id: '29:Bart', name: 'Bart' } }]);
    const [item] = await items(collabId);
    const value = `${collabId}/${item!.id}`;
    const form = await h.invoke(bart, 'fu.reassign', { v: value });
    expect(validateAdaptiveCard(form.card)).toEqual([]);
    const picker = json(form.card);
    // Everyone of the roster but Bart himself, by Entra id.
    for (const n of ['Ann', 'Chloe', 'Gust']) expect(picker).toContain(`{"title":"${n}","value":"aad-${n}"}`);
    expect(picker).not.toContain('"value":"aad-Bart"');
    expect(picker).toContain('"verb":"fu.handover"');
    // A forged choice (someone not in the channel) changes nothing.
    const forged = await h.invoke(bart, 'fu.handover', { v: value, owner: 'aad-Mallory' });
    expect(json(forged.card)).not.toContain('Overgedragen');
    expect((await items(collabId))[0]!.owner.id).toBe('aad-Bart');
    const before = h.connector.calls.length;
    const done = await h.invoke(bart, 'fu.handover', { v: value, owner: 'aad-Chloe' });
    expect(json(done.card)).toContain('Overgedragen: Lokalen vragen, nu bij');
    const [after] = await items(collabId);
    expect(after!.owner).toEqual({ id: 'aad-Chloe', name: 'Chloe' });
    // The thread hears it in one line.
    await h.connector.waitFor((c) => c.method === 'POST' && h.connector.calls.indexOf(c) >= before && c.conversationId === thread && json(c.body).includes('Overgedragen'));
    // Someone who may not change the item does not get the picker.
    const stranger = await h.invoke(user('Gust'), 'fu.reassign', { v: value });
    expect(json(stranger.card)).not.toContain('fu.handover');
  });

  it('`mijn` in a channel points to the personal chat instead of showing it to everyone', async () => {
    const reply = await say(bart, 'mijn', CHANNEL_CONV, 'persoonlijk');
    expect(json(reply.body)).not.toContain('Mijn opvolgpunten');
  });

  it('keeps names, ids, emails and texts out of logs, job data and key names', async () => {
    const jobs = await probe.queue.getJobs(['delayed', 'waiting', 'completed', 'failed'], 0, -1);
    const logs = h.logs.lines.join('\n');
    const keys = (await redis.keys('ws:*')).join('\n');
    for (const n of ['Ann', 'Bart', 'Chloe']) {
      for (const trace of [n, `29:${n}`, `aad-${n}`, `${n.toLowerCase()}@school.example`]) {
        expect(logs).not.toContain(trace);
        expect(keys).not.toContain(trace);
        for (const job of jobs.filter((j) => j.name === 'nudge')) expect(json(job.data)).not.toContain(trace);
      }
    }
    for (const text of ['Zaal boeken', 'Bussen', 'Decor', 'Zaden kopen', 'Schooltuin', 'Lokalen vragen']) expect(logs).not.toContain(text);
  });
});
