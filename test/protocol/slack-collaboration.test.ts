/**
 * Slack: a collaboration from idea to decision, through the real Bolt app over signed HTTP,
 * against the fake Web API: start, step cards answered in modals, the temperature poll in the
 * thread, stap 4's outcomes, the decision with its tension mark, and who may do what.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dumpRedis } from '../support/redis-dump.js';
import { assertBlockKit } from '../support/block-kit-check.js';
import type { RecordedCall } from '../support/fake-slack.js';
import { appMentionEventBody, blockActionsBody, slashCommandBody, viewSubmissionBody } from '../support/slack-signing.js';
import { CHANNEL, startSlackHarness, TEAM, type SlackHarness } from '../support/slack-harness.js';

let h: SlackHarness;
// A clock the test can move forward, for dossier links that expire.
let offsetMs = 0;
beforeAll(async () => {
  h = await startSlackHarness({ clock: { now: () => Date.now() + offsetMs } });
});
afterAll(async () => {
  await h?.close();
});

let n = 0;
const json = (v: unknown): string => JSON.stringify(v) ?? '';
type Block = { type: string; block_id?: string; elements?: { action_id?: string; value?: string }[]; accessory?: { value?: string } };
const blocksOf = (call: RecordedCall): Block[] => call.args.blocks as Block[];

/** Every card the app posts or updates must be valid Block Kit (plain-text messages have no blocks). */
function valid(call: RecordedCall): RecordedCall {
  if (call.args.blocks !== undefined) assertBlockKit({ text: String(call.args.text ?? ''), blocks: call.args.blocks as never });
  return call;
}

async function command(userId: string, text: string): Promise<string> {
  const tag = `cmd-${++n}`;
  const res = await h.post(slashCommandBody({ text, userId, teamId: TEAM, channelId: CHANNEL, responseUrl: `${h.fake.responseUrlBase}/${tag}` }));
  expect(res.status).toBe(200);
  return tag;
}

async function mention(userId: string, text: string, threadTs?: string): Promise<void> {
  const res = await h.post(appMentionEventBody({ eventId: `Ev${++n}`, teamId: TEAM, channelId: CHANNEL, userId, text: `<@UBOT> ${text}`, ts: `1700001${n}.000100`, threadTs }));
  expect(res.status).toBe(200);
}

async function click(userId: string, actionId: string, value: string, messageTs = '1700000000.000100'): Promise<string> {
  const tag = `click-${++n}`;
  const res = await h.post(blockActionsBody({ actionId, value, userId, teamId: TEAM, channelId: CHANNEL, messageTs, responseUrl: `${h.fake.responseUrlBase}/${tag}` }));
  expect(res.status).toBe(200);
  return tag;
}

async function submit(userId: string, callbackId: string, privateMetadata: string, values: Record<string, Record<string, unknown>>) {
  return h.post(viewSubmissionBody({ callbackId, privateMetadata, values, userId, teamId: TEAM }));
}

const posted = (match: (c: RecordedCall) => boolean) => h.fake.waitFor((c) => c.method === 'chat.postMessage' && match(c), 10_000).then(valid);
const updated = (ts: string, text: string) =>
  h.fake.waitFor((c) => c.method === 'chat.update' && c.args.ts === ts && json(c.args.blocks).includes(text), 10_000).then(valid);
const privateReply = (tag: string) => h.fake.waitFor((c) => c.method === 'response_url' && c.path.endsWith(`/${tag}`), 10_000);
const tsOf = (call: RecordedCall): string => String((call.response as { ts: string }).ts);
const buttonValue = (call: RecordedCall, actionId: string): string =>
  blocksOf(call).flatMap((b) => b.elements ?? []).find((e) => e.action_id === actionId)?.value ?? '';

async function start(userId: string, title: string): Promise<{ root: RecordedCall; collabId: string; rootTs: string }> {
  const before = h.fake.callsTo('chat.postMessage').length;
  await command(userId, `start ${title}`);
  // Slack shows user text escaped (&, < and >).
  const shown = title.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const root = await posted((c) => json(c.args.blocks).includes(shown) && h.fake.callsTo('chat.postMessage').indexOf(c) >= before);
  const collabId = buttonValue(root, 'collab.edit');
  expect(collabId).toMatch(/^[A-Za-z0-9_-]{10,32}$/);
  return { root, collabId, rootTs: tsOf(root) };
}

describe('Slack: a collaboration from idea to decision', () => {
  let collabId = '';
  let rootTs = '';
  let step2Ts = '';

  it('starts with a root card in the channel that names the facilitator', async () => {
    const s = await start('U_FACI', 'Huiswerkklas met de bib');
    ({ collabId, rootTs } = s);
    expect(s.root.args.channel).toBe(CHANNEL);
    expect(s.root.args.thread_ts).toBeUndefined();
    const text = json(s.root.args.blocks);
    expect(text).toContain('Samenwerkingsidee');
    expect(text).toContain('<@U_FACI>');
    expect(text).toContain('Stap 1 van 4');
  });

  it('posts a step card in the thread when asked there, and counts the channel members', async () => {
    await mention('U_FACI', 'stap 2', rootTs);
    const card = await posted((c) => c.args.thread_ts === rootTs && json(c.args.blocks).includes('Check intern'));
    step2Ts = tsOf(card);
    const text = json(card.args.blocks);
    for (const trait of ['Doel', 'Differentiatie', 'Integratie', 'Coördinatie']) expect(text).toContain(trait);
    expect(text).toContain('0 van 7 leden antwoordden');
  });

  it('opens a modal with one input per question, and stores the answers submitted in it', async () => {
    const before = h.fake.callsTo('views.open').length;
    await click('U_LID1', 'step.answer', `${collabId}:2`, step2Ts);
    const open = await h.fake.waitFor((c) => c.method === 'views.open' && h.fake.callsTo('views.open').indexOf(c) >= before);
    const view = open.args.view as { callback_id: string; private_metadata: string; blocks: { type: string; block_id?: string }[] };
    expect(typeof open.args.trigger_id).toBe('string');
    expect(view.callback_id).toBe('step.answers');
    expect(view.blocks.filter((b) => b.type === 'input').map((b) => b.block_id)).toEqual(['drijfveer', 'expertise', 'samenwerk', 'opvolgpunten', 'voorwaarden']);
    const res = await submit('U_LID1', 'step.answers', view.private_metadata, {
      drijfveer: { type: 'plain_text_input', value: 'Past bij onze missie.' },
      opvolgpunten: { type: 'plain_text_input', value: 'Budget vastleggen\n- Zaal vinden' },
      voorwaarden: { type: 'plain_text_input', value: 'Akkoord van de directie' },
    });
    expect(res.status).toBe(200);
    expect(res.text).toBe('');
    await updated(step2Ts, '1 van 7 leden antwoordden');
    const root = await updated(rootTs, 'Zaal vinden');
    expect(json(root.args.blocks)).toContain('Voorwaarde: Akkoord van de directie');
  });

  it('shows the member their earlier answers when they open the modal again, and counts them once', async () => {
    const before = h.fake.callsTo('views.open').length;
    await click('U_LID1', 'step.answer', `${collabId}:2`, step2Ts);
    const open = await h.fake.waitFor((c) => c.method === 'views.open' && h.fake.callsTo('views.open').indexOf(c) >= before);
    expect(json(open.args.view)).toContain('Past bij onze missie.');
    const meta = (open.args.view as { private_metadata: string }).private_metadata;
    // The modal comes back filled in, so a submission carries every answer again.
    await submit('U_LID1', 'step.answers', meta, {
      drijfveer: { type: 'plain_text_input', value: 'Past bij onze missie en visie.' },
      opvolgpunten: { type: 'plain_text_input', value: 'Budget vastleggen\n- Zaal vinden' },
      voorwaarden: { type: 'plain_text_input', value: 'Akkoord van de directie' },
    });
    await submit('U_LID2', 'step.answers', meta, { expertise: { type: 'plain_text_input', value: 'Ja, twee collega’s.' } });
    await updated(step2Ts, '2 van 7 leden antwoordden');
  });

  it('refuses an answer over the limit inside the modal and stores nothing', async () => {
    const res = await submit('U_LID3', 'step.answers', JSON.stringify({ c: collabId, s: 2 }), {
      drijfveer: { type: 'plain_text_input', value: 'x'.repeat(2001) },
    });
    expect(res.status).toBe(200);
    const body = JSON.parse(res.text) as { response_action: string; errors: Record<string, string> };
    expect(body.response_action).toBe('errors');
    expect(body.errors.drijfveer).toContain('2000');
    const stepCards = h.fake.callsTo('chat.update').filter((c) => c.args.ts === step2Ts);
    expect(json(stepCards.at(-1)?.args.blocks)).toContain('2 van 7 leden antwoordden');
  });

  it('posts everyone\'s answers in the thread', async () => {
    await click('U_LID2', 'step.show', `${collabId}:2`, step2Ts);
    const answers = await posted((c) => c.args.thread_ts === rootTs && json(c.args.blocks).includes('Antwoorden op stap 2'));
    const text = json(answers.args.blocks);
    expect(text).toContain('<@U_LID1>: Past bij onze missie en visie.');
    expect(text).toContain('<@U_LID2>: Ja, twee collega’s.');
    expect(text).not.toContain('Past bij onze missie.\\n');
  });

  it('lets only the facilitator and coordinators move the collaboration or decide', async () => {
    const tag = await click('U_LID1', 'collab.poststep', `${collabId}:3`, rootTs);
    expect(String((await privateReply(tag)).args.text)).toContain('Alleen de facilitator en de coördinatoren');
    const tag2 = await click('U_LID1', 'decision.record.go', `${collabId}:go`, rootTs);
    expect(String((await privateReply(tag2)).args.text)).toContain('Alleen de facilitator en de coördinatoren');
    const forged = await submit('U_LID1', 'decision.record', JSON.stringify({ c: collabId, o: 'go' }), {
      rationale: { type: 'plain_text_input', value: 'Ik beslis dit wel even.' },
      withWhom: { type: 'plain_text_input', value: 'alleen' },
    });
    expect(json(JSON.parse(forged.text))).toContain('Alleen de facilitator en de coördinatoren');
    const tag3 = await click('U_LID1', 'collab.edit', collabId, rootTs);
    expect(String((await privateReply(tag3)).args.text)).toContain('Alleen de facilitator van deze samenwerking');
  });

  it('lets the facilitator set people and fields in a modal, after which a coordinator may move the collaboration', async () => {
    const before = h.fake.callsTo('views.open').length;
    await click('U_FACI', 'collab.edit', collabId, rootTs);
    const open = await h.fake.waitFor((c) => c.method === 'views.open' && h.fake.callsTo('views.open').indexOf(c) >= before);
    const view = open.args.view as { callback_id: string; private_metadata: string; blocks: { block_id?: string; element?: { type: string } }[] };
    expect(view.callback_id).toBe('collab.edit');
    const types = Object.fromEntries(view.blocks.map((b) => [b.block_id, b.element?.type]));
    expect(types).toMatchObject({ opvolger: 'users_select', coordinators: 'multi_users_select', form: 'static_select', locale: 'static_select' });
    const tooLong = await submit('U_FACI', 'collab.edit', view.private_metadata, { title: { type: 'plain_text_input', value: 'x'.repeat(151) } });
    expect((JSON.parse(tooLong.text) as { errors: Record<string, string> }).errors.title).toContain('150');
    const ok = await submit('U_FACI', 'collab.edit', view.private_metadata, {
      title: { type: 'plain_text_input', value: 'Huiswerkklas met de bib' },
      issue: { type: 'plain_text_input', value: 'Kinderen zonder rustige studieplek' },
      form: { type: 'static_select', selected_option: { value: 'netwerk' } },
      opvolger: { type: 'users_select', selected_user: 'U_LID2' },
      coordinators: { type: 'multi_users_select', selected_users: ['U_COORD'] },
      locale: { type: 'static_select', selected_option: { value: 'nl' } },
    });
    expect(ok.text).toBe('');
    const root = await updated(rootTs, 'Kinderen zonder rustige studieplek');
    expect(json(root.args.blocks)).toContain('*Coördinatoren*\\n<@U_COORD>');
    expect(json(root.args.blocks)).toContain('*Idee-opvolger*\\n<@U_LID2>');
    expect(json(root.args.blocks)).toContain('*Vorm*\\nNetwerk');
    await click('U_COORD', 'collab.poststep', `${collabId}:3`, rootTs);
    await posted((c) => c.args.thread_ts === rootTs && json(c.args.blocks).includes('Concretiseer'));
  });

  it('stap 4 "alles ok" opens the temperature poll in the thread and posts the decision card', async () => {
    await mention('U_FACI', 'stap 4', rootTs);
    const step4 = await posted((c) => c.args.thread_ts === rootTs && json(c.args.blocks).includes('Beslis samen'));
    expect(json(step4.args.blocks)).toContain('Budget vastleggen');
    const tag = await click('U_LID1', 'step.outcome.ok', `${collabId}:ok`, tsOf(step4));
    expect(String((await privateReply(tag)).args.text)).toContain('Alleen de facilitator');
    await click('U_FACI', 'step.outcome.ok', `${collabId}:ok`, tsOf(step4));
    const poll = await posted((c) => c.args.thread_ts === rootTs && json(c.args.blocks).includes('Temperatuurmeting'));
    const decision = await posted((c) => c.args.thread_ts === rootTs && json(c.args.blocks).includes('Go of no go?'));
    expect(json(decision.args.blocks)).toContain('Er is nog geen temperatuur gemeten');
    const pollId = buttonValue(poll, 'poll_close');
    for (const u of ['U_A', 'U_B', 'U_C']) await h.click(u, pollId, 'poll_vote_veel', tsOf(poll));
    await h.click('U_D', pollId, 'poll_vote_weinig', tsOf(poll));
    await h.waitForCard(tsOf(poll), '4 stemmen');
    await h.click('U_FACI', pollId, 'poll_close', tsOf(poll));
    await updated(rootTs, 'Veel enthousiasme (4 stemmen)');
    await updated(tsOf(decision), 'Veel enthousiasme (4 stemmen)');
  });

  it('records a no go against much enthusiasm as "traject nodig" and proposes a traject', async () => {
    const before = h.fake.callsTo('views.open').length;
    await click('U_FACI', 'decision.record.nogo', `${collabId}:nogo`, rootTs);
    const open = await h.fake.waitFor((c) => c.method === 'views.open' && h.fake.callsTo('views.open').indexOf(c) >= before);
    const meta = (open.args.view as { private_metadata: string }).private_metadata;
    const empty = await submit('U_FACI', 'decision.record', meta, { rationale: { type: 'plain_text_input', value: '  ' } });
    expect((JSON.parse(empty.text) as { errors: Record<string, string> }).errors.rationale).toBe('Vul dit in.');
    const ok = await submit('U_FACI', 'decision.record', meta, {
      rationale: { type: 'plain_text_input', value: 'Geen budget dit schooljaar.' },
      withWhom: { type: 'plain_text_input', value: 'met het beleidsteam' },
    });
    expect(ok.text).toBe('');
    const root = await updated(rootTs, 'No go, met het beleidsteam');
    expect(json(root.args.blocks)).toContain('Traject nodig');
    expect(json(root.args.blocks)).toContain('Traject: Plan een traject');
  });

  it('lists the channel\'s collaborations and the decisions', async () => {
    const tag = await command('U_LID2', 'overzicht');
    const reply = await privateReply(tag);
    expect(reply.args.response_type).toBe('ephemeral');
    expect(json(reply.args.blocks)).toContain('Huiswerkklas met de bib');
    expect(json(reply.args.blocks)).toContain('No go');
    await mention('U_LID2', 'besluiten', rootTs);
    const list = await posted((c) => c.args.thread_ts === rootTs && json(c.args.blocks).includes('Beslissingen'));
    expect(json(list.args.blocks)).toContain('Geen budget dit schooljaar.');
  });
});

describe('Slack: stap 4 with open questions, and a proposal that does not work out', () => {
  it('goes back to stap 2 with the open points, then stops as no go with an evaluation card', async () => {
    const { collabId, rootTs } = await start('U_FACI', 'Zorgnetwerk Oost');
    await submit('U_LID1', 'step.answers', JSON.stringify({ c: collabId, s: 2 }), {
      opvolgpunten: { type: 'plain_text_input', value: 'Vervoer regelen' },
    });
    await mention('U_FACI', 'stap 4', rootTs);
    const step4 = await posted((c) => c.args.thread_ts === rootTs && json(c.args.blocks).includes('Beslis samen'));
    await click('U_FACI', 'step.outcome.back2', `${collabId}:back2`, tsOf(step4));
    await posted((c) => c.args.thread_ts === rootTs && json(c.args.blocks).includes('We gaan terug naar stap 2'));
    const back = await posted((c) => c.args.thread_ts === rootTs && json(c.args.blocks).includes('Check intern') && json(c.args.blocks).includes('Vervoer regelen'));
    expect(json(back.args.blocks)).toContain('step.answer');
    await updated(rootTs, 'Stap 2 van 4');

    await mention('U_FACI', 'stap 4', rootTs);
    const again = await posted((c) => c.args.thread_ts === rootTs && json(c.args.blocks).includes('Beslis samen') && tsOf(c) !== tsOf(step4));
    await click('U_FACI', 'step.outcome.fails', `${collabId}:fails`, tsOf(again));
    const evaluation = await posted((c) => c.args.thread_ts === rootTs && json(c.args.blocks).includes('Evaluatiegesprek'));
    expect((evaluation.args.blocks as unknown[]).length).toBeGreaterThan(3);
    const root = await updated(rootTs, 'Gestopt: het voorstel lukt niet');
    expect(json(root.args.blocks)).toContain('No go, met het beleidsteam');
    expect(json(root.args.blocks)).not.toContain('collab.poststep');
    const step4After = await updated(tsOf(again), 'Beslis samen');
    expect(json(step4After.args.blocks)).not.toContain('step.outcome');
    const tag = await command('U_FACI', 'overzicht');
    expect(json((await privateReply(tag)).args.blocks)).toContain('Zorgnetwerk Oost');
    await mention('U_FACI', 'stap 1', rootTs);
    await h.fake.waitFor((c) => c.method === 'chat.postEphemeral' && String(c.args.text).includes('gestopt na stap 4'));
  });
});

describe('Slack: the ten reminders', () => {
  it('posts the next reminder, takes answers in the same modal as the steps, and starts again after the tenth', async () => {
    const { collabId, rootTs } = await start('U_FACI', 'Reminders proberen');
    await mention('U_FACI', 'reminder', rootTs);
    const r1 = await posted((c) => c.args.thread_ts === rootTs && json(c.args.blocks).includes('Reminder 1 · Start bij jezelf'));
    expect(json(r1.args.blocks)).toContain('0 van 7 leden antwoordden');
    expect(buttonValue(r1, 'step.answer')).toBe(`${collabId}:reminder1`);

    const before = h.fake.callsTo('views.open').length;
    await click('U_LID1', 'step.answer', `${collabId}:reminder1`, tsOf(r1));
    const open = await h.fake.waitFor((c) => c.method === 'views.open' && h.fake.callsTo('views.open').indexOf(c) >= before);
    const view = open.args.view as { private_metadata: string; blocks: { type: string; block_id?: string; hint?: unknown }[] };
    const inputs = view.blocks.filter((b) => b.type === 'input');
    expect(inputs.map((b) => b.block_id)).toEqual(['q1', 'q2', 'q3']);
    expect(inputs.every((b) => b.hint === undefined)).toBe(true);
    const res = await submit('U_LID1', 'step.answers', view.private_metadata, { q1: { type: 'plain_text_input', value: 'Ik wil vooral leren.' } });
    expect(res.text).toBe('');
    await updated(tsOf(r1), '1 van 7 leden antwoordden');

    await mention('U_FACI', 'reminder', rootTs);
    await posted((c) => c.args.thread_ts === rootTs && json(c.args.blocks).includes('Reminder 2 · Blijf balanceren'));
    await mention('U_FACI', 'reminder 10', rootTs);
    await posted((c) => c.args.thread_ts === rootTs && json(c.args.blocks).includes('Reminder 10 · Wees druk met rust'));
    const before1 = h.fake.callsTo('chat.postMessage').filter((c) => json(c.args.blocks).includes('Reminder 1 ·')).length;
    await mention('U_FACI', 'reminder', rootTs);
    await h.fake.waitFor((c) => c.method === 'chat.postMessage' && json(c.args.blocks).includes('Reminder 1 ·') && h.fake.callsTo('chat.postMessage').filter((x) => json(x.args.blocks).includes('Reminder 1 ·')).indexOf(c) >= before1);

    await click('U_LID2', 'step.show', `${collabId}:reminder1`, tsOf(r1));
    const answers = await posted((c) => c.args.thread_ts === rootTs && json(c.args.blocks).includes('Antwoorden op reminder 1'));
    expect(json(answers.args.blocks)).toContain('<@U_LID1>: Ik wil vooral leren.');
  });

  it('posts reminders on a schedule: says when the next comes, posts it when its job runs, and stops', async () => {
    const { collabId, rootTs } = await start('U_FACI', 'Reminders op schema');
    const asked = () => h.fake.callsTo('chat.postEphemeral').length;
    let before = asked();
    await mention('U_FACI', 'reminder elke maandag 9:00', rootTs);
    const set = await h.fake.waitFor((c) => c.method === 'chat.postEphemeral' && h.fake.callsTo('chat.postEphemeral').indexOf(c) >= before);
    expect(String(set.args.text)).toMatch(/elke maandag om 9:00 komt er een reminder in de draad\. De eerste komt op maandag .* om 09:00\./);
    before = asked();
    await mention('U_LID1', 'reminder', rootTs);
    const refused = await h.fake.waitFor((c) => c.method === 'chat.postEphemeral' && h.fake.callsTo('chat.postEphemeral').indexOf(c) >= before);
    expect(String(refused.args.text)).toContain('De volgende komt op maandag');
    // The scheduled job's time has come.
    const job = (await h.app.queue.getDelayed()).find((j) => j.name === 'reminder' && j.data.collabId === collabId)!;
    expect(Object.keys(job.data).sort()).toEqual(['collabId', 'platform', 'tenant']);
    await job.promote();
    await posted((c) => c.args.thread_ts === rootTs && json(c.args.blocks).includes('Reminder 1 · Start bij jezelf'));
    before = asked();
    await mention('U_FACI', 'reminder stop', rootTs);
    const stopped = await h.fake.waitFor((c) => c.method === 'chat.postEphemeral' && h.fake.callsTo('chat.postEphemeral').indexOf(c) >= before);
    expect(String(stopped.args.text)).toContain('gestopt');
    expect(await h.app.queue.getJobScheduler(`reminders-${collabId}`)).toBeUndefined();
  });

  it('lets only the facilitator and coordinators post a reminder, and does not guess at words it does not know', async () => {
    const { rootTs } = await start('U_FACI', 'Reminders mogen niet');
    const asked = h.fake.callsTo('chat.postEphemeral').length;
    await mention('U_LID1', 'reminder', rootTs);
    const refused = await h.fake.waitFor((c) => c.method === 'chat.postEphemeral' && h.fake.callsTo('chat.postEphemeral').indexOf(c) >= asked);
    expect(String(refused.args.text)).toContain('Alleen de facilitator en de coördinatoren');
    await mention('U_FACI', 'reminder 11', rootTs);
    await h.fake.waitFor((c) => c.method === 'chat.postEphemeral' && String(c.args.text).includes('"reminder 11"'));
  });
});

describe('Slack: finding the collaboration a command means', () => {
  it('asks privately which one when the channel has several, and runs the command on the pick', async () => {
    const second = await start('U_FACI', 'Taalbad in de zomer');
    const tag = await command('U_FACI', 'stap 1');
    const reply = await privateReply(tag);
    expect(json(reply.args.blocks)).toContain('meerdere samenwerkingen');
    const pick = JSON.parse(json(reply.args.blocks)) as Block[];
    const value = pick.map((b) => b.accessory?.value).find((v) => v?.startsWith(`${second.collabId}|`));
    expect(value).toBe(`${second.collabId}|stap 1`);
    await click('U_FACI', 'collab.pick.1', value!);
    await posted((c) => c.args.thread_ts === second.rootTs && json(c.args.blocks).includes('Verken het idee'));
  });

  it('refuses a payload from another workspace, whatever collaboration it names', async () => {
    const { collabId, rootTs } = await start('U_FACI', 'Andere werkruimte');
    const tag = `other-${++n}`;
    const res = await h.post(blockActionsBody({ actionId: 'collab.poststep', value: `${collabId}:2`, userId: 'U_FACI', teamId: 'T0ANDERE', channelId: CHANNEL, messageTs: rootTs, responseUrl: `${h.fake.responseUrlBase}/${tag}` }));
    expect(res.status).toBe(200);
    expect(String((await privateReply(tag)).args.text)).toContain('andere werkruimte');
    expect(h.fake.callsTo('chat.postMessage').some((c) => c.args.thread_ts === rootTs)).toBe(false);
  });

  it('answers a forged modal submission with unreadable metadata or unknown questions without a 5xx, and stores nothing', async () => {
    for (const meta of ['{not json', '{"c":"../../x","s":2}', '{"c":"abcdefghij12","s":9}']) {
      const res = await submit('U_LID1', 'step.answers', meta, { drijfveer: { type: 'plain_text_input', value: 'x' } });
      expect(res.status, meta).toBe(200);
    }
    const { collabId } = await start('U_FACI', 'Vervalste formulieren');
    const res = await submit('U_LID1', 'step.answers', JSON.stringify({ c: collabId, s: 1 }), { onbekend: { type: 'plain_text_input', value: 'x' } });
    expect(res.status).toBe(200);
    expect(res.text).toContain('niets veranderd');
    const keys = (await dumpRedis(h.redis.url)).filter((k) => k.key.includes(collabId) && k.key.endsWith(':answers:1'));
    expect(keys).toEqual([]);
  });

  it('refuses a button that names a collaboration that does not exist here', async () => {
    const tag = await click('U_FACI', 'collab.poststep', 'doesNotExist0001:1');
    expect(String((await privateReply(tag)).args.text)).toContain('bestaat niet meer');
  });
});

describe('Slack: in English', () => {
  it('switches a collaboration\'s cards to English from the edit form', async () => {
    const s2 = await start('U_FACI', 'Leesouders');
    await submit('U_FACI', 'collab.edit', JSON.stringify({ c: s2.collabId }), {
      title: { type: 'plain_text_input', value: 'Reading parents' },
      locale: { type: 'static_select', selected_option: { value: 'en' } },
    });
    await updated(s2.rootTs, 'Collaboration idea');
  });

  it('uses the starter\'s language for the shared cards', async () => {
    h.fake.setUserLocale('U_EN', 'en-GB');
    const s = await start('U_EN', 'Reading buddies');
    const text = json(s.root.args.blocks);
    expect(text).toContain('Collaboration idea');
    expect(text).toContain('Step 1 of 4');
    await mention('U_EN', 'step 1', s.rootTs);
    const card = await posted((c) => c.args.thread_ts === s.rootTs && json(c.args.blocks).includes('Explore the idea'));
    expect(json(card.args.blocks)).toContain('0 of 7 members answered');
  });
});

describe('Slack: the dossier and forgetting', () => {
  let collabId = '';
  let rootTs = '';
  let url = '';

  it('gives the requester a private link to the dossier and posts the Markdown file in the thread', async () => {
    ({ collabId, rootTs } = await start('U_FACI', 'Brede school <Noord> & co'));
    await mention('U_FACI', 'stap 1', rootTs);
    await posted((c) => c.args.thread_ts === rootTs && json(c.args.blocks).includes('Verken het idee'));
    await submit('U_LID1', 'step.answers', JSON.stringify({ c: collabId, s: 1 }), {
      waarom: { type: 'plain_text_input', value: 'Te veel kinderen zonder <b>studieplek</b>.' },
    });
    await submit('U_LID1', 'step.answers', JSON.stringify({ c: collabId, s: 1 }), {
      waarom: { type: 'plain_text_input', value: 'Kinderen zonder studieplek.' },
    });
    const before = h.fake.callsTo('chat.postEphemeral').length;
    await mention('U_LID2', 'dossier', rootTs);
    const reply = await h.fake.waitFor((c) => c.method === 'chat.postEphemeral' && h.fake.callsTo('chat.postEphemeral').indexOf(c) >= before);
    expect(reply.args.user).toBe('U_LID2');
    url = /(http:\/\/\S+\/dossier\/\S+)/.exec(String(reply.args.text))?.[1] ?? '';
    expect(url).toMatch(/^http:\/\/localhost:\d+\/dossier\/[A-Za-z0-9_-]{22}\.\d+\.[A-Za-z0-9_-]{43}$/);
    const complete = await h.fake.waitFor((c) => c.method === 'files.completeUploadExternal');
    expect(complete.args.thread_ts).toBe(rootTs);
    expect(complete.args.channel_id).toBe(CHANNEL);
    const upload = await h.fake.waitFor((c) => c.method === 'upload');
    expect(String(upload.args.content)).toContain('Kinderen zonder studieplek');
  });

  it('serves the dossier page, with its Markdown and JSON, from our own server without scripts', async () => {
    const local = url.replace(/^http:\/\/localhost:\d+/, `http://127.0.0.1:${h.app.port()}`);
    const page = await fetch(local);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    const html = await page.text();
    expect(html).toContain('Brede school &lt;Noord&gt; &amp; co');
    expect(html).toContain('Kinderen zonder studieplek.');
    expect(html).toContain('Te veel kinderen zonder &lt;b&gt;studieplek&lt;/b&gt;.');
    // Names come from users.info when the page is made; none is stored.
    expect(html).toContain('user-U_LID1');
    expect(html).not.toMatch(/<script|https?:\/\/(?!localhost)/i);
    const markdown = await fetch(`${local}.md`);
    expect(markdown.headers.get('content-type')).toContain('text/markdown');
    expect(await markdown.text()).toContain('# Dossier: Brede school \\<Noord\\> & co');
    const data = (await (await fetch(`${local}.json`)).json()) as { title: string; sheets: { sheet: string; questions: { answers: { text: string }[] }[] }[] };
    expect(data.title).toBe('Brede school <Noord> & co');
    expect(data.sheets[0]!.sheet).toBe('step1');
    expect(data.sheets[0]!.questions[0]!.answers[0]!.text).toBe('Kinderen zonder studieplek.');
  });

  it('answers 404 with no data for a forged, altered or expired link', async () => {
    const local = url.replace(/^http:\/\/localhost:\d+/, `http://127.0.0.1:${h.app.port()}`);
    const altered = local.replace(/(\/dossier\/[A-Za-z0-9_-]+)\.(\d+)\./, (_, head: string, exp: string) => `${head}.${Number(exp) + 86_400_000}.`);
    const forged = local.slice(0, -3) + (local.endsWith('AAA') ? 'BBB' : 'AAA');
    for (const bad of [altered, forged, `http://127.0.0.1:${h.app.port()}/dossier/nothing`, `${forged}.json`]) {
      const res = await fetch(bad);
      expect(res.status, bad).toBe(404);
      expect(await res.text()).toBe('not found');
    }
    offsetMs = 8 * 24 * 60 * 60 * 1000;
    try {
      expect((await fetch(local)).status).toBe(404);
    } finally {
      offsetMs = 0;
    }
    expect((await fetch(local)).status).toBe(200);
  });

  it('lets only the facilitator forget, after a confirmation, and then nothing of it is left', async () => {
    const refused = await command('U_LID1', 'vergeet');
    expect(String((await privateReply(refused)).args.text)).toMatch(/meerdere samenwerkingen|Alleen de facilitator/);
    const before = h.fake.callsTo('chat.postEphemeral').length;
    await mention('U_LID1', 'vergeet', rootTs);
    const no = await h.fake.waitFor((c) => c.method === 'chat.postEphemeral' && h.fake.callsTo('chat.postEphemeral').indexOf(c) >= before);
    expect(String(no.args.text)).toContain('Alleen de facilitator van deze samenwerking');
    await mention('U_FACI', 'reminder elke vrijdag 10:00', rootTs);
    await h.fake.waitFor((c) => c.method === 'chat.postEphemeral' && String(c.args.text).includes('elke vrijdag om 10:00'));
    expect(await h.app.queue.getJobScheduler(`reminders-${collabId}`)).toBeDefined();
    await mention('U_FACI', 'vergeet', rootTs);
    const ask = await h.fake.waitFor((c) => c.method === 'chat.postEphemeral' && json(c.args.blocks).includes('collab.forget'));
    expect(json(ask.args.blocks)).toContain('Dat kan niet ongedaan worden');
    const tag = await click('U_FACI', 'collab.forget', collabId, rootTs);
    expect(String((await privateReply(tag)).args.text)).toContain('vergeten');
    await updated(rootTs, 'Deze samenwerking is op vraag van de facilitator vergeten');
    await posted((c) => c.args.thread_ts === rootTs && json(c.args.blocks).includes('vergeten'));
    const local = url.replace(/^http:\/\/localhost:\d+/, `http://127.0.0.1:${h.app.port()}`);
    expect((await fetch(local)).status).toBe(404);
    const linkId = /\/dossier\/([A-Za-z0-9_-]{22})\./.exec(url)![1]!;
    const dump = await dumpRedis(h.redis.url);
    // BullMQ's event stream (capped at 1,000 entries) keeps the ids of jobs that ran, such as the
    // reminder scheduler's; it holds no content, which the second check shows.
    const left = dump.filter(
      (k) => !k.key.endsWith(':events') && [collabId, linkId, 'Brede school', 'Kinderen zonder studieplek', '<b>studieplek'].some((needle) => k.key.includes(needle) || String(k.value).includes(needle)),
    );
    expect(left.map((k) => k.key)).toEqual([]);
    const events = dump.filter((k) => k.key.endsWith(':events'));
    for (const text of ['Brede school', 'studieplek', 'vrijdag']) expect(events.some((k) => String(k.value).includes(text)), text).toBe(false);
    const jobs = await h.app.queue.getJobs(['delayed', 'waiting', 'active', 'prioritized']);
    expect(jobs.filter((j) => JSON.stringify(j.data).includes(collabId))).toEqual([]);
    expect(await h.app.queue.getJobScheduler(`reminders-${collabId}`)).toBeUndefined();
  });
});

describe('Slack: welcome', () => {
  const joined = (user: string, eventId: string) => ({
    body: JSON.stringify({
      token: 'legacy-verification-token',
      team_id: TEAM,
      api_app_id: 'A0WERKTSAMEN',
      event: { type: 'member_joined_channel', user, channel: 'C0NIEUW', channel_type: 'C', team: TEAM, inviter: 'U_EN', event_ts: '1700000000.000100' },
      type: 'event_callback',
      event_id: eventId,
      event_time: Math.floor(Date.now() / 1000),
      authorizations: [{ enterprise_id: null, team_id: TEAM, user_id: 'UBOT', is_bot: true, is_enterprise_install: false }],
    }),
    contentType: 'application/json',
  });

  it('says once, in the inviter\'s language, how to begin when the bot is invited to a channel', async () => {
    expect((await h.post(joined('U_SOMEONE', 'EvJoin1'))).status).toBe(200);
    const sentAt = Math.floor(Date.now() / 1000);
    expect((await h.post(joined('UBOT', 'EvJoin2'), { timestamp: sentAt })).status).toBe(200);
    // Slack retries an event it thinks we missed (signed anew, with a retry header): it must not greet twice.
    const retry = await h.post(joined('UBOT', 'EvJoin2'), { timestamp: sentAt + 1, extraHeaders: { 'X-Slack-Retry-Num': '1', 'X-Slack-Retry-Reason': 'http_timeout' } });
    expect(retry.status).toBe(200);
    const welcome = await posted((c) => c.args.channel === 'C0NIEUW');
    expect(String(welcome.args.text)).toContain('`start [title]`');
    expect(String(welcome.args.text)).toContain('`poll`');
    await mention('U_EN', 'help');
    const help = await h.fake.waitFor((c) => c.method === 'chat.postEphemeral' && String(c.args.text).includes('`decide`'));
    for (const command of ['`start [title]`', '`list`', '`step 1`', '`decisions`', '`dossier`', '`forget`', '`poll [question]`']) expect(String(help.args.text)).toContain(command);
    expect(h.fake.callsTo('chat.postMessage').filter((c) => c.args.channel === 'C0NIEUW')).toHaveLength(1);
  });
});

describe('Slack: what the logs hold', () => {
  it('never a title, an answer, a reason, a token, or who anyone is (ids, names, emails)', async () => {
    const text = h.logs.text();
    expect(text).toContain('Slack workspace resolved');
    for (const typed of ['Huiswerkklas', 'Past bij onze missie', 'Budget vastleggen', 'Geen budget dit schooljaar', 'Kinderen zonder', 'Brede school', 'xoxb-']) {
      expect(text, typed).not.toContain(typed);
    }
    // Every person who acted in these tests, as Slack identifies them and as users.info names them.
    for (const user of ['U_FACI', 'U_LID1', 'U_LID2', 'U_COORD', 'U_EN']) {
      for (const who of [user, `user-${user}`, `User ${user}`, `${user.toLowerCase()}@school.example`]) expect(text, who).not.toContain(who);
    }
  });
});

describe('Slack: uninstalling the app deletes its collaborations', () => {
  it('leaves no collaboration, answer, decision, thread map or dossier link of the workspace', async () => {
    const { collabId, rootTs } = await start('U_FACI', 'Laatste samenwerking');
    await submit('U_LID1', 'step.answers', JSON.stringify({ c: collabId, s: 2 }), { opvolgpunten: { type: 'plain_text_input', value: 'Sleutels van de zaal' } });
    const asked = h.fake.callsTo('chat.postEphemeral').length;
    await mention('U_LID1', 'dossier', rootTs);
    await h.fake.waitFor((c) => c.method === 'chat.postEphemeral' && h.fake.callsTo('chat.postEphemeral').indexOf(c) >= asked && String(c.args.text).includes('/dossier/'));
    const before = await dumpRedis(h.redis.url);
    expect(before.some((d) => d.key.startsWith('ws:link:'))).toBe(true);
    const body = {
      token: 'legacy', team_id: TEAM, api_app_id: 'A0WERKTSAMEN', type: 'event_callback', event_id: 'Ev0UNINSTALLCOLLAB', event_time: 1,
      event: { type: 'app_uninstalled', event_ts: '1700000000.000001' },
    };
    expect((await h.post({ body: JSON.stringify(body), contentType: 'application/json' })).status).toBe(200);
    await h.logs.waitFor((l) => l.msg === 'workspace data deleted');
    const after = await dumpRedis(h.redis.url);
    const left = after.filter((d) => d.key.includes(TEAM) || String(d.value).includes(TEAM) || d.key.startsWith('ws:link:') || String(d.value).includes('Sleutels'));
    expect(left.map((d) => d.key)).toEqual([]);
  });
});
