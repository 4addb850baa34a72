/**
 * The follow-up form and the facilitator's reminder on cards: "+ opvolgpunt" on step, reminder
 * and decision cards, the pick of an open point, the Teams inline form, the reminder button on
 * step, reminder and poll cards, the personal reminder message and the Slack modal. Every variant
 * is rendered on both platforms and validated (Block Kit limits, Adaptive Cards 1.5, no `${`).
 */
import { describe, expect, it } from 'vitest';
import type { CardView, FollowUpFormState } from '../../src/app/card-views.js';
import type { PollState } from '../../src/app/ports.js';
import type { FollowUpForm } from '../../src/app/follow-ups/follow-up-form.js';
import { renderSlackCard, renderTeamsCard, slackFormatting, teamsFormatting } from '../../src/cards/platform-cards.js';
import { expandCard, expandCardDirect, type CardName, type SlackMessage } from '../../src/cards/render.js';
import { buildDecisionModel, buildReminderModel, buildStepModel } from '../../src/cards/collab-card-models.js';
import { buildChaseModel } from '../../src/cards/chase-model.js';
import { buildPollCardModel } from '../../src/cards/poll-card-model.js';
import { followUpFormModal } from '../../src/platforms/slack/follow-up-form.js';
import { slackPlace } from '../../src/platforms/slack/slack-messenger.js';
import { chaseReply, followUpFormMessages } from '../../src/content/follow-up-form-messages.js';
import { CollaborationSchema, type Collaboration, type OpenItem } from '../../src/domain/collaboration.js';
import { PollSchema, type Locale } from '../../src/domain/poll.js';
import { checkBlockKit } from '../support/block-kit-check.js';
import { validateAdaptiveCard } from '../support/adaptive-card-validate.js';
import { nodes, type Obj } from '../support/json-tree.js';

const T0 = Date.UTC(2026, 10, 30, 8, 0);
const locales = ['nl', 'en'] as const;
const faci = { id: 'U07FACI01', name: 'Annelies Peeters' };

function collab(locale: Locale, over: Partial<Collaboration> = {}): Collaboration {
  return CollaborationSchema.parse({
    id: 'abcdefghij12',
    scope: { platform: 'slack', tenant: 'T0WERKT01' },
    title: 'Huiswerkklas <met> de bib & co',
    issue: '',
    locale,
    step: 2,
    stage: 'steps',
    facilitator: faci,
    coordinators: [],
    createdAt: T0,
    ...over,
  });
}

const items: OpenItem[] = [
  { id: 'itmAAAAAAAA1', kind: 'opvolgpunt', text: 'Budget <navragen> bij de stad & de provincie' },
  { id: 'itmAAAAAAAA2', kind: 'voorwaarde', text: `Een vaste ruimte in de bib ${'heel lang '.repeat(12)}` },
  { id: 'itmAAAAAAAA3', kind: 'traject', text: 'Plan een traject rond de spanning.' },
];

const members = ['Ann', 'Bart', 'Chloé', 'Dries'].map((n) => ({ id: `aad-${n}`, name: n }));

const form = (over: Partial<FollowUpFormState['values']> = {}, withItems = true): FollowUpFormState => ({
  members,
  items: withItems ? items : [],
  values: { text: '', owner: '', due: '', link: 'step2', ...over },
  today: '2026-11-30',
});

function pollState(locale: Locale, status: 'open' | 'closed'): PollState {
  const poll = PollSchema.parse({
    id: 'pollAbc123XYZ',
    scope: { platform: 'slack', tenant: 'T0WERKT01' },
    question: 'Hoeveel <enthousiasme> is er?',
    anonymous: true,
    hidden: false,
    locale,
    facilitatorKey: 'fk1',
    status,
    createdAt: T0,
    expiresAt: T0 + 86_400_000,
  });
  return { poll, tally: { counts: { veel: 1, gemixt: 0, weinig: 0 }, voters: 1 }, named: [] };
}

const actionIds = (m: unknown): string[] => nodes(m, (o) => typeof o['action_id'] === 'string').map((o) => o['action_id'] as string);
const verbs = (card: unknown): string[] => nodes(card, (o) => o['type'] === 'Action.Execute').map((o) => o['verb'] as string);
const inputs = (card: unknown): Obj[] => nodes(card, (o) => typeof o['type'] === 'string' && (o['type'] as string).startsWith('Input.'));
const blockById = (m: SlackMessage, id: string): Obj | undefined => (m.blocks as Obj[]).find((b) => b['block_id'] === id);

function slack(view: CardView): SlackMessage {
  const [m, ...more] = renderSlackCard(view);
  expect(more).toEqual([]);
  expect(JSON.stringify(m)).not.toContain('${');
  expect(checkBlockKit(m!)).toEqual([]);
  for (const text of nodes(m!.blocks, (o) => o['type'] === 'mrkdwn').map((o) => o['text'] as string)) expect(text).not.toMatch(/<(?![@#!]|https?:)/);
  // Option texts hold at most 75 characters, values 150.
  for (const option of nodes(m!.blocks, (o) => Array.isArray(o['options'])).flatMap((o) => o['options'] as Obj[])) {
    expect(((option['text'] as Obj)['text'] as string).length).toBeLessThanOrEqual(75);
    expect((option['value'] as string).length).toBeLessThanOrEqual(150);
  }
  return m!;
}

function teams(view: CardView): Obj {
  const [card, ...more] = renderTeamsCard(view);
  expect(more).toEqual([]);
  expect(validateAdaptiveCard(card)).toEqual([]);
  expect(Buffer.byteLength(JSON.stringify(card), 'utf8')).toBeLessThan(80 * 1024);
  return card!;
}

const stepView = (l: Locale, followUpForm?: FollowUpFormState, over: Partial<Collaboration> = {}): CardView => ({
  kind: 'step',
  view: { collab: collab(l, over), step: 2, answered: 2, members: 7, openItems: items, followUpForm },
});

const variants: { name: string; view: (l: Locale) => CardView }[] = [
  { name: 'step 2 listing open points', view: (l) => stepView(l) },
  { name: 'step 2 with the follow-up form open (Teams)', view: (l) => stepView(l, form()) },
  { name: 'step 2 with the form and an error', view: (l) => ({ ...stepView(l, form({ text: 'Zaal', owner: 'aad-Bart', due: '2026-11-01' })), personal: { notice: followUpFormMessages(l).errors.duePast, tone: 'error' } }) },
  // The roster could not be read: the collaboration's own people remain to pick from.
  { name: 'step 2, the form without a roster', view: (l) => stepView(l, { ...form({}, false), members: [] }) },
  { name: 'step 2 of a stopped collaboration', view: (l) => stepView(l, undefined, { stage: 'stopped' }) },
  { name: 'reminder 3', view: (l) => ({ kind: 'reminder', view: { collab: collab(l), n: 3, answered: 1, members: 7 } }) },
  { name: 'reminder 3 with the form open', view: (l) => ({ kind: 'reminder', view: { collab: collab(l), n: 3, answered: 1, followUpForm: form({ link: 'reminder3' }, false) } }) },
  { name: 'decision', view: (l) => ({ kind: 'decision', view: { collab: collab(l, { stage: 'deciding', step: 4 }), decisions: [] } }) },
  { name: 'decision with the form open', view: (l) => ({ kind: 'decision', view: { collab: collab(l, { stage: 'deciding', step: 4 }), decisions: [], followUpForm: form({ link: 'decision' }) } }) },
  { name: 'poll, open', view: (l) => ({ kind: 'poll', state: pollState(l, 'open') }) },
  { name: 'poll, open, with the facilitator\'s count', view: (l) => ({ kind: 'poll', state: pollState(l, 'open'), personal: { notice: chaseReply(l, { reminded: 3, already: 1, unreachable: 0, failed: 0 }, true) } }) },
  { name: 'poll, closed', view: (l) => ({ kind: 'poll', state: pollState(l, 'closed') }) },
  {
    name: 'personal reminder: a step card',
    view: (l) => ({ kind: 'chase', view: { locale: l, subject: { kind: 'sheet', title: 'Stap 2 · Check intern' }, collabTitle: 'Bib <&> co', where: slackPlace('C0SAMEN', '1700000000.000100') } }),
  },
  {
    name: 'personal reminder: a poll in a collaboration',
    view: (l) => ({ kind: 'chase', view: { locale: l, subject: { kind: 'poll', question: 'Hoeveel <enthousiasme>?' }, collabTitle: 'Bib', where: slackPlace('C0SAMEN', '1700000000.000100') } }),
  },
  { name: 'personal reminder: a poll on its own', view: (l) => ({ kind: 'chase', view: { locale: l, subject: { kind: 'poll', question: 'Zin in een uitstap?' }, where: slackPlace('C0SAMEN') } }) },
];

describe('follow-up form and reminder cards render valid Slack and Teams messages', () => {
  for (const { name, view } of variants) {
    for (const locale of locales) {
      it(`${name} (${locale})`, () => {
        expect(slack(view(locale)).text.trim()).not.toBe('');
        expect(teams(view(locale))['fallbackText']).toEqual(expect.any(String));
      });
    }
  }

  it('expands each new card exactly as a direct template expansion would', () => {
    const models = (view: CardView): [CardName, (f: typeof slackFormatting) => object][] => {
      if (view.kind === 'step') return [['step', (f) => buildStepModel(view.view, f, view.personal)]];
      if (view.kind === 'reminder') return [['step', (f) => buildReminderModel(view.view, f, view.personal)]];
      if (view.kind === 'decision') return [['decision', (f) => buildDecisionModel(view.view, f, view.personal)]];
      if (view.kind === 'chase') return [['chase', (f) => buildChaseModel(view.view, f, '<#C0SAMEN>')]];
      return [];
    };
    let compared = 0;
    for (const { view } of variants) {
      for (const locale of locales) {
        for (const [platform, f] of [['slack', slackFormatting], ['teams', teamsFormatting]] as const) {
          for (const [card, model] of models(view(locale))) {
            compared++;
            expect(JSON.stringify(expandCard(platform, card, model(f)))).toBe(JSON.stringify(expandCardDirect(platform, card, model(f))));
          }
        }
      }
    }
    expect(compared).toBeGreaterThan(30);
  });
});

describe('the buttons on the cards', () => {
  it('puts "+ opvolgpunt" and the reminder button on step and reminder cards, apart from the answer buttons', () => {
    for (const locale of locales) {
      const m = followUpFormMessages(locale);
      const s = slack(stepView(locale));
      const buttons = nodes(blockById(s, 'fu_actions'), (o) => o['type'] === 'button').map((b) => [b['action_id'], b['value'], (b['text'] as Obj)['text']]);
      expect(buttons).toEqual([
        ['fuform.open', 'abcdefghij12:2', m.addButton],
        ['chase.sheet', 'abcdefghij12:2', m.chaseButton],
      ]);
      const reminder = slack({ kind: 'reminder', view: { collab: collab(locale), n: 3, answered: 1 } });
      expect(nodes(blockById(reminder, 'fu_actions'), (o) => o['type'] === 'button').map((b) => b['value'])).toEqual(['abcdefghij12:reminder3', 'abcdefghij12:reminder3']);
      const t = teams(stepView(locale));
      expect(verbs(t)).toEqual(['fuform.open', 'chase.sheet', 'step.answer', 'step.mine', 'step.show']);
    }
  });

  it('lets Slack turn a listed open point into a follow-up with a picker next to the list', () => {
    const s = slack(stepView('nl'));
    const select = (blockById(s, 'items')?.['accessory'] ?? {}) as Obj;
    expect(select['type']).toBe('static_select');
    expect(select['action_id']).toBe('fuform.item');
    const options = select['options'] as { text: { text: string }; value: string }[];
    expect(options.map((o) => o.value)).toEqual(items.map((i) => `abcdefghij12:${i.id}`));
    expect(options[0]!.text.text).toBe('Opvolgpunt: Budget <navragen> bij de stad & de provincie');
    expect(options[1]!.text.text.endsWith('…')).toBe(true);
    // The list itself stays escaped mrkdwn.
    expect(((blockById(s, 'items')?.['text'] as Obj)['text'] as string)).toContain('Budget &lt;navragen&gt;');
  });

  it('shows no follow-up or reminder buttons, and no picker, once a collaboration stopped', () => {
    const s = slack(stepView('nl', undefined, { stage: 'stopped' }));
    expect(actionIds(s)).toEqual([]);
    expect(verbs(teams(stepView('nl', undefined, { stage: 'stopped' })))).toEqual(['step.show']);
  });

  it('puts "+ opvolgpunt" on the decision card, and the reminder button on an open poll only', () => {
    const decision = slack({ kind: 'decision', view: { collab: collab('en', { stage: 'deciding' }), decisions: [] } });
    expect(nodes(blockById(decision, 'fu_actions'), (o) => o['type'] === 'button').map((b) => b['value'])).toEqual(['abcdefghij12:decision']);
    const open = slack({ kind: 'poll', state: pollState('nl', 'open') });
    expect(nodes(blockById(open, 'poll_chase'), (o) => o['type'] === 'button').map((b) => [b['action_id'], b['value']])).toEqual([['chase.poll', 'pollAbc123XYZ']]);
    expect(actionIds(slack({ kind: 'poll', state: pollState('nl', 'closed') }))).toEqual([]);
    const teamsOpen = teams({ kind: 'poll', state: pollState('en', 'open') });
    expect(verbs(teamsOpen)).toEqual(['chase.poll', 'vote', 'vote', 'vote', 'close']);
    // The card-level actions stay the votes and the close button.
    expect((teamsOpen['actions'] as Obj[]).map((a) => a['verb'])).toEqual(['vote', 'vote', 'vote', 'close']);
    expect(buildPollCardModel(pollState('en', 'open')).chaseLabel).toBe(followUpFormMessages('en').chaseButton);
  });
});

describe('the Teams inline form', () => {
  it('replaces the answer inputs with the form: text, an owner from the roster, a date from today, the link and the open points', () => {
    for (const locale of locales) {
      const t = teams(stepView(locale, form({ text: 'Zaal boeken', owner: 'aad-Bart', due: '2026-12-04' })));
      const byId = Object.fromEntries(inputs(t).map((i) => [i['id'], i]));
      expect(Object.keys(byId)).toEqual(['fu_item', 'fu_text', 'fu_owner', 'fu_due', 'fu_link']);
      expect(byId['fu_text']).toMatchObject({ type: 'Input.Text', value: 'Zaal boeken', maxLength: 300 });
      expect(byId['fu_owner']).toMatchObject({ type: 'Input.ChoiceSet', value: 'aad-Bart' });
      // The roster first, then the collaboration's own people (here the facilitator).
      expect(byId['fu_owner']!['choices']).toEqual([...members, faci].map((p) => ({ title: p.name, value: p.id })));
      expect(byId['fu_due']).toMatchObject({ type: 'Input.Date', value: '2026-12-04', min: '2026-11-30' });
      expect(byId['fu_link']!['value']).toBe('step2');
      expect((byId['fu_link']!['choices'] as Obj[]).map((c) => c['value'])).toEqual(['none', 'step1', 'step2', 'step3', 'step4', 'decision']);
      expect((byId['fu_item']!['choices'] as Obj[]).map((c) => c['value'])).toEqual(items.map((i) => i.id));
      // No answer can be saved while the form is open: that would store empty answers.
      expect(verbs(t)).toEqual(['fuform.item', 'fuform.add', 'fuform.cancel', 'step.show']);
    }
  });

  it('offers the reminder the form came from as a link, and hides the decision inputs behind the form', () => {
    const r = teams({ kind: 'reminder', view: { collab: collab('nl'), n: 3, answered: 1, followUpForm: form({ link: 'reminder3' }, false) } });
    const link = inputs(r).find((i) => i['id'] === 'fu_link')!;
    expect((link['choices'] as Obj[]).map((c) => c['value'])).toContain('reminder3');
    expect(inputs(r).map((i) => i['id'])).toEqual(['fu_text', 'fu_owner', 'fu_due', 'fu_link']);
    const d = teams({ kind: 'decision', view: { collab: collab('nl', { stage: 'deciding' }), decisions: [], followUpForm: form({ link: 'decision' }) } });
    expect(inputs(d).map((i) => i['id'])).toEqual(['fu_item', 'fu_text', 'fu_owner', 'fu_due', 'fu_link']);
    expect(verbs(d)).toEqual(['fuform.item', 'fuform.add', 'fuform.cancel']);
  });
});

describe('the personal reminder', () => {
  it('names the card and the collaboration, and points at the channel (Slack) or says where in words (Teams)', () => {
    const view: CardView = { kind: 'chase', view: { locale: 'nl', subject: { kind: 'sheet', title: 'Stap 2 · Check intern' }, collabTitle: 'Bib <&> co', where: slackPlace('C0SAMEN', '1.2') } };
    const s = JSON.stringify(slack(view));
    expect(s).toContain('“Stap 2 · Check intern” in de samenwerking “Bib &lt;&amp;&gt; co”');
    expect(s).toContain('<#C0SAMEN>');
    const t = JSON.stringify(teams(view));
    expect(t).toContain('“Bib <&> co”');
    expect(t).toContain(followUpFormMessages('nl').chaseCard.whereThread);
  });

  it('says to the presser how many were reminded, how many already were, and when nobody is left', () => {
    expect(chaseReply('nl', { reminded: 3, already: 0, unreachable: 0, failed: 0 }, false)).toBe('Ik stuurde 3 mensen die nog niet antwoordden een persoonlijke herinnering.');
    expect(chaseReply('en', { reminded: 0, already: 2, unreachable: 0, failed: 0 }, false)).toContain('earlier today already (2 people)');
    expect(chaseReply('nl', { reminded: 1, already: 2, unreachable: 1, failed: 1 }, false)).toMatch(/^Ik stuurde 1 persoon .* 2 mensen kregen vandaag al .* 1 persoon kon ik .* Bij 1 persoon lukte/);
    expect(chaseReply('nl', { reminded: 0, already: 0, unreachable: 0, failed: 0 }, true)).toBe(followUpFormMessages('nl').chase.nobodyLeftPoll);
  });
});

describe('the Slack follow-up modal', () => {
  const modal = (locale: Locale, over: Partial<FollowUpForm> = {}) => followUpFormModal({ collab: collab(locale), text: '', link: 'step2', items, today: '2026-11-30', ...over });

  it('is a valid modal: text, a user picker, a datepicker and the link preset to its card', () => {
    for (const locale of locales) {
      const view = modal(locale);
      expect(view.title.text.length).toBeLessThanOrEqual(24);
      expect(view.private_metadata).toBe(JSON.stringify({ c: 'abcdefghij12' }));
      // Action ids need only be unique within their block in a modal (every input's is `value`).
      for (const block of view.blocks) expect(checkBlockKit({ text: view.title.text, blocks: [block] })).toEqual([]);
      expect(view.blocks.length).toBeLessThanOrEqual(100);
      const elements = Object.fromEntries((view.blocks as Obj[]).filter((b) => b['type'] === 'input').map((b) => [b['block_id'], b['element'] as Obj]));
      expect(Object.keys(elements)).toEqual(['fu_text', 'fu_owner', 'fu_due', 'fu_link']);
      expect([elements['fu_text']!['type'], elements['fu_owner']!['type'], elements['fu_due']!['type'], elements['fu_link']!['type']]).toEqual(['plain_text_input', 'users_select', 'datepicker', 'static_select']);
      expect((elements['fu_link']!['initial_option'] as Obj)['value']).toBe('step2');
      expect(JSON.stringify(view.blocks[0])).toContain('Huiswerkklas &lt;met&gt; de bib &amp; co');
    }
  });

  it('fills in the text of a picked open point and presets a reminder or the decision', () => {
    expect((modal('nl', { text: 'Budget navragen' }).blocks[1] as { element: Obj }).element['initial_value']).toBe('Budget navragen');
    const fromReminder = modal('en', { link: 'reminder3' });
    const link = (fromReminder.blocks[4] as { element: { options: { value: string }[]; initial_option: { value: string } } }).element;
    expect(link.options.map((o) => o.value)).toEqual(['none', 'step1', 'step2', 'step3', 'step4', 'reminder3', 'decision']);
    expect(link.initial_option.value).toBe('reminder3');
    expect((modal('nl', { link: undefined }).blocks[4] as { element: { initial_option: { value: string } } }).element.initial_option.value).toBe('none');
  });
});
