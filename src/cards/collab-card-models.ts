import type { DecisionView, FollowUpFormState, PersonalNote, ReminderView, RootView, StepView } from '../app/card-views.js';
import { actionValue, sheetArg } from './action-values.js';
import { buildRootEdit, type RootEditModel } from './root-edit-model.js';
import { buildFollowUpFormModel, type FollowUpFormModel } from './follow-up-form-model.js';
import { sheetText } from '../content/sheets.js';
import { collabMessages, formatDate, type CollabMessages } from '../content/collab-messages.js';
import { messages } from '../content/messages.js';
import { outcomeText, stepText } from '../content/steps.js';
import { reminderSheet, stepSheet, type AnswerSet, type Collaboration, type Decision, type OpenItem, type Person, type QuestionSheet, type TemperatureRecord } from '../domain/collaboration.js';
import type { Locale } from '../domain/poll.js';

/** How a platform shows a person and escapes user text inside its markup. */
export interface Formatting {
  person(p: Person): string;
  text(s: string): string;
  /** What breaks a line inside a text: Teams' TextBlock markdown joins single newlines. */
  newline: string;
}

export interface Fact {
  title: string;
  value: string;
}

const noticeColor = (note: PersonalNote): 'Good' | 'Attention' => (note.tone === 'ok' ? 'Good' : 'Attention');


export interface RootCardModel {
  collabId: string;
  heading: string;
  title: string;
  facts: Fact[];
  itemsTitle: string;
  /** One line per open item, "• " in front; empty when there are none. */
  itemsText: string;
  hint: string;
  editLabel: string;
  /** Teams: the facilitator's inline form (Slack uses a modal). */
  editing: boolean;
  edit: RootEditModel;
  stepButton: string;
  stepValue: string;
  stopped: boolean;
  notice: string;
  /** Adaptive Card colour of the notice: Good for a confirmation, Attention otherwise. */
  noticeColor: 'Good' | 'Attention';
  fallbackText: string;
}

export const temperatureText = (m: CollabMessages, locale: Locale, t?: TemperatureRecord): string =>
  t ? m.temperatureLine(t.level ? messages(locale).temperature[t.level] : messages(locale).noVotes, t.voters) : m.none;

export const decisionText = (m: CollabMessages, locale: Locale, f: Formatting, d?: Decision): string =>
  d ? m.decisionLine(m.outcome[d.outcome], f.text(d.withWhom), formatDate(locale, d.at)) + (d.tension ? ` · ${m.tension[d.tension]}` : '') : m.none;

const ITEMS_SHOWN = 20;

function itemsText(m: CollabMessages, f: Formatting, items: OpenItem[]): string {
  const lines = items.slice(0, ITEMS_SHOWN).map((i) => `• ${m.itemKind[i.kind]}: ${f.text(i.text)}`);
  if (items.length > ITEMS_SHOWN) lines.push(`+${items.length - ITEMS_SHOWN}`);
  return lines.join(f.newline);
}

export function buildRootModel(view: RootView, f: Formatting, note: PersonalNote = {}): RootCardModel {
  const { collab } = view;
  const m = collabMessages(collab.locale);
  const where = collab.stage === 'steps' ? m.stepLabel(collab.step) : m.stage[collab.stage];
  return {
    collabId: collab.id,
    heading: m.rootHeading,
    title: f.text(collab.title),
    facts: [
      // Slack fields hold at most 2000 characters; escaping can make a 500-character issue longer.
      { title: m.fields.issue, value: collab.issue ? f.text(collab.issue).slice(0, 1900) : m.none },
      { title: m.fields.facilitator, value: f.person(collab.facilitator) },
      { title: m.fields.opvolger, value: collab.opvolger ? f.person(collab.opvolger) : m.none },
      { title: m.fields.coordinators, value: collab.coordinators.length ? collab.coordinators.map((c) => f.person(c)).join(', ') : m.none },
      { title: m.fields.form, value: collab.form ? m.forms[collab.form] : m.none },
      { title: m.fields.step, value: where },
      { title: m.fields.temperature, value: temperatureText(m, collab.locale, view.temperature) },
      { title: m.fields.decision, value: decisionText(m, collab.locale, f, view.decision) },
    ],
    itemsTitle: m.openItemsTitle,
    itemsText: itemsText(m, f, view.openItems),
    hint: m.threadHint,
    editLabel: m.editButton,
    editing: view.editing !== undefined,
    edit: buildRootEdit(collab, view.editing?.members ?? []),
    stepButton: stepText(collab.locale, collab.step).title.slice(0, 75),
    stepValue: actionValue(collab.id, String(collab.step)),
    stopped: collab.stage === 'stopped',
    notice: note.notice ?? '',
    noticeColor: noticeColor(note),
    fallbackText: `${m.rootHeading}: ${f.text(collab.title)}`,
  };
}

export interface StepCardModel {
  collabId: string;
  value: string;
  title: string;
  collabTitle: string;
  intro: string;
  facts: Fact[];
  /** `slackText` is the label with its hint (if any) below it, as one mrkdwn text. */
  questions: { id: string; inputId: string; label: string; hint: string; own: string; slackText: string }[];
  itemsTitle: string;
  itemsText: string;
  progress: string;
  answerLabel: string;
  saveLabel: string;
  showLabel: string;
  /** Teams: a shared update empties everyone's inputs; this brings back the viewer's own answers. */
  mineLabel: string;
  placeholder: string;
  /**
   * Stap 4 only: the facilitator's three outcomes as four buttons, always in this order: ok, back
   * to stap 1, back to stap 2, fails (the Slack template addresses them by position).
   */
  outcomes: { label: string; value: string }[];
  outcomeNote: string;
  open: boolean;
  /** "+ opvolgpunt", the facilitator's reminder button and, on Teams, the inline follow-up form. */
  fu: FollowUpFormModel;
  notice: string;
  /** Adaptive Card colour of the notice: Good for a confirmation, Attention otherwise. */
  noticeColor: 'Good' | 'Attention';
  fallbackText: string;
}

/** What differs between a step card and a reminder card; the rest of the model is shared. */
interface SheetCard {
  sheet: QuestionSheet;
  answered: number;
  members?: number;
  own?: AnswerSet;
  openItems: OpenItem[];
  outcomes: StepCardModel['outcomes'];
  outcomeNote: string;
  followUpForm?: FollowUpFormState;
}

function sheetCardModel(collab: Collaboration, card: SheetCard, f: Formatting, note: PersonalNote): StepCardModel {
  const m = collabMessages(collab.locale);
  const content = sheetText(collab.locale, card.sheet);
  return {
    collabId: collab.id,
    value: actionValue(collab.id, sheetArg(card.sheet)),
    title: content.title,
    collabTitle: f.text(collab.title),
    intro: content.intro,
    facts: content.facts.map((x) => ({ title: x.title, value: x.text })),
    questions: content.questions.map((q) => ({
      id: q.id,
      inputId: `q_${q.id}`,
      label: q.label,
      hint: q.hint,
      own: card.own?.values[q.id] ?? '',
      slackText: q.hint ? `*${q.label}*\n_${q.hint}_` : `*${q.label}*`,
    })),
    itemsTitle: card.openItems.length ? m.openItemsTitle : '',
    itemsText: itemsText(m, f, card.openItems),
    progress: m.progress(card.answered, card.members),
    answerLabel: m.answerButton,
    saveLabel: m.saveAnswersButton,
    showLabel: m.postAnswersButton,
    mineLabel: m.mineButton,
    placeholder: m.answerPlaceholder,
    outcomes: card.outcomes,
    outcomeNote: card.outcomeNote,
    open: collab.stage !== 'stopped',
    fu: buildFollowUpFormModel(collab, { origin: card.sheet, chase: true, items: card.openItems, form: card.followUpForm }),
    notice: note.notice ?? '',
    noticeColor: noticeColor(note),
    fallbackText: `${content.title}: ${f.text(collab.title)}`,
  };
}

export function buildStepModel(view: StepView, f: Formatting, note: PersonalNote = {}): StepCardModel {
  const { collab, step } = view;
  const m = collabMessages(collab.locale);
  const o = outcomeText(collab.locale);
  // Stap 4's outcomes are the facilitator's to choose while the collaboration is in its steps.
  const choosing = step === 4 && collab.stage === 'steps';
  const outcomes = choosing
    ? [
        { label: o.ok, value: actionValue(collab.id, 'ok') },
        { label: m.outcomeBack(1), value: actionValue(collab.id, 'back1') },
        { label: m.outcomeBack(2), value: actionValue(collab.id, 'back2') },
        { label: o.fails, value: actionValue(collab.id, 'fails') },
      ]
    : [];
  const card = {
    sheet: stepSheet(step),
    answered: view.answered,
    members: view.members,
    own: view.own,
    openItems: view.openItems,
    outcomes,
    outcomeNote: choosing ? m.stepFourChoose : '',
    followUpForm: view.followUpForm,
  };
  return sheetCardModel(collab, card, f, note);
}

/** A reminder card (seed 003) has the step card's shape: a title, an explanation and three questions. */
export function buildReminderModel(view: ReminderView, f: Formatting, note: PersonalNote = {}): StepCardModel {
  const card = { sheet: reminderSheet(view.n), answered: view.answered, members: view.members, own: view.own, openItems: [], outcomes: [], outcomeNote: '', followUpForm: view.followUpForm };
  return sheetCardModel(view.collab, card, f, note);
}

export interface DecisionCardModel {
  collabId: string;
  heading: string;
  collabTitle: string;
  temperature: string;
  /** Empty when there is a temperature; else why not, with a button to measure it. */
  noTemperature: string;
  pollLabel: string;
  current: string;
  tension: string;
  rationale: string;
  outcomes: { title: string; value: string }[];
  goLabel: string;
  nogoLabel: string;
  goValue: string;
  nogoValue: string;
  rationaleLabel: string;
  rationaleHint: string;
  withWhomLabel: string;
  withWhomDefault: string;
  decideLabel: string;
  fu: FollowUpFormModel;
  notice: string;
  /** Adaptive Card colour of the notice: Good for a confirmation, Attention otherwise. */
  noticeColor: 'Good' | 'Attention';
  fallbackText: string;
}

export function buildDecisionModel(view: DecisionView, f: Formatting, note: PersonalNote = {}): DecisionCardModel {
  const { collab } = view;
  const m = collabMessages(collab.locale);
  const latest = view.decisions.at(-1);
  return {
    collabId: collab.id,
    heading: m.decisionHeading,
    collabTitle: f.text(collab.title),
    temperature: view.temperature ? `${m.fields.temperature}: ${temperatureText(m, collab.locale, view.temperature)}` : '',
    noTemperature: view.temperature ? '' : m.noTemperature,
    pollLabel: m.startPollButton,
    current: latest ? `${m.fields.decision}: ${decisionText(m, collab.locale, f, latest).split(' · ')[0]} (${f.person(latest.by)})` : m.noDecisions,
    tension: latest?.tension ? m.tension[latest.tension] : '',
    rationale: latest ? f.text(latest.rationale) : '',
    outcomes: [
      { title: m.go, value: 'go' },
      { title: m.nogo, value: 'nogo' },
    ],
    goLabel: m.go,
    nogoLabel: m.nogo,
    goValue: actionValue(collab.id, 'go'),
    nogoValue: actionValue(collab.id, 'nogo'),
    rationaleLabel: m.rationaleLabel,
    rationaleHint: m.rationaleHint,
    withWhomLabel: m.withWhomLabel,
    withWhomDefault: m.withWhomDefault,
    decideLabel: m.decideButton,
    fu: buildFollowUpFormModel(collab, { origin: 'decision', chase: false, items: [], form: view.followUpForm }),
    notice: note.notice ?? '',
    noticeColor: noticeColor(note),
    fallbackText: `${m.decisionHeading} ${f.text(collab.title)}`,
  };
}


