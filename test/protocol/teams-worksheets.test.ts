/**
 * Teams: the worksheet cards (conditions, form, partners, agreements, internal partners, externals)
 * through the real CloudAdapter, with the fake connector as Teams. Commands post the cards in the
 * collaboration's thread; members fill them in inline (Action.Execute, `ws.*` verbs); the shared
 * card follows through its refresh (an update the connector receives); the register of external
 * organisations belongs to one tenant; `tijdzone` sets the collaboration's time zone.
 */
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unpackAnswerSet } from '../../src/store/collab-scripts.js';
import { collabKeys } from '../../src/store/keys.js';
import { registerKey } from '../../src/store/register-store.js';
import type { AnswerSet, WorksheetId } from '../../src/domain/collaboration.js';
import { assertAdaptiveCard } from '../support/adaptive-card-validate.js';
import type { ConnectorCall } from '../support/fake-connector.js';
import { activity, cardOf, CHANNEL_CONV, startTeamsHarness, TENANT, user, type TeamsHarness, type TeamsUser } from '../support/teams-harness.js';

let h: TeamsHarness;
let redis: Redis;
beforeAll(async () => {
  h = await startTeamsHarness();
  redis = new Redis(h.redis.url);
});
afterAll(async () => {
  redis?.disconnect();
  await h?.close();
});

const ann = user('Ann');
const bart = user('Bart');
const chloe = user('Chloe');
const dries = user('Dries');
const els = user('Els');
const fien = user('Fien');
const gust = user('Gust');
const eve = user('Eve');
const json = (v: unknown): string => JSON.stringify(v);
/** A card's JSON with line breaks as one `\n` however the card's markdown spells them (Teams needs a blank line). */
const lines = (v: unknown): string => json(v).replace(/(\\n)+/g, '\\n');
const scope = { platform: 'teams' as const, tenant: TENANT };
const OTHER_TENANT = 'tenant-other';

type Card = Record<string, unknown>;

/** Every card the bot sends must be a valid Adaptive Card (plain text replies have none). */
function valid(call: ConnectorCall): ConnectorCall {
  if (call.body.attachments) assertAdaptiveCard(cardOf(call));
  return call;
}

/** Every card the bot returns to the person who clicked, validated on the way. */
let invokes = 0;
async function invoke(from: TeamsUser, verb: string, data: Record<string, unknown>, locale?: string): Promise<Card> {
  const res = await h.invoke(from, verb, data, locale);
  expect(res.status).toBe(200);
  assertAdaptiveCard(res.card);
  invokes += 1;
  return res.card;
}

const mentionEntities = [{ type: 'mention', text: '<at>WerktSamen</at>', mentioned: { id: '28:werktsamen-bot', name: 'WerktSamen' } }];

/** `@WerktSamen <text>` typed in a conversation (a channel thread when it has `;messageid=`), in a tenant. */
async function say(from: TeamsUser, text: string, conversationId: string, locale = 'nl-BE', tenant = TENANT): Promise<void> {
  const res = await h.send(
    activity(
      from,
      h.connector.serviceUrl,
      {
        type: 'message',
        text: `<at>WerktSamen</at> ${text}`,
        entities: mentionEntities,
        conversation: { id: conversationId, conversationType: 'channel', tenantId: tenant, isGroup: true },
        channelData: { tenant: { id: tenant }, channel: { id: conversationId.split(';')[0] }, team: { id: '19:team@thread.tacv2' } },
      },
      locale,
    ),
  );
  expect(res.status).toBe(200);
}

/** Says `text` and waits for the bot's next post in that conversation containing `expected`. */
async function sayAndWait(from: TeamsUser, text: string, conversationId: string, expected: string, locale = 'nl-BE', tenant = TENANT): Promise<ConnectorCall> {
  const before = h.connector.calls.length;
  await say(from, text, conversationId, locale, tenant);
  const call = await h.connector.waitFor((c) => c.method === 'POST' && c.conversationId === conversationId && h.connector.calls.indexOf(c) >= before && json(c.body).includes(expected));
  return valid(call);
}

/** The first update (PUT) of `activityId` matching `predicate`, sent after call number `after`. */
async function updated(activityId: string, predicate: (card: string) => boolean, after = 0): Promise<ConnectorCall> {
  const call = await h.connector.waitFor((c) => c.method === 'PUT' && c.activityId === activityId && h.connector.calls.indexOf(c) >= after && predicate(json(cardOf(c))));
  return valid(call);
}
const updatedTo = (activityId: string, text: string, after = 0) => updated(activityId, (card) => card.includes(text), after);

const valueOf = (card: Card, verb: string): string => {
  const found = JSON.stringify(card).match(new RegExp(`"verb":"${verb.replace('.', '\\.')}"[^}]*?"data":\\{"v":"([^"]+)"`));
  return found?.[1] ?? '';
};

/** Walks a card: every object in it, depth first. */
function nodes(card: unknown): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const walk = (n: unknown): void => {
    if (Array.isArray(n)) n.forEach(walk);
    else if (typeof n === 'object' && n !== null) {
      out.push(n as Record<string, unknown>);
      Object.values(n).forEach(walk);
    }
  };
  walk(card);
  return out;
}

/** The worksheet inputs of a card (`f_<field>` -> value). */
function inputs(card: Card): Record<string, string> {
  const found: Record<string, string> = {};
  for (const n of nodes(card)) {
    if (typeof n.type === 'string' && n.type.startsWith('Input.') && typeof n.id === 'string') found[n.id] = String(n.value ?? '');
  }
  return found;
}

/** The Action.Execute buttons of a card: verb, title and `v`. */
function actions(card: Card): { verb: string; title: string; v: string }[] {
  return nodes(card)
    .filter((n) => n.type === 'Action.Execute')
    .map((n) => ({ verb: String(n.verb), title: String(n.title), v: String((n.data as { v?: unknown } | undefined)?.v ?? '') }));
}

/** The lines of a worksheet card: each item's title (bold) with the text under it. */
function sections(card: Card): Record<string, string> {
  const out: Record<string, string> = {};
  for (const n of nodes(card)) {
    const [head, body] = Array.isArray(n.items) ? (n.items as { type?: string; text?: string; weight?: string }[]) : [];
    if (head?.type === 'TextBlock' && head.weight === 'Bolder' && body?.type === 'TextBlock') out[String(head.text)] = String(body.text).replace(/\n+/g, '\n');
  }
  return out;
}

/** The title over the inline form (the item being edited, or the sheet). */
const formTitleOf = (card: Card): string => {
  const form = nodes(card).find((n) => n.type === 'Container' && n.style === 'emphasis');
  return String((form?.items as { text?: string }[] | undefined)?.[0]?.text ?? '');
};

/** The card's big title (the worksheet's name). */
const titleOf = (card: Card): string => String((card.body as { text?: string; size?: string }[]).find((b) => b.size === 'Large')?.text ?? '');
/** The private notice on top of a returned card. */
const noticeOf = (card: Card): string => {
  const first = (card.body as { type?: string; text?: string; color?: string }[] | undefined)?.[0];
  return first?.type === 'TextBlock' && first.color ? String(first.text) : '';
};

/** The entries stored for one worksheet, unpacked from Redis. */
async function stored(collabId: string, sheet: WorksheetId, tenant = TENANT): Promise<AnswerSet[]> {
  const raw = await redis.hgetallBuffer(collabKeys({ ...scope, tenant }, collabId).answers(sheet));
  return Object.values(raw).map((b) => unpackAnswerSet(b));
}
const storedBy = async (collabId: string, sheet: WorksheetId, who: TeamsUser): Promise<AnswerSet | undefined> =>
  (await stored(collabId, sheet)).find((e) => e.by.id === who.aadObjectId && e.item === undefined);

async function startCollab(by: TeamsUser, title: string, locale = 'nl-BE'): Promise<{ collabId: string; rootId: string; thread: string }> {
  const { call, activityId } = await h.mention(by, `start ${title}`, locale);
  valid(call);
  const collabId = valueOf(cardOf(call), 'collab.edit');
  expect(collabId).toMatch(/^[A-Za-z0-9_-]{10,32}$/);
  return { collabId, rootId: activityId, thread: `${CHANNEL_CONV};messageid=${activityId}` };
}

const NL_TITLES: Record<WorksheetId, string> = {
  conditions: 'Vijf voorwaarden voor succes',
  form: 'Vorm en issue',
  partners: 'Partners',
  agreements: 'Afspraken',
  internal: 'Interne partners',
  externals: 'Samenwerken met een externe organisatie',
};
const EN_TITLES: Record<WorksheetId, string> = {
  conditions: 'Five conditions for success',
  form: 'Form and issue',
  partners: 'Partners',
  agreements: 'Agreements',
  internal: 'Internal partners',
  externals: 'Working with an external organisation',
};

const REFUSED = 'Dat verzoek kon ik niet lezen. Er is niets veranderd.';
const COORDINATORS_ONLY = 'Alleen de facilitator en de coördinatoren van deze samenwerking';

describe('Teams worksheets: a collaboration fills in its worksheets (Dutch)', () => {
  let collabId = '';
  let rootId = '';
  let thread = '';
  const cardIds = {} as Record<WorksheetId, string>;

  it('posts each of the six worksheets in the collaboration\'s thread, with its title, on its Dutch command', async () => {
    ({ collabId, rootId, thread } = await startCollab(ann, 'Huiswerkklas met de bib'));
    const commands: [string, WorksheetId][] = [
      ['voorwaarden', 'conditions'],
      ['vorm', 'form'],
      ['partners', 'partners'],
      ['afspraken', 'agreements'],
      ['interne partners', 'internal'],
      ['externen', 'externals'],
    ];
    for (const [command, sheet] of commands) {
      const call = await sayAndWait(bart, command, thread, NL_TITLES[sheet]);
      expect(call.conversationId).toBe(thread);
      expect(call.conversationId).toContain(';messageid=');
      expect((call.body.attachments as { contentType: string }[])[0]!.contentType).toBe('application/vnd.microsoft.card.adaptive');
      const card = cardOf(call);
      expect(titleOf(card)).toBe(NL_TITLES[sheet]);
      expect(json(card)).toContain('Huiswerkklas met de bib');
      // The shared card never carries a form: only the person who presses gets one.
      expect(Object.keys(inputs(card))).toEqual([]);
      cardIds[sheet] = call.responseId;
    }
    const conditions = await h.connector.waitFor((c) => c.method === 'POST' && c.responseId === cardIds.conditions);
    expect(actions(cardOf(conditions)).map((a) => a.verb)).toEqual(['ws.edit', 'ws.show']);
    expect(json(cardOf(conditions))).toContain('0 leden vulden in');
    const partners = await h.connector.waitFor((c) => c.method === 'POST' && c.responseId === cardIds.partners);
    expect(actions(cardOf(partners)).map((a) => a.verb)).toEqual(['ws.add']);
    expect(json(cardOf(partners))).toContain('Nog niets ingevuld.');
    const agreements = await h.connector.waitFor((c) => c.method === 'POST' && c.responseId === cardIds.agreements);
    expect(actions(cardOf(agreements)).filter((a) => a.verb === 'ws.edit')).toHaveLength(11);
    expect(actions(cardOf(agreements)).find((a) => a.v === `${collabId}:agreements.inhoud`)?.title).toBe('Bijwerken');
    expect(json(cardOf(agreements))).toContain('0 van 11 thema’s afgesproken of n.v.t.');
  });

  it('conditions: three members score; the shared card shows the spread and flags what to discuss', async () => {
    const v = `${collabId}:conditions`;
    const form = await invoke(bart, 'ws.edit', { v });
    expect(inputs(form)).toMatchObject({ f_ambitie: '', f_ambitie_note: '', f_relatie: '' });
    expect(actions(form).map((a) => a.verb)).toEqual(['ws.save', 'ws.cancel', 'ws.show']);

    const saved = await invoke(bart, 'ws.save', { v, f_ambitie: '2', f_relatie: '1', f_organisatie: '4', f_relatie_note: 'We kennen elkaar nog niet.', f_belangen: '' });
    expect(noticeOf(saved)).toBe('Bewaard.');
    expect(Object.keys(inputs(saved))).toEqual([]);
    await invoke(chloe, 'ws.save', { v, f_ambitie: '2', f_relatie: '5', f_organisatie: '4' });
    await invoke(dries, 'ws.save', { v, f_ambitie: '3', f_relatie: '3', f_organisatie: '4', f_proces: '' });

    const sharedCard = cardOf(await updatedTo(cardIds.conditions, '3 leden vulden in'));
    const shared = json(sharedCard);
    const byCondition = sections(sharedCard);
    expect(byCondition.Ambitie).toMatch(/^gemiddeld 2,3 · van 2 tot 3 · 3 scores\n/);
    expect(byCondition.Relatie).toMatch(/^gemiddeld 3,0 · van 1 tot 5 · 3 scores\n/);
    expect(byCondition.Relatie).toContain('\n• Bart: We kennen elkaar nog niet.');
    expect(byCondition.Organisatie).toMatch(/^gemiddeld 4,0 · van 4 tot 4 · 3 scores/);
    expect(byCondition.Belangen).toMatch(/^nog geen scores/);
    expect(shared).toContain('"text":"Om te bespreken"');
    expect(shared).toContain('• Ambitie (Laag gescoord): Wat willen we samen bereiken dat elk van ons apart niet lukt');
    expect(shared).toContain('• Relatie (Jullie liggen ver uit elkaar): Wat hebben we nodig om elkaar meer te vertrouwen');
    expect(shared).not.toContain('Organisatie (');
    expect(shared).not.toContain('Proces (');
    // Nothing personal on the shared card: no notice, no inputs.
    expect(shared).not.toContain('Bewaard.');
    expect(shared).not.toContain('"Input.');

    expect((await stored(collabId, 'conditions')).map((e) => e.by.name).sort()).toEqual(['Bart', 'Chloe', 'Dries']);
    // Empty values are not kept.
    expect((await storedBy(collabId, 'conditions', bart))?.values).toEqual({ ambitie: '2', relatie: '1', organisatie: '4', relatie_note: 'We kennen elkaar nog niet.' });
  });

  it('conditions: editing shows each member their own saved values in the inputs', async () => {
    const v = `${collabId}:conditions`;
    const mine = inputs(await invoke(bart, 'ws.edit', { v }));
    expect(mine).toMatchObject({ f_ambitie: '2', f_relatie: '1', f_organisatie: '4', f_relatie_note: 'We kennen elkaar nog niet.', f_belangen: '', f_proces: '' });
    const hers = inputs(await invoke(chloe, 'ws.edit', { v }));
    expect(hers).toMatchObject({ f_ambitie: '2', f_relatie: '5', f_organisatie: '4', f_relatie_note: '' });
    const none = inputs(await invoke(els, 'ws.edit', { v }));
    expect(none).toMatchObject({ f_ambitie: '', f_relatie: '' });
    const cancelled = await invoke(bart, 'ws.cancel', { v });
    expect(Object.keys(inputs(cancelled))).toEqual([]);
    expect(json(cancelled)).toContain('3 leden vulden in');
  });

  it('conditions: refuses a forged option or field and an over-limit remark, and stores nothing', async () => {
    const v = `${collabId}:conditions`;
    const before = await storedBy(collabId, 'conditions', bart);
    const notOffered = await invoke(bart, 'ws.save', { v, f_ambitie: '7', f_relatie: '1' });
    expect(json(notOffered)).toContain(REFUSED);
    const unknownField = await invoke(bart, 'ws.save', { v, f_ambitie: '5', f_wachtwoord: 'x' });
    expect(json(unknownField)).toContain(REFUSED);
    const notAToggle = await invoke(bart, 'ws.save', { v: `${collabId}:internal`, f_dpo: 'ja' });
    expect(json(notAToggle)).toContain(REFUSED);

    const tooLong = await invoke(bart, 'ws.save', { v, f_ambitie: '5', f_ambitie_note: 'x'.repeat(301) });
    expect(noticeOf(tooLong)).toBe('Dat is te lang: hoogstens 300 tekens.');
    // The form comes back with what was typed, so it can be shortened.
    expect(inputs(tooLong)).toMatchObject({ f_ambitie: '5', f_ambitie_note: 'x'.repeat(301) });
    expect(actions(tooLong).map((a) => a.verb)).toContain('ws.save');

    expect(await storedBy(collabId, 'conditions', bart)).toEqual(before);
    expect(await stored(collabId, 'conditions')).toHaveLength(3);
    expect(await stored(collabId, 'internal')).toEqual([]);
    const fresh = inputs(await invoke(bart, 'ws.edit', { v }));
    expect(fresh.f_ambitie).toBe('2');
  });

  it('conditions: "show answers" posts everyone\'s answers in the thread', async () => {
    const before = h.connector.calls.length;
    await invoke(chloe, 'ws.show', { v: `${collabId}:conditions` });
    const posted = valid(await h.connector.waitFor((c) => c.method === 'POST' && c.conversationId === thread && h.connector.calls.indexOf(c) >= before));
    const text = json(cardOf(posted));
    expect(text).toContain('Vijf voorwaarden voor succes');
    expect(text).toContain('Bart: We kennen elkaar nog niet.');
    expect(text).toContain('Chloe: 5 · sterk');
    expect(text).toContain('Bart: 1 · zwak');
  });

  it('form: placements lean to one form; a plain member cannot adopt it, the facilitator can and the root card follows', async () => {
    const v = `${collabId}:form`;
    await invoke(bart, 'ws.save', { v, f_belangen: 'netwerk', f_feitelijke_beslissingen: 'netwerk', f_engagement: 'netwerk', f_taak: 'ja' });
    await invoke(chloe, 'ws.save', { v, f_belangen: 'netwerk', f_formele_beslissingen: 'overleg', f_identificatie: 'netwerk', f_wij: 'deels' });
    const shared = cardOf(await updatedTo(cardIds.form, '2 leden vulden in'));
    expect(json(shared)).toContain('De groep kiest vooral: Netwerk');
    expect(json(shared)).toContain('Netwerk 2');
    expect(json(shared)).toContain('ja 1');
    const adopt = actions(shared).find((a) => a.verb === 'ws.adopt');
    expect(adopt).toEqual({ verb: 'ws.adopt', title: 'Kies Netwerk', v: `${collabId}:form.netwerk` });

    const plain = await invoke(bart, 'ws.adopt', { v: adopt!.v });
    expect(json(plain)).toContain(COORDINATORS_ONLY);
    const notLeaning = await invoke(ann, 'ws.adopt', { v: `${collabId}:form.fusie` });
    expect(json(notLeaning)).toContain(REFUSED);
    const meta = async () => JSON.parse((await redis.hget(collabKeys(scope, collabId).meta, 'data'))!) as { form?: string; timeZone?: string };
    expect((await meta()).form).toBeUndefined();

    const before = h.connector.calls.length;
    const done = await invoke(ann, 'ws.adopt', { v: adopt!.v });
    expect(noticeOf(done)).toBe('De vorm is nu Netwerk.');
    expect((await meta()).form).toBe('netwerk');
    await updatedTo(rootId, '"Vorm","value":"Netwerk"', before);
    const after = cardOf(await updatedTo(cardIds.form, 'Gekozen vorm: Netwerk', before));
    expect(actions(after).map((a) => a.verb)).not.toContain('ws.adopt');
  });

  it('partners: add returns an empty form, a save adds one, a save without a name is sent back, remove removes one', async () => {
    const v = `${collabId}:partners`;
    const empty = await invoke(dries, 'ws.add', { v });
    expect(inputs(empty)).toMatchObject({ f_naam: '', f_vertegenwoordiger: '', f_mandaat: '', f_rol: '', f_informeren: 'false' });
    expect(actions(empty).find((a) => a.verb === 'ws.save')?.v).toBe(`${collabId}:partners.new`);
    expect(actions(empty).map((a) => a.verb)).not.toContain('ws.remove');

    const first = await invoke(dries, 'ws.save', { v: `${collabId}:partners.new`, f_naam: 'Stadsbibliotheek Gent', f_vertegenwoordiger: 'Jan Peeters', f_mandaat: 'beslissing', f_rol: 'noodzakelijk', f_informeren: 'false' });
    expect(noticeOf(first)).toBe('Bewaard.');
    expect(json(first)).toContain('Stadsbibliotheek Gent');
    await invoke(els, 'ws.save', { v: `${collabId}:partners.new`, f_naam: 'OCMW Gent', f_rol: 'omkadering', f_informeren: 'true' });

    const nameless = await invoke(els, 'ws.save', { v: `${collabId}:partners.new`, f_naam: '  ', f_vertegenwoordiger: 'Iemand' });
    expect(noticeOf(nameless)).toBe('Vul dit in.');
    expect(inputs(nameless)).toMatchObject({ f_naam: '  ', f_vertegenwoordiger: 'Iemand' });
    expect(await stored(collabId, 'partners')).toHaveLength(2);

    const shared = lines(cardOf(await updatedTo(cardIds.partners, 'OCMW Gent')));
    expect(shared).toContain('Stadsbibliotheek Gent');
    expect(shared).toContain('Jan Peeters · mandaat: beslissing · noodzakelijke actor');
    expect(shared).toContain('omkaderende actor\\nOp de hoogte houden');

    const library = (await stored(collabId, 'partners')).find((e) => e.values.naam === 'Stadsbibliotheek Gent')!;
    expect(library.item).toMatch(/^p[0-9a-f]{15}$/);
    const edit = await invoke(ann, 'ws.edit', { v: `${collabId}:partners.${library.item}` });
    expect(inputs(edit)).toMatchObject({ f_naam: 'Stadsbibliotheek Gent', f_mandaat: 'beslissing', f_rol: 'noodzakelijk' });
    expect(actions(edit).find((a) => a.verb === 'ws.remove')?.v).toBe(`${collabId}:partners.${library.item}`);

    const unknown = await invoke(ann, 'ws.remove', { v: `${collabId}:partners.p000000000000` });
    expect(json(unknown)).toContain(REFUSED);
    const before = h.connector.calls.length;
    const removed = await invoke(ann, 'ws.remove', { v: `${collabId}:partners.${library.item}` });
    expect(noticeOf(removed)).toBe('Verwijderd.');
    expect(json(removed)).not.toContain('Stadsbibliotheek Gent');
    expect((await stored(collabId, 'partners')).map((e) => e.values.naam)).toEqual(['OCMW Gent']);
    await updated(cardIds.partners, (card) => card.includes('OCMW Gent') && !card.includes('Stadsbibliotheek'), before);
  });

  it('agreements: a theme is saved and shows on the card with how far the themes are', async () => {
    const edit = await invoke(chloe, 'ws.edit', { v: `${collabId}:agreements.inhoud` });
    expect(formTitleOf(edit)).toBe('Inhoudelijke afspraken');
    expect(Object.keys(inputs(edit)).sort()).toEqual(['f_status', 'f_tekst', 'f_timing', 'f_wie']);

    const noStatus = await invoke(chloe, 'ws.save', { v: `${collabId}:agreements.inhoud`, f_wie: 'Stadsbibliotheek' });
    expect(noticeOf(noStatus)).toBe('Vul dit in.');
    const unknownTheme = await invoke(chloe, 'ws.save', { v: `${collabId}:agreements.koffie`, f_status: 'open' });
    expect(json(unknownTheme)).toContain(REFUSED);
    // A forged theme is refused even when the form would come back with an error: no form for it.
    const unknownThemeNoStatus = await invoke(chloe, 'ws.save', { v: `${collabId}:agreements.koffie`, f_wie: 'Iemand' });
    expect(json(unknownThemeNoStatus)).toContain(REFUSED);
    expect(Object.keys(inputs(unknownThemeNoStatus))).toEqual([]);
    const itemOnMemberSheet = await invoke(chloe, 'ws.save', { v: `${collabId}:conditions.ambitie`, f_ambitie_note: 'z'.repeat(301) });
    expect(json(itemOnMemberSheet)).toContain(REFUSED);
    expect(await stored(collabId, 'agreements')).toEqual([]);

    await invoke(chloe, 'ws.save', { v: `${collabId}:agreements.inhoud`, f_status: 'afgesproken', f_wie: 'Stadsbibliotheek', f_timing: 'september', f_tekst: 'Elke woensdag huiswerkklas in de leeszaal.' });
    await invoke(bart, 'ws.save', { v: `${collabId}:agreements.financieel`, f_status: 'besproken', f_wie: 'School' });
    await invoke(bart, 'ws.save', { v: `${collabId}:agreements.personeel`, f_status: 'nvt' });
    const shared = lines(cardOf(await updatedTo(cardIds.agreements, '2 van 11 thema’s afgesproken of n.v.t.')));
    expect(shared).toContain('afgesproken · Stadsbibliotheek · september\\nElke woensdag huiswerkklas in de leeszaal.\\nChloe, ');
    expect(shared).toContain('besproken · School');
    expect(shared).toContain('n.v.t.');
    const again = inputs(await invoke(dries, 'ws.edit', { v: `${collabId}:agreements.inhoud` }));
    expect(again).toMatchObject({ f_status: 'afgesproken', f_wie: 'Stadsbibliotheek', f_timing: 'september' });
  });

  it('internal partners: one shared copy that any member edits, counted on the card', async () => {
    const v = `${collabId}:internal`;
    const saved = await invoke(dries, 'ws.save', { v, f_studentenadministratie: 'true', f_dpo: 'true', f_ict: 'true', f_juridische_dienst: 'false' });
    expect(noticeOf(saved)).toBe('Bewaard.');
    const shared = cardOf(await updatedTo(cardIds.internal, '3 van 11 betrokken'));
    expect(json(shared)).toContain('Dries, ');
    expect(sections(shared)).toMatchObject({ 'Data Protection Officer': 'Betrokken', IT: 'Betrokken', Studentenadministratie: 'Betrokken', 'Juridische dienst': 'Advies over de inhoud en de goedkeuring van de overeenkomst.' });
    // Another member sees the shared copy in the form.
    const theirs = inputs(await invoke(gust, 'ws.edit', { v }));
    expect(theirs).toMatchObject({ f_studentenadministratie: 'true', f_dpo: 'true', f_ict: 'true', f_juridische_dienst: 'false', f_communicatie: 'false' });
    await invoke(gust, 'ws.save', { v, f_studentenadministratie: 'true', f_dpo: 'true', f_ict: 'true', f_communicatie: 'true' });
    await updatedTo(cardIds.internal, '4 van 11 betrokken');
    const entries = await stored(collabId, 'internal');
    expect(entries).toHaveLength(1);
    expect(entries[0]!.item).toBe('all');
    expect(entries[0]!.values).toEqual({ studentenadministratie: 'true', dpo: 'true', ict: 'true', communicatie: 'true' });
  });

  it('externals: steps are ticked off one at a time, and only step 6 asks for the evaluation', async () => {
    await invoke(els, 'ws.save', { v: `${collabId}:externals.s1`, f_gedaan: 'true', f_notitie: 'Website en jaarverslag gelezen.' });
    await invoke(els, 'ws.save', { v: `${collabId}:externals.s2`, f_gedaan: 'true' });
    await invoke(els, 'ws.save', { v: `${collabId}:externals.s3`, f_gedaan: 'false', f_notitie: 'Nog te plannen.' });
    const shared = json(cardOf(await updatedTo(cardIds.externals, '2 van 6 stappen gedaan')));
    expect(shared).toContain('Notitie: Website en jaarverslag gelezen.');
    expect(shared).toContain('Notitie: Nog te plannen.');
    const notHere = await invoke(els, 'ws.save', { v: `${collabId}:externals.s1`, f_gedaan: 'true', f_organisatie: 'Natuurpunt' });
    expect(json(notHere)).toContain(REFUSED);
    expect(Object.keys(inputs(await invoke(els, 'ws.edit', { v: `${collabId}:externals.s1` }))).sort()).toEqual(['f_gedaan', 'f_notitie']);
    expect(Object.keys(inputs(await invoke(els, 'ws.edit', { v: `${collabId}:externals.s6` }))).sort()).toEqual(['f_gedaan', 'f_hielp', 'f_hinderde', 'f_notitie', 'f_organisatie']);
    expect(await redis.hlen(registerKey(scope))).toBe(0);
  });

  it('tijdzone: the facilitator sets it, an unknown zone is named, a plain member is refused', async () => {
    await sayAndWait(bart, 'tijdzone Europe/Amsterdam', thread, COORDINATORS_ONLY);
    await sayAndWait(ann, 'tijdzone Europe/Amsterdam', thread, 'De tijdzone van deze samenwerking is nu Europe/Amsterdam.');
    const meta = JSON.parse((await redis.hget(collabKeys(scope, collabId).meta, 'data'))!) as { timeZone?: string };
    expect(meta.timeZone).toBe('Europe/Amsterdam');
    await sayAndWait(ann, 'tijdzone Mars/Olympus', thread, '“Mars/Olympus” ken ik niet als tijdzone.');
    await sayAndWait(bart, 'tijdzone', thread, 'Deze samenwerking volgt de tijd van Europe/Amsterdam.');
  });
});

describe('Teams worksheets: a full partner list', () => {
  it('says why a 21st partner cannot be added, instead of a generic refusal, and stores nothing', async () => {
    const { collabId, thread } = await startCollab(ann, 'Twintig partners');
    const posted = await sayAndWait(bart, 'partners', thread, NL_TITLES.partners);
    for (let n = 1; n <= 20; n++) {
      const saved = await invoke(bart, 'ws.save', { v: `${collabId}:partners.new`, f_naam: `Partner ${n}` });
      expect(noticeOf(saved)).toBe('Bewaard.');
    }
    await updatedTo(posted.responseId, 'Partner 20');
    const full = 'Een samenwerking heeft hier ten hoogste 20 partners.';
    const add = await invoke(chloe, 'ws.add', { v: `${collabId}:partners` });
    expect(noticeOf(add)).toBe(full);
    expect(Object.keys(inputs(add))).toEqual([]);
    const save = await invoke(chloe, 'ws.save', { v: `${collabId}:partners.new`, f_naam: 'Partner 21' });
    expect(noticeOf(save)).toBe(full);
    expect(json(save)).not.toContain('Partner 21');
    expect(await stored(collabId, 'partners')).toHaveLength(20);
    // An existing partner can still be changed.
    const first = (await stored(collabId, 'partners')).find((e) => e.values.naam === 'Partner 1')!;
    const changed = await invoke(chloe, 'ws.save', { v: `${collabId}:partners.${first.item}`, f_naam: 'Partner één' });
    expect(noticeOf(changed)).toBe('Bewaard.');
    expect(json(changed)).toContain('Partner één');
  });
});

describe('Teams worksheets: the register of external organisations', () => {
  it('holds a step-6 evaluation for its own tenant only, and loses it when the collaboration is forgotten', async () => {
    const { collabId, rootId, thread } = await startCollab(gust, 'Natuureducatie op school');
    const posted = await sayAndWait(fien, 'externen', thread, NL_TITLES.externals);
    const before = h.connector.calls.length;
    const saved = await invoke(fien, 'ws.save', {
      v: `${collabId}:externals.s6`,
      f_gedaan: 'true',
      f_organisatie: 'Natuurpunt Waasland',
      f_hielp: 'Een vaste contactpersoon.',
      f_hinderde: 'De busplanning.',
    });
    expect(noticeOf(saved)).toBe('Bewaard. De evaluatie staat in het register van je werkruimte.');
    const shared = json(cardOf(await updatedTo(posted.responseId, '1 van 6 stappen gedaan', before)));
    expect(shared).toContain('Externe organisatie: Natuurpunt Waasland');
    const entry = JSON.parse((await redis.hget(registerKey(scope), collabId))!) as Record<string, unknown>;
    expect(entry).toMatchObject({ organisation: 'Natuurpunt Waasland', helped: 'Een vaste contactpersoon.', hindered: 'De busplanning.' });

    // Anywhere in the tenant, and case and accents do not matter.
    const found = cardOf(await sayAndWait(els, 'register natuur', CHANNEL_CONV, 'Register · “natuur” · 1 evaluatie'));
    expect(json(found)).toContain('Natuurpunt Waasland · ');
    expect(lines(found)).toContain('Wat hielp: Een vaste contactpersoon.\\nWat hinderde: De busplanning.');
    await sayAndWait(els, 'register NATÜUR', CHANNEL_CONV, 'Natuurpunt Waasland');
    await sayAndWait(els, 'register', CHANNEL_CONV, 'Welke organisatie zoek je?');

    // Another tenant's register is its own.
    const elsewhere = '19:elders@thread.tacv2';
    const other = await sayAndWait(els, 'register natuur', elsewhere, 'Het register van je werkruimte heeft nog geen evaluatie van “natuur”.', 'nl-BE', OTHER_TENANT);
    expect(json(other.body)).not.toContain('Natuurpunt');
    const crossTenant = await h.send(
      activity(fien, h.connector.serviceUrl, {
        type: 'invoke',
        name: 'adaptiveCard/action',
        value: { action: { type: 'Action.Execute', verb: 'ws.edit', data: { v: `${collabId}:externals.s6` } }, trigger: 'manual' },
        conversation: { id: elsewhere, conversationType: 'channel', tenantId: OTHER_TENANT, isGroup: true },
        channelData: { tenant: { id: OTHER_TENANT } },
      }),
    );
    assertAdaptiveCard((JSON.parse(crossTenant.body) as { value: Card }).value);
    expect(crossTenant.body).toContain('Deze samenwerking bestaat niet meer');
    expect(crossTenant.body).not.toContain('Natuurpunt');

    // Forgetting the collaboration takes its evaluation out of the register.
    await sayAndWait(gust, 'vergeet', thread, 'Dat kan niet ongedaan worden');
    const done = await invoke(gust, 'collab.forget', { v: collabId });
    expect(json(done)).toContain('vergeten');
    await updatedTo(rootId, 'op vraag van de facilitator vergeten');
    expect(await redis.hget(registerKey(scope), collabId)).toBeNull();
    await sayAndWait(els, 'register natuur', CHANNEL_CONV, 'Het register van je werkruimte heeft nog geen evaluatie van “natuur”.');
  });

  it('leaves the register when step 6 no longer names an organisation', async () => {
    const { collabId, thread } = await startCollab(gust, 'Bosklassen');
    await sayAndWait(fien, 'externen', thread, NL_TITLES.externals);
    await invoke(fien, 'ws.save', { v: `${collabId}:externals.s6`, f_organisatie: 'Bosgroep Zuid', f_hielp: 'Goede gidsen.' });
    expect(await redis.hget(registerKey(scope), collabId)).toContain('Bosgroep Zuid');
    const saved = await invoke(fien, 'ws.save', { v: `${collabId}:externals.s6`, f_organisatie: '', f_hielp: 'Goede gidsen.' });
    expect(noticeOf(saved)).toBe('Bewaard.');
    expect(await redis.hget(registerKey(scope), collabId)).toBeNull();
    await sayAndWait(els, 'register bosgroep', CHANNEL_CONV, 'nog geen evaluatie van “bosgroep”');
  });
});

describe('Teams worksheets: in English', () => {
  let collabId = '';
  let thread = '';
  const cardIds = {} as Record<WorksheetId, string>;

  it('posts each worksheet on its English command, in the collaboration\'s language', async () => {
    ({ collabId, thread } = await startCollab(eve, 'Reading buddies', 'en-GB'));
    const commands: [string, WorksheetId][] = [
      ['conditions', 'conditions'],
      ['form', 'form'],
      ['partners', 'partners'],
      ['agreements', 'agreements'],
      ['internal partners', 'internal'],
      ['externals', 'externals'],
    ];
    for (const [command, sheet] of commands) {
      const call = await sayAndWait(eve, command, thread, EN_TITLES[sheet], 'en-GB');
      expect(call.conversationId).toBe(thread);
      expect(titleOf(cardOf(call))).toBe(EN_TITLES[sheet]);
      cardIds[sheet] = call.responseId;
    }
    const agreements = await h.connector.waitFor((c) => c.method === 'POST' && c.responseId === cardIds.agreements);
    expect(json(cardOf(agreements))).toContain('0 of 11 themes agreed or n/a');
    expect(actions(cardOf(agreements))[0]!.title).toBe('Update');
  });

  it('scores conditions and flags them in English', async () => {
    const v = `${collabId}:conditions`;
    const saved = await invoke(eve, 'ws.save', { v, f_ambitie: '2', f_relatie: '5', f_ambitie_note: 'What do we really want?' }, 'en-GB');
    expect(noticeOf(saved)).toBe('Saved.');
    await invoke(ann, 'ws.save', { v, f_ambitie: '3', f_relatie: '1' }, 'en-GB');
    const shared = json(cardOf(await updatedTo(cardIds.conditions, '2 members filled this in')));
    expect(shared).toContain('mean 2.5 · from 2 to 3 · 2 scores');
    expect(shared).toContain('"text":"To discuss"');
    expect(shared).toContain('• Ambition (Scored low): What do we want to achieve together');
    expect(shared).toContain('• Relationship (You are far apart): What do we need to trust each other more');
    expect(shared).toContain('• Eve: What do we really want?');
    const tooLong = await invoke(eve, 'ws.save', { v, f_ambitie: '4', f_relatie_note: 'y'.repeat(301) }, 'en-GB');
    expect(noticeOf(tooLong)).toBe('That is too long: at most 300 characters.');
    const forged = await invoke(eve, 'ws.save', { v, f_ambitie: 'six' }, 'en-GB');
    expect(json(forged)).toContain('I could not read that request. Nothing has changed.');
    expect((await storedBy(collabId, 'conditions', eve))?.values.ambitie).toBe('2');
  });

  it('adds a partner, asks for its name in English, and counts internal partners', async () => {
    const nameless = await invoke(eve, 'ws.save', { v: `${collabId}:partners.new`, f_rol: 'omkadering' }, 'en-GB');
    expect(noticeOf(nameless)).toBe('Please fill this in.');
    await invoke(eve, 'ws.save', { v: `${collabId}:partners.new`, f_naam: 'City Library', f_rol: 'omkadering', f_mandaat: 'terugkoppeling' }, 'en-GB');
    const partners = json(cardOf(await updatedTo(cardIds.partners, 'City Library')));
    expect(partners).toContain('mandate: reports back · framing actor');
    await invoke(ann, 'ws.save', { v: `${collabId}:internal`, f_dpo: 'true' }, 'en-GB');
    await updatedTo(cardIds.internal, '1 of 11 involved');
    await invoke(ann, 'ws.save', { v: `${collabId}:agreements.data`, f_status: 'afgesproken', f_tekst: 'Only first names are shared.' }, 'en-GB');
    const agreements = lines(cardOf(await updatedTo(cardIds.agreements, '1 of 11 themes agreed or n/a')));
    expect(agreements).toContain('agreed\\nOnly first names are shared.\\nAnn, ');
  });

  it('sets the time zone with `timezone`, and refuses a plain member', async () => {
    await sayAndWait(ann, 'timezone europe/london', thread, 'Only the facilitator and the coordinators', 'en-GB');
    await sayAndWait(eve, 'timezone europe/london', thread, 'This collaboration\'s time zone is now Europe/London.', 'en-GB');
    await sayAndWait(eve, 'timezone Atlantis/Central', thread, 'I do not know “Atlantis/Central” as a time zone.', 'en-GB');
  });
});

describe('Teams worksheets: every card is valid, and the logs hold nothing typed', () => {
  it('validates every card the bot sent in this file', () => {
    const cards = h.connector.calls.filter((c) => (c.method === 'POST' || c.method === 'PUT') && c.body.attachments);
    expect(cards.length).toBeGreaterThan(20);
    expect(invokes).toBeGreaterThan(40);
    for (const call of cards) assertAdaptiveCard(cardOf(call));
    // Worksheet cards were updated in place, in their thread.
    expect(cards.some((c) => c.method === 'PUT' && c.conversationId.includes(';messageid='))).toBe(true);
  });

  it('never logs what members typed on a worksheet', () => {
    const text = h.logs.text();
    for (const typed of ['We kennen elkaar', 'Stadsbibliotheek Gent', 'OCMW Gent', 'Natuurpunt Waasland', 'vaste contactpersoon', 'Elke woensdag', 'City Library']) {
      expect(text, typed).not.toContain(typed);
    }
  });
});
