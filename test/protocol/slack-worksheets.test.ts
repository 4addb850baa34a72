/**
 * Slack: the worksheet cards through the real Bolt app over signed HTTP, against the fake Web API
 * and a real Redis. Commands post the cards in the collaboration's thread; the buttons open modals
 * (`ws.form`) whose submissions change the cards; the plan for externals feeds the workspace's
 * register (`register <naam>`); the form the group leans to can be adopted by a coordinator; the
 * dossier carries the draft agreement; `tijdzone` sets the collaboration's time zone.
 */
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collabKeys } from '../../src/store/keys.js';
import { registerKey } from '../../src/store/register-store.js';
import { assertBlockKit } from '../support/block-kit-check.js';
import type { RecordedCall } from '../support/fake-slack.js';
import { appMentionEventBody, blockActionsBody, slashCommandBody, viewSubmissionBody } from '../support/slack-signing.js';
import { CHANNEL, startSlackHarness, TEAM, type SlackHarness } from '../support/slack-harness.js';

let h: SlackHarness;
let redis: Redis;
const scope = { platform: 'slack' as const, tenant: TEAM };

beforeAll(async () => {
  h = await startSlackHarness();
  redis = new Redis(h.redis.url);
});
afterAll(async () => {
  redis?.disconnect();
  await h?.close();
});

let n = 0;
const json = (v: unknown): string => JSON.stringify(v) ?? '';

type Element = { type?: string; action_id?: string; value?: string; text?: { text?: string } };
type Block = {
  type: string;
  block_id?: string;
  text?: { type: string; text: string };
  elements?: (Element & { text?: unknown })[];
  accessory?: Element;
};
const blocksOf = (call: RecordedCall): Block[] => (call.args.blocks as Block[] | undefined) ?? [];
const headerOf = (call: RecordedCall): string | undefined => blocksOf(call).find((b) => b.type === 'header')?.text?.text;
/** The mrkdwn text of a section (or the joined texts of a context) by its block id. */
const blockText = (call: RecordedCall, blockId: string): string => {
  const b = blocksOf(call).find((x) => x.block_id === blockId);
  if (!b) return '';
  if (b.text) return b.text.text;
  return (b.elements ?? []).map((e) => (typeof e.text === 'string' ? e.text : '')).join(' ');
};
const buttons = (call: RecordedCall): Element[] =>
  blocksOf(call).flatMap((b) => [...(b.type === 'actions' ? (b.elements as Element[]) : []), ...(b.accessory ? [b.accessory] : [])]);
const button = (call: RecordedCall, actionId: string): Element | undefined => buttons(call).find((e) => e.action_id === actionId);

/** Every card the app posts or updates must be valid Block Kit. */
function valid(call: RecordedCall): RecordedCall {
  if (call.args.blocks !== undefined) assertBlockKit({ text: String(call.args.text ?? ''), blocks: call.args.blocks as never });
  return call;
}

async function command(userId: string, text: string, opts: { channel?: string; teamId?: string } = {}): Promise<string> {
  const tag = `wscmd-${++n}`;
  const res = await h.post(
    slashCommandBody({ text, userId, teamId: opts.teamId ?? TEAM, channelId: opts.channel ?? CHANNEL, responseUrl: `${h.fake.responseUrlBase}/${tag}` }),
  );
  expect(res.status).toBe(200);
  return tag;
}

/** `@WerktSamen <text>` in a thread; resolves with the index in the fake's calls before it was sent. */
async function mention(userId: string, text: string, threadTs: string, channel = CHANNEL): Promise<number> {
  const since = h.fake.calls.length;
  const id = ++n;
  const res = await h.post(
    appMentionEventBody({ eventId: `EvWs${id}`, teamId: TEAM, channelId: channel, userId, text: `<@UBOT> ${text}`, ts: `1700002${id}.000100`, threadTs }),
  );
  expect(res.status).toBe(200);
  return since;
}

/** The next private (ephemeral) message to `userId` after call index `since`. */
const ephemeral = (userId: string, since: number) =>
  h.fake.waitFor((c) => c.method === 'chat.postEphemeral' && c.args.user === userId && h.fake.calls.indexOf(c) >= since, 10_000);

async function click(userId: string, actionId: string, value: string, messageTs: string, teamId = TEAM): Promise<string> {
  const tag = `wsclick-${++n}`;
  const res = await h.post(blockActionsBody({ actionId, value, userId, teamId, channelId: CHANNEL, messageTs, responseUrl: `${h.fake.responseUrlBase}/${tag}` }));
  expect(res.status).toBe(200);
  return tag;
}

const privateReply = (tag: string) => h.fake.waitFor((c) => c.method === 'response_url' && c.path.endsWith(`/${tag}`), 10_000);
const posted = (match: (c: RecordedCall) => boolean, since = 0) =>
  h.fake.waitFor((c) => c.method === 'chat.postMessage' && h.fake.calls.indexOf(c) >= since && match(c), 10_000).then(valid);
/** The first chat.update of `ts` after call index `since` whose card satisfies `match`. */
const updatedWhere = (ts: string, since: number, match: (c: RecordedCall) => boolean) =>
  h.fake.waitFor((c) => c.method === 'chat.update' && c.args.ts === ts && h.fake.calls.indexOf(c) >= since && match(c), 10_000).then(valid);
const updated = (ts: string, since: number, text: string) => updatedWhere(ts, since, (c) => json(c.args.blocks).includes(text));
const tsOf = (call: RecordedCall): string => String((call.response as { ts: string }).ts);

async function start(userId: string, title: string, channel = CHANNEL): Promise<{ collabId: string; rootTs: string }> {
  const since = h.fake.calls.length;
  await command(userId, `start ${title}`, { channel });
  const root = await posted((c) => c.args.channel === channel && c.args.thread_ts === undefined && json(c.args.blocks).includes(title), since);
  const collabId = button(root, 'collab.edit')?.value ?? '';
  expect(collabId).toMatch(/^[A-Za-z0-9_-]{10,32}$/);
  return { collabId, rootTs: tsOf(root) };
}

/** Asks for a worksheet in the thread and resolves with its card. */
async function worksheetCard(userId: string, text: string, rootTs: string, title: string, channel = CHANNEL): Promise<RecordedCall> {
  const since = await mention(userId, text, rootTs, channel);
  return posted((c) => c.args.thread_ts === rootTs && headerOf(c) === title, since);
}

// ---- modals -------------------------------------------------------------------------------

type Option = { text: { type: string; text: string }; value: string };
type InputBlock = {
  type: string;
  block_id?: string;
  optional?: boolean;
  label?: { text: string };
  text?: { text: string };
  elements?: { text: string }[];
  element?: { type: string; action_id: string; options?: Option[]; initial_option?: Option; initial_options?: Option[]; initial_value?: string; max_length?: number; multiline?: boolean };
};
type Modal = { type: string; callback_id: string; private_metadata: string; title: { text: string }; submit: { text: string }; blocks: InputBlock[] };

const inputIds = (view: Modal): string[] => view.blocks.filter((b) => b.type === 'input').map((b) => b.block_id ?? '');
const inputOf = (view: Modal, id: string): InputBlock => {
  const b = view.blocks.find((x) => x.type === 'input' && x.block_id === id);
  if (!b) throw new Error(`modal has no input ${id}`);
  return b;
};

/** Presses a button that opens a modal; resolves with the modal the app sent to views.open. */
async function openModal(userId: string, actionId: string, value: string, messageTs: string): Promise<Modal> {
  const since = h.fake.calls.length;
  const tag = await click(userId, actionId, value, messageTs);
  // A refused press answers privately instead: show that rather than a bare timeout.
  const call = await Promise.race([
    h.fake.waitFor((c) => c.method === 'views.open' && h.fake.calls.indexOf(c) >= since, 10_000),
    privateReply(tag).then((r) => {
      throw new Error(`no modal; private answer: ${String(r.args.text)}`);
    }),
  ]);
  expect(typeof call.args.trigger_id).toBe('string');
  const view = call.args.view as Modal;
  expect(view.type).toBe('modal');
  expect(view.callback_id).toBe('ws.form');
  // Slack's modal limits: title 24, 100 blocks, option texts 75, metadata 3000.
  expect(view.title.text.length).toBeLessThanOrEqual(24);
  expect(view.blocks.length).toBeLessThanOrEqual(100);
  expect(view.private_metadata.length).toBeLessThanOrEqual(3000);
  for (const b of view.blocks) {
    for (const o of b.element?.options ?? []) expect(o.text.text.length).toBeLessThanOrEqual(75);
    if (b.type === 'input') expect(b.element?.action_id).toBe('value');
  }
  return view;
}

type Answer = string | boolean;

/**
 * The modal's state as Slack sends it on submit: every input block, holding what the person
 * changed (`answers`) or else what the modal was opened with. Strings fill text inputs and pick
 * select options by value; booleans tick or clear checkboxes.
 */
function stateOf(view: Modal, answers: Record<string, Answer>): Record<string, Record<string, unknown>> {
  const ids = inputIds(view);
  for (const id of Object.keys(answers)) if (!ids.includes(id)) throw new Error(`test error: the modal has no input ${id}`);
  const state: Record<string, Record<string, unknown>> = {};
  for (const b of view.blocks) {
    if (b.type !== 'input' || !b.block_id || !b.element) continue;
    const el = b.element;
    const a = answers[b.block_id];
    if (el.type === 'plain_text_input') state[b.block_id] = { type: el.type, value: typeof a === 'string' ? a : (el.initial_value ?? null) };
    else if (el.type === 'static_select') {
      const picked = typeof a === 'string' ? el.options?.find((o) => o.value === a) : el.initial_option;
      if (typeof a === 'string' && !picked) throw new Error(`test error: ${b.block_id} offers no option ${a}`);
      state[b.block_id] = { type: el.type, selected_option: picked ?? null };
    } else if (el.type === 'checkboxes') {
      const on = typeof a === 'boolean' ? a : (el.initial_options?.length ?? 0) > 0;
      state[b.block_id] = { type: el.type, selected_options: on ? el.options ?? [] : [] };
    } else throw new Error(`test error: unexpected element ${el.type}`);
  }
  return state;
}

async function submitRaw(userId: string, privateMetadata: string, values: Record<string, Record<string, unknown>>, teamId = TEAM) {
  const res = await h.post(viewSubmissionBody({ callbackId: 'ws.form', privateMetadata, values, userId, teamId }));
  expect(res.status).toBe(200);
  return res;
}

/** Submits the modal with `answers`; resolves with the errors Slack would show, or {} when it closed. */
async function submit(userId: string, view: Modal, answers: Record<string, Answer>): Promise<Record<string, string>> {
  const res = await submitRaw(userId, view.private_metadata, stateOf(view, answers));
  if (res.text === '') return {};
  const body = JSON.parse(res.text) as { response_action: string; errors: Record<string, string> };
  expect(body.response_action).toBe('errors');
  return body.errors;
}

// ---- Redis --------------------------------------------------------------------------------

async function storedCollab(collabId: string): Promise<{ form?: string; timeZone?: string }> {
  const raw = await redis.hget(collabKeys(scope, collabId).meta, 'data');
  if (!raw) throw new Error('collaboration not stored');
  return JSON.parse(raw) as { form?: string; timeZone?: string };
}
const entryFields = (collabId: string, sheet: 'conditions' | 'form' | 'partners' | 'agreements' | 'internal' | 'externals') =>
  redis.hkeys(collabKeys(scope, collabId).answers(sheet));

// ---- the tests ----------------------------------------------------------------------------

const NL_TITLES = {
  conditions: 'Vijf voorwaarden voor succes',
  form: 'Vorm en issue',
  partners: 'Partners',
  agreements: 'Afspraken',
  internal: 'Interne partners',
  externals: 'Samenwerken met een externe organisatie',
};

describe('Slack: worksheet cards in the thread', () => {
  it('posts each of the six worksheets in the thread of the root card, with its Dutch heading and buttons', async () => {
    const { collabId, rootTs } = await start('U_FACI', 'Werkbladen in de bib');
    const cards: Record<string, RecordedCall> = {};
    for (const [text, sheet] of [
      ['voorwaarden', 'conditions'],
      ['vorm', 'form'],
      ['partners', 'partners'],
      ['afspraken', 'agreements'],
      ['interne partners', 'internal'],
      ['externen', 'externals'],
    ] as const) {
      const card = await worksheetCard('U_LID1', text, rootTs, NL_TITLES[sheet]);
      expect(card.args.channel).toBe(CHANNEL);
      expect(card.args.thread_ts).toBe(rootTs);
      expect(blockText(card, 'collab')).toContain('Werkbladen in de bib');
      cards[sheet] = card;
    }
    // Member sheets: fill in and show; the shared sheet: fill in; item sheets: one button per item.
    expect(button(cards.conditions!, 'ws.fill')?.value).toBe(`${collabId}:conditions`);
    expect(button(cards.conditions!, 'ws.show')?.value).toBe(`${collabId}:conditions`);
    expect(blockText(cards.conditions!, 'i_ambitie')).toContain('*Ambitie*\nnog geen scores');
    expect(button(cards.form!, 'ws.fill')?.text?.text).toBe('Invullen');
    expect(button(cards.form!, 'ws.adopt')).toBeUndefined();
    expect(button(cards.partners!, 'ws.add')).toMatchObject({ value: `${collabId}:partners`, text: { text: 'Partner toevoegen' } });
    expect(blockText(cards.partners!, 'progress')).toBe('Nog niets ingevuld.');
    expect(buttons(cards.agreements!).filter((b) => b.action_id?.startsWith('ws.edit.'))).toHaveLength(11);
    expect(button(cards.agreements!, 'ws.edit.inhoud')?.value).toBe(`${collabId}:agreements.inhoud`);
    expect(blockText(cards.agreements!, 'progress')).toBe('0 van 11 thema’s afgesproken of n.v.t.');
    expect(button(cards.internal!, 'ws.fill')?.value).toBe(`${collabId}:internal`);
    expect(blockText(cards.internal!, 'progress')).toBe('0 van 11 betrokken');
    expect(buttons(cards.externals!).filter((b) => b.action_id?.startsWith('ws.edit.')).map((b) => b.action_id)).toEqual(
      ['s1', 's2', 's3', 's4', 's5', 's6'].map((s) => `ws.edit.${s}`),
    );
    expect(blockText(cards.externals!, 'progress')).toBe('0 van 6 stappen gedaan');
  });

  it('posts the English twins for an English collaboration, asked in English', async () => {
    h.fake.setUserLocale('U_EN', 'en-GB');
    const { collabId, rootTs } = await start('U_EN', 'Reading buddies worksheets');
    const titles: [string, string][] = [
      ['conditions', 'Five conditions for success'],
      ['form', 'Form and issue'],
      ['partners', 'Partners'],
      ['agreements', 'Agreements'],
      ['internal partners', 'Internal partners'],
      ['externals', 'Working with an external organisation'],
    ];
    const cards: RecordedCall[] = [];
    for (const [text, title] of titles) cards.push(await worksheetCard('U_EN', text, rootTs, title));
    expect(blockText(cards[0]!, 'i_ambitie')).toContain('no scores yet');
    expect(button(cards[2]!, 'ws.add')?.text?.text).toBe('Add partner');
    expect(blockText(cards[3]!, 'progress')).toBe('0 of 11 themes agreed or n/a');
    expect(blockText(cards[4]!, 'progress')).toBe('0 of 11 involved');

    // The English form card offers the English button once the group leans to one form.
    const form = cards[1]!;
    const view = await openModal('U_EN', 'ws.fill', `${collabId}:form`, tsOf(form));
    expect(view.title.text).toBe('Form and issue');
    const since = h.fake.calls.length;
    expect(await submit('U_EN', view, { belangen: 'netwerk', engagement: 'netwerk', taak: 'ja' })).toEqual({});
    const card = await updated(tsOf(form), since, 'Choose Network');
    expect(button(card, 'ws.adopt')?.value).toBe(`${collabId}:form.netwerk`);
    expect(blockText(card, 'note')).toBe('The group mostly chooses: Network');
  });

  it('posts the card with the slash command in the thread of the channel\'s only collaboration', async () => {
    const channel = 'C0WERKBLAD';
    const { rootTs } = await start('U_FACI', 'Enige samenwerking hier', channel);
    const since = h.fake.calls.length;
    await command('U_LID1', 'afspraken', { channel });
    const card = await posted((c) => c.args.channel === channel && headerOf(c) === NL_TITLES.agreements, since);
    expect(card.args.thread_ts).toBe(rootTs);
  });
});

describe('Slack: the five conditions', () => {
  let collabId = '';
  let rootTs = '';
  let cardTs = '';

  it('opens a modal with a score (1 to 5) and a remark per condition', async () => {
    ({ collabId, rootTs } = await start('U_FACI', 'Voorwaarden wegen'));
    cardTs = tsOf(await worksheetCard('U_FACI', 'voorwaarden', rootTs, NL_TITLES.conditions));
    const view = await openModal('U_LID1', 'ws.fill', `${collabId}:conditions`, cardTs);
    expect(JSON.parse(view.private_metadata)).toEqual({ c: collabId, w: 'conditions' });
    expect(view.title.text).toBe('Vijf voorwaarden');
    expect(inputIds(view)).toEqual(['ambitie', 'ambitie_note', 'belangen', 'belangen_note', 'relatie', 'relatie_note', 'organisatie', 'organisatie_note', 'proces', 'proces_note']);
    const score = inputOf(view, 'ambitie');
    expect(score.label?.text).toBe('Ambitie · Score');
    expect(score.element?.type).toBe('static_select');
    expect(score.element?.options?.map((o) => o.value)).toEqual(['1', '2', '3', '4', '5']);
    expect(score.element?.options?.[0]?.text.text).toBe('1 · zwak');
    expect(inputOf(view, 'ambitie_note').element).toMatchObject({ type: 'plain_text_input', max_length: 300 });
    expect(inputOf(view, 'ambitie_note').optional).toBe(true);
  });

  it('shows the spread of three members\' scores, and flags a low and a far-apart condition with its question', async () => {
    const since = h.fake.calls.length;
    const view = await openModal('U_LID1', 'ws.fill', `${collabId}:conditions`, cardTs);
    expect(await submit('U_LID1', view, { ambitie: '2', belangen: '4', relatie: '1', organisatie: '4', proces: '3', relatie_note: 'We kennen elkaar nog niet goed.' })).toEqual({});
    expect(await submit('U_LID2', view, { ambitie: '2', belangen: '4', relatie: '5', organisatie: '4', proces: '4' })).toEqual({});
    expect(await submit('U_LID3', view, { ambitie: '3', relatie: '3', organisatie: '5', ambitie_note: 'Wat willen we echt samen bereiken?' })).toEqual({});
    const card = await updated(cardTs, since, '3 leden vulden in');
    expect(blockText(card, 'progress')).toBe('3 leden vulden in');
    // ambitie 2, 2, 3: mean 2,3 (low); relatie 1, 5, 3: four apart; organisatie 4, 4, 5: fine.
    expect(blockText(card, 'i_ambitie')).toContain('*Ambitie*\ngemiddeld 2,3 · van 2 tot 3 · 3 scores');
    expect(blockText(card, 'i_ambitie')).toContain('• <@U_LID3>: Wat willen we echt samen bereiken?');
    expect(blockText(card, 'i_relatie')).toContain('gemiddeld 3,0 · van 1 tot 5 · 3 scores');
    expect(blockText(card, 'i_relatie')).toContain('• <@U_LID1>: We kennen elkaar nog niet goed.');
    expect(blockText(card, 'i_proces')).toContain('gemiddeld 3,5 · van 3 tot 4 · 2 scores');
    const flags = blockText(card, 'flags');
    expect(flags).toContain('*Om te bespreken*');
    expect(flags).toContain('• Ambitie (Laag gescoord): Wat willen we samen bereiken dat elk van ons apart niet lukt, en herkent iedereen zich daarin?');
    expect(flags).toContain('• Relatie (Jullie liggen ver uit elkaar): Wat hebben we nodig om elkaar meer te vertrouwen, en wat zeggen we nu liever niet hardop?');
    for (const fine of ['Organisatie', 'Proces', 'Belangen']) expect(flags).not.toContain(`• ${fine} (`);
    expect((await entryFields(collabId, 'conditions')).sort()).toEqual(['U_LID1', 'U_LID2', 'U_LID3']);
  });

  it('reopens the modal with the member\'s own scores and remark, and a change replaces them', async () => {
    const view = await openModal('U_LID2', 'ws.fill', `${collabId}:conditions`, cardTs);
    expect(inputOf(view, 'relatie').element?.initial_option?.value).toBe('5');
    expect(inputOf(view, 'proces').element?.initial_option?.value).toBe('4');
    expect(inputOf(view, 'relatie_note').element?.initial_value).toBeUndefined();
    const since = h.fake.calls.length;
    // Everything else stays as it was opened; relatie moves from 5 to 4.
    expect(await submit('U_LID2', view, { relatie: '4' })).toEqual({});
    const card = await updated(cardTs, since, 'van 1 tot 4 · 3 scores');
    expect(blockText(card, 'i_relatie')).toContain('gemiddeld 2,7 · van 1 tot 4 · 3 scores');
    expect(blockText(card, 'progress')).toBe('3 leden vulden in');
    // 1 and 4 are still three apart.
    expect(blockText(card, 'flags')).toContain('• Relatie (Jullie liggen ver uit elkaar)');
  });

  it('posts everyone\'s answers with their remarks in the thread', async () => {
    const since = h.fake.calls.length;
    await click('U_LID3', 'ws.show', `${collabId}:conditions`, cardTs);
    const answers = await posted((c) => c.args.thread_ts === rootTs && json(c.args.blocks).includes('Ambitie · Opmerking'), since);
    expect(headerOf(answers)).toBe(NL_TITLES.conditions);
    const sections = blocksOf(answers).filter((b) => b.type === 'section').map((b) => b.text?.text ?? '');
    const of = (label: string): string => sections.find((s) => s.startsWith(`*${label}*`)) ?? '';
    expect(of('Ambitie · Score')).toContain('<@U_LID1>: 2');
    expect(of('Ambitie · Score')).toContain('<@U_LID3>: 3');
    expect(of('Relatie · Score')).toContain('<@U_LID1>: 1 · zwak');
    expect(of('Relatie · Score')).toContain('<@U_LID2>: 4');
    expect(of('Organisatie · Score')).toContain('<@U_LID3>: 5 · sterk');
    expect(of('Ambitie · Opmerking')).toContain('<@U_LID3>: Wat willen we echt samen bereiken?');
    expect(of('Relatie · Opmerking')).toContain('<@U_LID1>: We kennen elkaar nog niet goed.');
  });

  it('stores nothing from a forged submission, and sends a remark over the limit back into the modal', async () => {
    const meta = JSON.stringify({ c: collabId, w: 'conditions' });
    const forgeries: [string, string, Record<string, Record<string, unknown>>][] = [
      ['a score that is not offered', meta, { ambitie: { type: 'static_select', selected_option: { text: { type: 'plain_text', text: '7' }, value: '7' } } }],
      ['an unknown field', meta, { ambitie: { type: 'static_select', selected_option: { value: '3' } }, onbekend: { type: 'plain_text_input', value: 'x' } }],
      ['an item on a member sheet', JSON.stringify({ c: collabId, w: 'conditions', i: 'ambitie' }), { ambitie: { type: 'static_select', selected_option: { value: '3' } } }],
    ];
    for (const [what, m, values] of forgeries) {
      const res = await submitRaw('U_LID4', m, values);
      const body = JSON.parse(res.text) as { response_action: string; errors: Record<string, string> };
      expect(body.response_action, what).toBe('errors');
      expect(json(body.errors), what).toContain('Er is niets veranderd');
    }
    const tooLong = await submitRaw('U_LID4', meta, {
      ambitie: { type: 'static_select', selected_option: { value: '4' } },
      ambitie_note: { type: 'plain_text_input', value: 'x'.repeat(301) },
    });
    const body = JSON.parse(tooLong.text) as { response_action: string; errors: Record<string, string> };
    expect(body).toEqual({ response_action: 'errors', errors: { ambitie_note: 'Dat is te lang: hoogstens 300 tekens.' } });
    expect((await entryFields(collabId, 'conditions')).sort()).toEqual(['U_LID1', 'U_LID2', 'U_LID3']);
    // Forged metadata (a sheet that does not exist, an id of no collaboration) answers without a 5xx.
    for (const m of ['{"c":"' + collabId + '","w":"salaris"}', '{"c":"doesNotExist0001","w":"conditions"}', '{broken']) {
      const res = await submitRaw('U_LID4', m, { ambitie: { type: 'static_select', selected_option: { value: '3' } } });
      expect(res.status, m).toBe(200);
    }
    expect((await entryFields(collabId, 'conditions')).sort()).toEqual(['U_LID1', 'U_LID2', 'U_LID3']);
  });
});

describe('Slack: the form the group leans to', () => {
  let collabId = '';
  let rootTs = '';
  let cardTs = '';

  it('offers "Kies Netwerk" once the members\' placements lean to a network', async () => {
    ({ collabId, rootTs } = await start('U_FACI', 'Vorm van de samenwerking'));
    // The facilitator makes U_COORD a coordinator.
    const edit = await h.post(
      viewSubmissionBody({
        callbackId: 'collab.edit',
        privateMetadata: JSON.stringify({ c: collabId }),
        values: {
          title: { type: 'plain_text_input', value: 'Vorm van de samenwerking' },
          coordinators: { type: 'multi_users_select', selected_users: ['U_COORD'] },
          locale: { type: 'static_select', selected_option: { value: 'nl' } },
        },
        userId: 'U_FACI',
        teamId: TEAM,
      }),
    );
    expect(edit.text).toBe('');
    const form = await worksheetCard('U_LID1', 'vorm', rootTs, NL_TITLES.form);
    cardTs = tsOf(form);
    const view = await openModal('U_LID1', 'ws.fill', `${collabId}:form`, cardTs);
    expect(view.title.text).toBe('Vorm en issue');
    expect(inputIds(view)).toEqual(['belangen', 'feitelijke_beslissingen', 'formele_beslissingen', 'middelen_macht', 'engagement', 'identificatie', 'taak', 'ik', 'wij']);
    expect(inputOf(view, 'belangen').element?.options?.map((o) => o.text.text)).toEqual(['Overleg', 'Ad-hocsamenwerking', 'Netwerk', 'Fusie']);
    expect(inputOf(view, 'taak').element?.options?.map((o) => o.value)).toEqual(['ja', 'deels', 'nee']);
    const since = h.fake.calls.length;
    const dims = ['belangen', 'feitelijke_beslissingen', 'formele_beslissingen', 'middelen_macht', 'engagement', 'identificatie'];
    expect(await submit('U_LID1', view, { ...Object.fromEntries(dims.map((d) => [d, 'netwerk'])), taak: 'ja', ik: 'deels', wij: 'ja' })).toEqual({});
    expect(
      await submit('U_LID2', view, { belangen: 'netwerk', feitelijke_beslissingen: 'netwerk', formele_beslissingen: 'overleg', middelen_macht: 'overleg', engagement: 'netwerk', identificatie: 'netwerk', taak: 'ja' }),
    ).toEqual({});
    expect(
      await submit('U_LID3', view, { belangen: 'netwerk', feitelijke_beslissingen: 'ad_hoc', formele_beslissingen: 'ad_hoc', middelen_macht: 'ad_hoc', engagement: 'netwerk', identificatie: 'netwerk', wij: 'nee' }),
    ).toEqual({});
    const card = await updated(cardTs, since, '3 leden vulden in');
    expect(blockText(card, 'i_belangen')).toBe('*Gemeenschappelijke belangen*\nNetwerk 3');
    expect(blockText(card, 'i_formele_beslissingen')).toBe('*Formele beslissingen*\nOverleg 1 · Ad-hocsamenwerking 1 · Netwerk 1');
    expect(blockText(card, 'i_taak')).toContain('ja 2');
    expect(blockText(card, 'i_wij')).toContain('ja 1 · nee 1');
    expect(blockText(card, 'note')).toBe('De groep kiest vooral: Netwerk');
    expect(button(card, 'ws.adopt')).toMatchObject({ value: `${collabId}:form.netwerk`, text: { text: 'Kies Netwerk' } });
  });

  it('refuses a plain member who presses it, privately, and the form does not change', async () => {
    const tag = await click('U_LID1', 'ws.adopt', `${collabId}:form.netwerk`, cardTs);
    const reply = await privateReply(tag);
    expect(reply.args.response_type).toBe('ephemeral');
    expect(String(reply.args.text)).toContain('Alleen de facilitator en de coördinatoren');
    expect((await storedCollab(collabId)).form).toBeUndefined();
    // A coordinator cannot adopt a form the group does not lean to (a forged button) either.
    const forged = await click('U_COORD', 'ws.adopt', `${collabId}:form.fusie`, cardTs);
    expect(String((await privateReply(forged)).args.text)).toContain('Er is niets veranderd');
    expect((await storedCollab(collabId)).form).toBeUndefined();
    expect(h.fake.callsTo('chat.update').some((c) => c.args.ts === rootTs && json(c.args.blocks).includes('*Vorm*\\nNetwerk'))).toBe(false);
  });

  it('lets a coordinator adopt it: the root card shows the form and the worksheet stops offering it', async () => {
    const since = h.fake.calls.length;
    const tag = await click('U_COORD', 'ws.adopt', `${collabId}:form.netwerk`, cardTs);
    const reply = await privateReply(tag);
    expect(reply.args.response_type).toBe('ephemeral');
    expect(String(reply.args.text)).toBe('De vorm is nu Netwerk.');
    await updated(rootTs, since, '*Vorm*\\nNetwerk');
    const card = await updated(cardTs, since, 'Gekozen vorm: Netwerk');
    expect(button(card, 'ws.adopt')).toBeUndefined();
    expect(blockText(card, 'note')).toBe('Gekozen vorm: Netwerk\nDe groep kiest vooral: Netwerk');
    expect((await storedCollab(collabId)).form).toBe('netwerk');
  });

  it('sets the time zone for the facilitator, answers an unknown zone, and refuses a plain member', async () => {
    let since = await mention('U_FACI', 'tijdzone Europe/Amsterdam', rootTs);
    expect(String((await ephemeral('U_FACI', since)).args.text)).toBe('De tijdzone van deze samenwerking is nu Europe/Amsterdam. Geplande reminders volgen die tijd.');
    expect((await storedCollab(collabId)).timeZone).toBe('Europe/Amsterdam');
    since = await mention('U_FACI', 'tijdzone Mars/Olympus', rootTs);
    expect(String((await ephemeral('U_FACI', since)).args.text)).toBe('“Mars/Olympus” ken ik niet als tijdzone. Gebruik een naam zoals `Europe/Brussels` of `Europe/Amsterdam`.');
    since = await mention('U_LID1', 'tijdzone Europe/Brussels', rootTs);
    expect(String((await ephemeral('U_LID1', since)).args.text)).toContain('Alleen de facilitator en de coördinatoren');
    expect((await storedCollab(collabId)).timeZone).toBe('Europe/Amsterdam');
    since = await mention('U_LID1', 'tijdzone', rootTs);
    expect(String((await ephemeral('U_LID1', since)).args.text)).toContain('volgt de tijd van Europe/Amsterdam');
  });
});

describe('Slack: partners, agreements, internal partners, externals, the register and the dossier', () => {
  let collabId = '';
  let rootTs = '';
  let partnersTs = '';
  let dossierUrl = '';
  const partnerIds: Record<string, string> = {};

  /** The partner sections of a card, by the name in their title: the id in their block id. */
  const partnersOn = (card: RecordedCall): Record<string, string> =>
    Object.fromEntries(
      blocksOf(card)
        .filter((b) => b.block_id?.startsWith('i_p') && b.accessory?.action_id?.startsWith('ws.edit.'))
        .map((b) => [/^\*(.*)\*\n/.exec(b.text?.text ?? '')?.[1] ?? '', b.block_id!.slice(2)]),
    );

  it('adds partners in a modal, one of them a framing actor to keep informed; a partner needs a name', async () => {
    ({ collabId, rootTs } = await start('U_FACI', 'Huiswerkklas in de bib'));
    partnersTs = tsOf(await worksheetCard('U_LID1', 'partners', rootTs, NL_TITLES.partners));
    const view = await openModal('U_LID1', 'ws.add', `${collabId}:partners`, partnersTs);
    expect(JSON.parse(view.private_metadata)).toEqual({ c: collabId, w: 'partners', i: 'new' });
    expect(inputIds(view)).toEqual(['naam', 'vertegenwoordiger', 'mandaat', 'rol', 'informeren', 'rechtsvorm', 'zetel', 'ondernemingsnummer', 'ondertekenaar', 'functie']);
    expect(inputOf(view, 'naam').optional).toBe(false);
    expect(inputOf(view, 'informeren').element).toMatchObject({ type: 'checkboxes', options: [{ value: 'true' }] });
    expect(view.blocks.some((b) => b.block_id === 'ws_remove')).toBe(false);

    expect(await submit('U_LID1', view, { vertegenwoordiger: 'Iemand zonder organisatie' })).toEqual({ naam: 'Vul dit in.' });
    expect(await entryFields(collabId, 'partners')).toEqual([]);

    let since = h.fake.calls.length;
    expect(
      await submit('U_LID1', view, {
        naam: 'Stadsbibliotheek Gent',
        vertegenwoordiger: 'Jan de Bibliothecaris',
        mandaat: 'beslissing',
        rol: 'noodzakelijk',
        rechtsvorm: 'autonoom gemeentebedrijf',
        zetel: 'Kouter 1, 9000 Gent',
        ondernemingsnummer: '0123.456.789',
      }),
    ).toEqual({});
    await updated(partnersTs, since, 'Stadsbibliotheek Gent');
    since = h.fake.calls.length;
    expect(await submit('U_LID2', view, { naam: 'Stad Gent & OCMW', rol: 'omkadering', mandaat: 'terugkoppeling', informeren: true })).toEqual({});
    expect(await submit('U_LID2', view, { naam: 'Tijdelijke partner vzw', rol: 'noodzakelijk' })).toEqual({});
    const card = await updatedWhere(partnersTs, since, (c) => Object.keys(partnersOn(c)).length === 3);
    Object.assign(partnerIds, partnersOn(card));
    expect(Object.keys(partnerIds).sort()).toEqual(['Stad Gent &amp; OCMW', 'Stadsbibliotheek Gent', 'Tijdelijke partner vzw']);
    for (const id of Object.values(partnerIds)) expect(id).toMatch(/^p[0-9a-f]{15}$/);
    const bib = blockText(card, `i_${partnerIds['Stadsbibliotheek Gent']}`);
    expect(bib).toContain('Jan de Bibliothecaris · mandaat: beslissing · noodzakelijke actor');
    expect(bib).toContain('Juridisch statuut: autonoom gemeentebedrijf');
    expect(bib).toContain('Ondernemingsnummer: 0123.456.789');
    expect(bib).toContain('<@U_LID1>, ');
    const stad = blockText(card, `i_${partnerIds['Stad Gent &amp; OCMW']}`);
    expect(stad).toContain('mandaat: terugkoppeling · omkaderende actor\nOp de hoogte houden');
    expect(button(card, `ws.edit.${partnerIds['Stad Gent &amp; OCMW']}`)?.value).toBe(`${collabId}:partners.${partnerIds['Stad Gent &amp; OCMW']}`);
    expect((await entryFields(collabId, 'partners')).sort()).toEqual(Object.values(partnerIds).sort());
  });

  it('edits a partner in a modal filled with what it holds, and removes one with the remove box', async () => {
    const stadId = partnerIds['Stad Gent &amp; OCMW']!;
    const view = await openModal('U_LID3', `ws.edit.${stadId}`, `${collabId}:partners.${stadId}`, partnersTs);
    expect(JSON.parse(view.private_metadata)).toEqual({ c: collabId, w: 'partners', i: stadId });
    // The name is the member's text: escaped in the modal's mrkdwn heading, as plain text in the input.
    expect(view.blocks[0]?.text?.text).toBe('*Stad Gent &amp; OCMW*');
    expect(inputOf(view, 'naam').element?.initial_value).toBe('Stad Gent & OCMW');
    expect(inputOf(view, 'rol').element?.initial_option?.value).toBe('omkadering');
    expect(inputOf(view, 'informeren').element?.initial_options?.map((o) => o.value)).toEqual(['true']);
    expect(inputOf(view, 'ws_remove').element).toMatchObject({ type: 'checkboxes', options: [{ value: 'true' }] });
    let since = h.fake.calls.length;
    expect(await submit('U_LID3', view, { vertegenwoordiger: 'Schepen van Onderwijs', ws_remove: false })).toEqual({});
    let card = await updated(partnersTs, since, 'Schepen van Onderwijs');
    expect(blockText(card, `i_${stadId}`)).toContain('Schepen van Onderwijs · mandaat: terugkoppeling · omkaderende actor\nOp de hoogte houden');
    expect(blockText(card, `i_${stadId}`)).toContain('<@U_LID3>, ');

    const tempId = partnerIds['Tijdelijke partner vzw']!;
    const removeView = await openModal('U_LID1', `ws.edit.${tempId}`, `${collabId}:partners.${tempId}`, partnersTs);
    since = h.fake.calls.length;
    expect(await submit('U_LID1', removeView, { ws_remove: true })).toEqual({});
    card = await updatedWhere(partnersTs, since, (c) => !json(c.args.blocks).includes('Tijdelijke partner vzw'));
    expect(Object.keys(partnersOn(card)).sort()).toEqual(['Stad Gent &amp; OCMW', 'Stadsbibliotheek Gent']);
    expect((await entryFields(collabId, 'partners')).sort()).toEqual([partnerIds['Stadsbibliotheek Gent'], stadId].sort());

    // A partner that does not exist (forged metadata) cannot be edited or removed.
    const ghosts: Record<string, Record<string, unknown>>[] = [{ naam: { type: 'plain_text_input', value: 'Spook vzw' } }, { ws_remove: { type: 'checkboxes', selected_options: [{ value: 'true' }] } }];
    for (const values of ghosts) {
      const res = await submitRaw('U_LID1', JSON.stringify({ c: collabId, w: 'partners', i: 'p000000000000' }), values);
      expect(json(JSON.parse(res.text))).toContain('Er is niets veranderd');
    }
    expect((await entryFields(collabId, 'partners')).sort()).toEqual([partnerIds['Stadsbibliotheek Gent'], stadId].sort());
  });

  it('records a theme\'s status, responsible partner, timing and text; the progress line counts settled themes', async () => {
    const card0 = await worksheetCard('U_LID1', 'afspraken', rootTs, NL_TITLES.agreements);
    const ts = tsOf(card0);
    const view = await openModal('U_LID1', 'ws.edit.inhoud', `${collabId}:agreements.inhoud`, ts);
    expect(JSON.parse(view.private_metadata)).toEqual({ c: collabId, w: 'agreements', i: 'inhoud' });
    expect(view.blocks[0]?.text?.text).toBe('*Inhoudelijke afspraken*');
    expect(inputIds(view)).toEqual(['status', 'wie', 'timing', 'tekst']);
    expect(inputOf(view, 'status').element?.options?.map((o) => o.value)).toEqual(['open', 'besproken', 'afgesproken', 'nvt']);
    expect(inputOf(view, 'tekst').element).toMatchObject({ multiline: true, max_length: 2000 });
    expect(await submit('U_LID1', view, { wie: 'Stadsbibliotheek' })).toEqual({ status: 'Vul dit in.' });

    let since = h.fake.calls.length;
    expect(await submit('U_LID1', view, { status: 'afgesproken', wie: 'Stadsbibliotheek', timing: 'september', tekst: 'Elke woensdag huiswerkklas in de leeszaal.' })).toEqual({});
    let card = await updated(ts, since, '1 van 11 thema’s afgesproken of n.v.t.');
    expect(blockText(card, 'i_inhoud')).toContain('*Inhoudelijke afspraken*\nafgesproken · Stadsbibliotheek · september\nElke woensdag huiswerkklas in de leeszaal.\n<@U_LID1>, ');

    const personeel = await openModal('U_LID2', 'ws.edit.personeel', `${collabId}:agreements.personeel`, ts);
    const financieel = await openModal('U_LID2', 'ws.edit.financieel', `${collabId}:agreements.financieel`, ts);
    since = h.fake.calls.length;
    expect(await submit('U_LID2', personeel, { status: 'nvt' })).toEqual({});
    expect(await submit('U_LID2', financieel, { status: 'besproken', wie: 'School', tekst: 'Kosten delen volgens leerlingen.' })).toEqual({});
    card = await updatedWhere(ts, since, (c) => blockText(c, 'i_financieel').includes('besproken · School'));
    expect(blockText(card, 'progress')).toBe('2 van 11 thema’s afgesproken of n.v.t.');
    expect(blockText(card, 'i_personeel')).toContain('n.v.t.');
    // A theme nobody touched still shows its hint and counts as open.
    expect(blockText(card, 'i_data')).toBe('*Uitwisseling en opslag van gegevens*\nopen\nWelke (persoons)gegevens delen en bewaren jullie? Volg de GDPR en vraag zo nodig de DPO.');
  });

  it('ticks three internal partners in one shared modal: "3 van 11 betrokken"', async () => {
    const card0 = await worksheetCard('U_LID1', 'interne partners', rootTs, NL_TITLES.internal);
    const ts = tsOf(card0);
    const view = await openModal('U_LID1', 'ws.fill', `${collabId}:internal`, ts);
    expect(JSON.parse(view.private_metadata)).toEqual({ c: collabId, w: 'internal' });
    expect(inputIds(view)).toHaveLength(11);
    for (const id of inputIds(view)) expect(inputOf(view, id).element?.type).toBe('checkboxes');
    const since = h.fake.calls.length;
    expect(await submit('U_LID1', view, { studentenadministratie: true, dpo: true, ict: true })).toEqual({});
    const card = await updated(ts, since, '3 van 11 betrokken');
    expect(blockText(card, 'progress')).toMatch(/^3 van 11 betrokken\n<@U_LID1>, /);
    expect(blockText(card, 'i_dpo')).toBe('*Data Protection Officer*\nBetrokken');
    expect(blockText(card, 'i_juridische_dienst')).not.toContain('Betrokken');
    // The shared entry: another member opens it with the three already ticked.
    const again = await openModal('U_LID2', 'ws.fill', `${collabId}:internal`, ts);
    expect(inputIds(again).filter((id) => (inputOf(again, id).element?.initial_options?.length ?? 0) > 0)).toEqual(['studentenadministratie', 'dpo', 'ict']);
    expect(await entryFields(collabId, 'internal')).toEqual(['all']);
  });

  it('puts step 6 of the plan for externals in the workspace\'s register, which `register natuur` finds there only', async () => {
    const card0 = await worksheetCard('U_LID1', 'externen', rootTs, NL_TITLES.externals);
    const ts = tsOf(card0);
    const view = await openModal('U_LID1', 'ws.edit.s6', `${collabId}:externals.s6`, ts);
    expect(JSON.parse(view.private_metadata)).toEqual({ c: collabId, w: 'externals', i: 's6' });
    expect(inputIds(view)).toEqual(['gedaan', 'organisatie', 'hielp', 'hinderde', 'notitie']);
    expect(json(view.blocks)).toContain('register van externe organisaties');
    const since = h.fake.calls.length;
    expect(
      await submit('U_LID1', view, { gedaan: true, organisatie: 'Natuurpunt', hielp: 'Goede voorbereiding met de klas.', hinderde: 'Weinig tijd voor de nabespreking.' }),
    ).toEqual({});
    const card = await updated(ts, since, '1 van 6 stappen gedaan');
    const s6 = blockText(card, 'i_s6');
    expect(s6).toContain('Gedaan');
    expect(s6).toContain('Externe organisatie: Natuurpunt');
    expect(s6).toMatch(/Wat hielp de samenwerking vooruit\?:? Goede voorbereiding met de klas\./);
    expect(s6).toMatch(/Wat maakte de samenwerking moeilijk\?:? Weinig tijd voor de nabespreking\./);

    const stored = await redis.hget(registerKey(scope), collabId);
    expect(JSON.parse(stored ?? '{}')).toMatchObject({ organisation: 'Natuurpunt', helped: 'Goede voorbereiding met de klas.', hindered: 'Weinig tijd voor de nabespreking.' });
    // The register is the workspace's: it is listed in the workspace's index, so uninstalling removes it.
    expect(await redis.zscore(`ws:slack:${TEAM}:index`, registerKey(scope))).not.toBeNull();

    const tag = await command('U_LID2', 'register natuur');
    const reply = await privateReply(tag);
    expect(reply.args.response_type).toBe('ephemeral');
    valid(reply);
    expect(headerOf(reply)).toBe('Register · “natuur” · 1 evaluatie');
    const text = json(reply.args.blocks);
    expect(text).toContain('*Natuurpunt · ');
    expect(text).toContain('Wat hielp: Goede voorbereiding met de klas.\\nWat hinderde: Weinig tijd voor de nabespreking.');

    // The same command signed by another workspace gets nothing of this one.
    // (A command is refused in the acknowledgement itself, privately; nothing goes to its response_url.)
    const callsBefore = h.fake.calls.length;
    const other = await h.post(
      slashCommandBody({ text: 'register natuur', userId: 'U_LID2', teamId: 'T0ANDERE', channelId: CHANNEL, responseUrl: `${h.fake.responseUrlBase}/other-${++n}` }),
    );
    expect(other.status).toBe(200);
    const refusal = JSON.parse(other.text) as { response_type: string; text: string };
    expect(refusal.response_type).toBe('ephemeral');
    expect(refusal.text).toContain('andere werkruimte');
    expect(other.text).not.toContain('Natuurpunt');
    expect(h.fake.calls.slice(callsBefore).filter((c) => c.method === 'response_url' || c.method === 'chat.postEphemeral')).toEqual([]);
    expect((await redis.keys('ws:*T0ANDERE*'))).toEqual([]);
  });

  it('serves a dossier with the draft agreement: parties with their official data, open themes marked', async () => {
    const since = await mention('U_LID1', 'dossier', rootTs);
    const reply = await ephemeral('U_LID1', since);
    dossierUrl = /(http:\/\/\S+\/dossier\/\S+)/.exec(String(reply.args.text))?.[1] ?? '';
    expect(dossierUrl).toMatch(/\/dossier\//);
    const local = dossierUrl.replace(/^http:\/\/localhost:\d+/, `http://127.0.0.1:${h.app.port()}`);
    const page = await fetch(local);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<h2>Ontwerp van overeenkomst</h2>');
    const draft = html.slice(html.indexOf('<h2>Ontwerp van overeenkomst</h2>'));
    const draftEnd = draft.indexOf('</section>');
    const section = draft.slice(0, draftEnd);
    expect(section).toContain('<h3>Partijen</h3>');
    expect(section).toContain(
      '<li><strong>Stadsbibliotheek Gent:</strong> Juridisch statuut: autonoom gemeentebedrijf · Maatschappelijke zetel: Kouter 1, 9000 Gent · Ondernemingsnummer: 0123.456.789 · Vertegenwoordigd door: Jan de Bibliothecaris</li>',
    );
    expect(section).toContain('OPEN: nog in te vullen voor Stadsbibliotheek Gent: Ondertekenaar, Functie van de ondertekenaar');
    expect(section).toContain('<li class="open"><strong>Uitwisseling en opslag van gegevens:</strong> OPEN: nog af te spreken</li>');
    expect(section).toContain('<li class="open"><strong>Financiële afspraken:</strong> OPEN: besproken, nog niet afgesproken</li>');
    expect(section).toContain('<li><strong>Inhoudelijke afspraken:</strong> Elke woensdag huiswerkklas in de leeszaal.</li>');
    expect(section).toContain('Stad Gent &amp; OCMW');
    expect(section).not.toContain('Tijdelijke partner vzw');
    // Who to inform: the framing partner.
    const inform = html.slice(html.indexOf('<h2>Wie informeren</h2>'));
    expect(inform.slice(0, inform.indexOf('</section>'))).toContain('Stad Gent &amp; OCMW');
    const data = (await (await fetch(`${local}.json`)).json()) as { draftAgreement?: { articles: { themes: { theme: string; open: boolean }[] }[] } };
    const themes = (data.draftAgreement?.articles ?? []).flatMap((a) => a.themes);
    expect(themes.find((t) => t.theme === 'data')?.open).toBe(true);
    expect(themes.find((t) => t.theme === 'inhoud')?.open).toBe(false);
  });

  it('forgetting the collaboration (confirmed) takes its evaluation out of the register', async () => {
    const since = await mention('U_FACI', 'vergeet', rootTs);
    const ask = await ephemeral('U_FACI', since);
    expect(json(ask.args.blocks)).toContain('collab.forget');
    const tag = await click('U_FACI', 'collab.forget', collabId, rootTs);
    expect(String((await privateReply(tag)).args.text)).toContain('vergeten');
    expect(await redis.hexists(registerKey(scope), collabId)).toBe(0);
    const search = await command('U_LID2', 'register natuur');
    expect(String((await privateReply(search)).args.text)).toBe('Het register van je werkruimte heeft nog geen evaluatie van “natuur”.');
    const local = dossierUrl.replace(/^http:\/\/localhost:\d+/, `http://127.0.0.1:${h.app.port()}`);
    expect((await fetch(local)).status).toBe(404);
  });
});

describe('Slack: a full partner list', () => {
  it('says so when a 21st partner is added, instead of calling the request unreadable, and stores nothing', async () => {
    const { collabId, rootTs } = await start('U_FACI', 'Veel partners');
    const ts = tsOf(await worksheetCard('U_LID1', 'partners', rootTs, NL_TITLES.partners));
    // A modal opened while there was still room, submitted after the list filled up.
    const stale = await openModal('U_LID1', 'ws.add', `${collabId}:partners`, ts);
    const since = h.fake.calls.length;
    for (let i = 1; i <= 20; i++) expect(await submit('U_LID2', stale, { naam: `Partner nummer ${i}` })).toEqual({});
    // Twenty partners still make a valid card (every update is checked against Block Kit's limits).
    const card = await updated(ts, since, 'Partner nummer 20');
    expect(blocksOf(card).filter((b) => b.block_id?.startsWith('i_p'))).toHaveLength(20);
    expect(await entryFields(collabId, 'partners')).toHaveLength(20);

    const tag = await click('U_LID1', 'ws.add', `${collabId}:partners`, ts);
    expect(String((await privateReply(tag)).args.text)).toBe('Een samenwerking heeft hier ten hoogste 20 partners.');
    expect(await submit('U_LID1', stale, { naam: 'Partner nummer 21' })).toEqual({ naam: 'Een samenwerking heeft hier ten hoogste 20 partners.' });
    expect(await entryFields(collabId, 'partners')).toHaveLength(20);
  });
});

describe('Slack: what the logs hold after the worksheets', () => {
  it('none of the typed texts: remarks, partner names, agreements, register texts', () => {
    const text = h.logs.text();
    expect(text.length).toBeGreaterThan(0);
    for (const typed of [
      'We kennen elkaar',
      'Wat willen we echt',
      'Stadsbibliotheek',
      'Stad Gent',
      'Jan de Bibliothecaris',
      'Schepen van Onderwijs',
      'Tijdelijke partner',
      'Kouter 1',
      '0123.456.789',
      'huiswerkklas',
      'Kosten delen',
      'Natuurpunt',
      'natuur',
      'Goede voorbereiding',
      'Weinig tijd',
      'Mars/Olympus',
      'Huiswerkklas in de bib',
      'Vorm van de samenwerking',
    ]) {
      expect(text, typed).not.toContain(typed);
    }
    for (const user of ['U_FACI', 'U_COORD', 'U_LID1', 'U_LID2', 'U_LID3', 'U_LID4', 'U_EN']) {
      for (const who of [user, `user-${user}`, `User ${user}`]) expect(text, who).not.toContain(who);
    }
  });
});
