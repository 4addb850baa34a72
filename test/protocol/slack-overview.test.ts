/**
 * Slack: the personal side of follow-ups through the real Bolt app, a real Redis and the real
 * worker: the weekly digest for whoever leads a collaboration (a BullMQ job scheduler per person,
 * Monday 9:00 in their zone), and the overview on the Home tab and behind `mijn`. The clock is the
 * kit's; a scheduled digest runs when the test moves the clock to its moment and promotes the job.
 */
import type { Job } from 'bullmq';
import { describe, expect, it } from 'vitest';
import { Pseudonyms } from '../../src/app/pseudonyms.js';
import type { RecordedCall } from '../support/fake-slack.js';
import { assertBlockKit } from '../support/block-kit-check.js';
import { blockActionsBody, slashCommandBody } from '../support/slack-signing.js';
import { CHANNEL, TEAM, VOTER_SECRET } from '../support/slack-harness.js';
import { click, dm, ephemeral, events, h, items, json, mention, posted, privateReply, probe, queue, redis, scope, setClock, signedAt, start, useFollowUpKit } from '../support/slack-follow-up-kit.js';

useFollowUpKit();

const pseudonyms = new Pseudonyms(VOTER_SECRET);
const leadOf = (userId: string): string => pseudonyms.person(scope, userId);

const findDigest = async (userId: string): Promise<Job | undefined> =>
  (await queue.getJobs(['delayed', 'waiting'], 0, -1)).find((j) => j.name === 'digest' && (j.data as { lead?: string }).lead === leadOf(userId));

/**
 * The queued run of a person's digest scheduler (the one BullMQ made for its next moment). It is
 * queued just after the start is answered, so this waits for the queue's own 'delayed' events.
 */
async function queuedDigest(userId: string): Promise<Job> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const next = new Promise<void>((resolve) => {
      const done = (): void => {
        events.off('delayed', done);
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(done, Math.max(0, deadline - Date.now()));
      events.on('delayed', done);
    });
    const found = await findDigest(userId);
    if (found || Date.now() >= deadline) {
      expect(found, `a digest is queued for ${userId}`).toBeDefined();
      return found!;
    }
    await next;
  }
}

/** Moves the clock to the digest's moment and runs it now; resolves with what the worker returned. */
async function fireDigest(job: Job): Promise<unknown> {
  setClock(job.opts.prevMillis ?? job.timestamp + (job.opts.delay ?? 0));
  return probe.runNow(job);
}

let n = 0;
/** Someone opens the app's Home tab (an Events API callback, signed at the product's time). */
async function openHome(userId: string): Promise<number> {
  const since = h.fake.calls.length;
  const body = JSON.stringify({
    token: 'legacy-verification-token',
    team_id: TEAM,
    api_app_id: 'A0WERKTSAMEN',
    event: { type: 'app_home_opened', user: userId, channel: `D${userId}`, tab: 'home', event_ts: `1700005${++n}.000100` },
    type: 'event_callback',
    event_id: `EvHome${n}`,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ enterprise_id: null, team_id: TEAM, user_id: 'UBOT', is_bot: true, is_enterprise_install: false }],
  });
  expect((await h.post({ body, contentType: 'application/json' }, signedAt())).status).toBe(200);
  return since;
}

/** A press on the Home tab: Slack sends the view instead of a message, and no response_url. */
async function pressOnHome(userId: string, actionId: string, value: string): Promise<void> {
  const body = blockActionsBody({ actionId, value, userId, teamId: TEAM, channelId: 'unused', messageTs: '0', responseUrl: 'unused' });
  const form = new URLSearchParams(body.body);
  const { channel: _c, message: _m, response_url: _r, container: _k, ...rest } = JSON.parse(form.get('payload') ?? '{}') as Record<string, unknown>;
  form.set('payload', JSON.stringify({ ...rest, container: { type: 'view', view_id: 'VHOME' }, view: { id: 'VHOME', type: 'home', blocks: [] } }));
  expect((await h.post({ ...body, body: form.toString() }, signedAt())).status).toBe(200);
}

const published = (userId: string, since: number, match: (c: RecordedCall) => boolean = () => true) =>
  h.fake
    .waitFor((c) => c.method === 'views.publish' && c.args.user_id === userId && h.fake.calls.indexOf(c) >= since && match(c), 10_000)
    .then((c) => {
      const view = c.args.view as { type: string; blocks: never };
      expect(view.type).toBe('home');
      assertBlockKit({ text: 'home', blocks: view.blocks });
      return c;
    });

describe('weekly digest', () => {
  it('starting a collaboration schedules its facilitator a digest on Mondays at 9:00 in their zone; the job names nobody', async () => {
    await start('UDIG', 'Digestproject');
    const job = await queuedDigest('UDIG');
    // The kit's clock stands on Monday 30 November 8:00; users.info gives Europe/Amsterdam.
    expect(new Date(job.opts.prevMillis!).toISOString()).toBe('2026-11-30T08:00:00.000Z');
    expect(Object.keys(job.data as object).sort()).toEqual(['lead', 'platform', 'tenant']);
    expect(json(job.data)).not.toContain('UDIG');
    expect(String(job.id)).not.toContain('UDIG');
  });

  it('sends the open and overdue items of every collaboration the person leads, once, and the next Monday is queued', async () => {
    const a = await start('UDIG2', 'Sportdag');
    const b = await start('UDIG2', 'Leesweek');
    await ephemeral('UDIG2', await mention('UDIG2', 'opvolg Bussen boeken <@UAN> vrijdag', a.rootTs));
    await ephemeral('UDIG2', await mention('UDIG2', 'opvolg Boeken kiezen <@UBOB> woensdag', b.rootTs));
    const job = await queuedDigest('UDIG2');
    const since = h.fake.calls.length;
    expect(await fireDigest(job)).toBe('sent');
    const message = await dm('UDIG2', since);
    const text = json(message.args.blocks);
    expect(text).toContain('Je opvolgpunten deze week');
    expect(text).toMatch(/Boeken kiezen.*Leesweek.*Bussen boeken.*Sportdag/s);
    expect(message.args.metadata).toMatchObject({ event_type: 'werktsamen_nudge' });
    // The same moment again (a retry, a second worker) sends nothing more.
    const again = await queue.add('digest', job.data, { jobId: `again-${job.id}`, prevMillis: job.opts.prevMillis });
    expect(await again.waitUntilFinished(events, 10_000)).toBe('already');
    expect(h.fake.calls.filter((c) => c.method === 'chat.postMessage' && c.args.channel === 'DUDIG2')).toHaveLength(1);
    const next = await queuedDigest('UDIG2');
    expect(new Date(next.opts.prevMillis!).toISOString()).toBe('2026-12-07T08:00:00.000Z');
  });

  it('sends nothing when there is nothing open', async () => {
    await start('UDIG3', 'Rustig project');
    const since = h.fake.calls.length;
    expect(await fireDigest(await queuedDigest('UDIG3'))).toBe('empty');
    expect(h.fake.calls.slice(since).filter((c) => c.method === 'chat.postMessage' && c.args.channel === 'DUDIG3')).toEqual([]);
  });

  it('forgetting the last collaboration a person leads removes their digest', async () => {
    const { collabId, rootTs } = await start('UDIG4', 'Kort project');
    await queuedDigest('UDIG4');
    await ephemeral('UDIG4', await mention('UDIG4', 'vergeet', rootTs));
    await privateReply(await click('UDIG4', 'collab.forget', collabId, CHANNEL, rootTs));
    expect(await queue.getJobScheduler(`digest-${leadOf('UDIG4')}`)).toBeUndefined();
    const jobs = await queue.getJobs(['delayed', 'waiting'], 0, -1);
    expect(jobs.filter((j) => j.name === 'digest' && (j.data as { lead: string }).lead === leadOf('UDIG4'))).toEqual([]);
  });
});

describe('personal overview', () => {
  it('the Home tab shows my open follow-ups with their buttons, and my collaborations', async () => {
    const { collabId, rootTs } = await start('UHFAC', 'Schooltuin');
    await ephemeral('UHFAC', await mention('UHFAC', 'opvolg Zaden kopen <@UHOME> vrijdag', rootTs));
    const call = await published('UHOME', await openHome('UHOME'));
    const text = json(call.args.view);
    expect(text).toContain('Mijn opvolgpunten');
    expect(text).toContain('Zaden kopen (Schooltuin)');
    expect(text).toContain('Mijn samenwerkingen');
    expect(text).toContain('Je hebt er opvolgpunten');
    const [item] = await items(collabId);
    // One item: the real buttons, as on a nudge.
    expect(text).toContain(`"action_id":"fu.done","style":"primary","text":{"type":"plain_text","text":"Klaar"},"value":"${collabId}/${item!.id}"`);
    // The facilitator's Home lists the collaboration they lead, with no items of their own.
    const fac = json((await published('UHFAC', await openHome('UHFAC'))).args.view);
    expect(fac).toContain('Je hebt geen open opvolgpunten');
    expect(fac).toContain('Je begeleidt of coördineert');
  });

  it('Klaar on the Home tab marks it done, answers on the tab itself and says it in the thread', async () => {
    const { collabId, rootTs } = await start('UHFAC', 'Kerstmarkt');
    await ephemeral('UHFAC', await mention('UHFAC', 'opvolg Kraam huren <@UHOME2> vrijdag', rootTs));
    await published('UHOME2', await openHome('UHOME2'));
    const [item] = await items(collabId);
    const since = h.fake.calls.length;
    await pressOnHome('UHOME2', 'fu.menu.0', `done|${collabId}/${item!.id}`);
    const answer = await published('UHOME2', since, (c) => json(c.args.view).includes('afgewerkt'));
    expect(json(answer.args.view)).not.toContain('Kraam huren (Kerstmarkt)');
    await posted((c) => c.args.thread_ts === rootTs && String(c.args.text).startsWith('Afgewerkt'), since);
    expect((await items(collabId))[0]).toMatchObject({ status: 'done' });
    // No message-bound reply: a Home press has nowhere to send one.
    expect(h.fake.calls.slice(since).some((c) => c.method === 'response_url' || c.method === 'chat.postEphemeral')).toBe(false);
  });

  it('a refusal on the Home tab shows on the tab, and nothing changes', async () => {
    const { collabId, rootTs } = await start('UHFAC', 'Projectweek');
    await ephemeral('UHFAC', await mention('UHFAC', 'opvolg Lokalen vragen <@UAN> vrijdag', rootTs));
    const [item] = await items(collabId);
    const since = h.fake.calls.length;
    await pressOnHome('USTRANGER', 'fu.done', `${collabId}/${item!.id}`);
    await published('USTRANGER', since, (c) => json(c.args.view).includes('Er is niets veranderd'));
    expect((await items(collabId))[0]).toMatchObject({ status: 'open' });
  });

  it("someone else's change refreshes the owner's Home tab", async () => {
    const { collabId, rootTs } = await start('UHFAC', 'Musical');
    await ephemeral('UHFAC', await mention('UHFAC', 'opvolg Decor bouwen <@UHOME3> vrijdag', rootTs));
    await published('UHOME3', await openHome('UHOME3'));
    const [item] = await items(collabId);
    const since = h.fake.calls.length;
    // The facilitator postpones it a week from the thread's list menu.
    await privateReply(await click('UHFAC', 'fu.menu.0', 'x', CHANNEL, rootTs, `week|${collabId}/${item!.id}`));
    const refreshed = await published('UHOME3', since);
    expect(json(refreshed.args.view)).toContain('vrijdag 11 december');
  });

  it('`/werktsamen mijn` answers privately with the same overview', async () => {
    const { rootTs } = await start('UHFAC', 'Boekenbeurs');
    await ephemeral('UHFAC', await mention('UHFAC', 'opvolg Standen tellen <@UMINE> vrijdag', rootTs));
    const tag = `mine-${++n}`;
    const res = await h.post(slashCommandBody({ text: 'mijn', userId: 'UMINE', teamId: TEAM, channelId: CHANNEL, responseUrl: `${h.fake.responseUrlBase}/${tag}` }), signedAt());
    expect(res.status).toBe(200);
    const reply = await privateReply(tag);
    expect(reply.args.response_type).toBe('ephemeral');
    expect(json(reply.args.blocks)).toContain('Standen tellen (Boekenbeurs)');
    assertBlockKit({ text: String(reply.args.text ?? ''), blocks: reply.args.blocks as never });
  });
});

describe('privacy of digests and overviews', () => {
  const PEOPLE = ['UDIG', 'UDIG2', 'UDIG3', 'UDIG4', 'UHFAC', 'UHOME', 'UHOME2', 'UHOME3', 'UMINE', 'USTRANGER', 'UAN', 'UBOB'];

  it('keeps people out of key names, leads and overview records, with a lifetime on every such key', async () => {
    const keys = await redis.keys('ws:*');
    for (const key of keys) for (const id of PEOPLE) expect(key).not.toContain(id);
    const leads = keys.filter((k) => k.includes(':person:leads:'));
    const overviews = keys.filter((k) => k.includes(':person:overview:'));
    expect(leads.length).toBeGreaterThan(0);
    expect(overviews.length).toBeGreaterThan(0);
    // A lead's index holds collaboration ids; an overview record the reader's language (Slack keeps no card).
    for (const key of leads) for (const member of await redis.zrange(key, '0', '-1')) expect(member).toMatch(/^[A-Za-z0-9_-]{16}$/);
    for (const key of overviews) expect(JSON.parse((await redis.get(key)) ?? '{}')).toEqual({ locale: expect.stringMatching(/^(nl|en)$/) });
    for (const key of [...leads, ...overviews]) expect(await redis.pttl(key), key).toBeGreaterThan(0);
  });

  it('logs no person and no follow-up text, and digest jobs and their schedulers name nobody', async () => {
    const logs = h.logs.lines.join('\n');
    for (const id of PEOPLE) for (const trace of [`"${id}"`, `user-${id}`, `User ${id}`, `${id.toLowerCase()}@school.example`]) expect(logs).not.toContain(trace);
    for (const text of ['Bussen boeken', 'Boeken kiezen', 'Zaden kopen', 'Kraam huren', 'Decor bouwen', 'Standen tellen', 'Sportdag', 'Schooltuin']) expect(logs).not.toContain(text);
    const digests = (await queue.getJobs(['delayed', 'waiting', 'completed', 'failed'], 0, -1)).filter((j) => j.name === 'digest');
    const schedulers = (await queue.getJobSchedulers(0, -1)).filter((s) => s.key.startsWith('digest-'));
    expect(digests.length).toBeGreaterThan(0);
    expect(schedulers.length).toBeGreaterThan(0);
    for (const trace of [...digests.map((j) => json(j.data) + String(j.id)), ...schedulers.map((s) => json(s))]) for (const id of PEOPLE) expect(trace).not.toContain(`"${id}"`);
  });
});
