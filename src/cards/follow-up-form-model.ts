import type { FollowUpFormState } from '../app/card-views.js';
import { linkChoices, NO_LINK } from '../app/follow-ups/follow-up-form.js';
import { collabMessages } from '../content/collab-messages.js';
import { followUpFormMessages } from '../content/follow-up-form-messages.js';
import { FOLLOW_UP_TEXT_MAX, type FollowUpLink } from '../domain/follow-up.js';
import type { Collaboration, OpenItem, QuestionSheet } from '../domain/collaboration.js';
import { actionValue, readSheetArg, sheetArg } from './action-values.js';

/** Slack option texts hold at most 75 characters. */
const OPTION_MAX = 75;
/** Open points offered as a pick: as many as the card lists. */
const ITEMS_PICKED = 20;
/** People offered as owners on a Teams card; a larger roster would push the card past Teams' size limit. */
const MEMBERS_SHOWN = 250;

const cut = (text: string, max: number): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** The card a follow-up form opens from, as the argument of its buttons: a sheet (as step buttons send it) or `decision`. */
export type FollowUpOrigin = QuestionSheet | 'decision';

export const originArg = (origin: FollowUpOrigin): string => (origin === 'decision' ? origin : sheetArg(origin));

/** The origin in a button's argument, or invalid_input. */
export function readOriginArg(arg: string): FollowUpOrigin {
  return arg === 'decision' ? 'decision' : readSheetArg(arg);
}

/**
 * The follow-up parts of step, reminder and decision cards: the "+ opvolgpunt" button, the
 * facilitator's reminder button, the pick of an open point (Slack) and, on Teams, the inline
 * form for the one person who pressed.
 */
export interface FollowUpFormModel {
  addLabel: string;
  /** `collabId:<origin>`: what the buttons send. */
  value: string;
  /** Step and reminder cards only; empty on the decision card. */
  chaseLabel: string;
  /** Slack: the open points the card lists, to turn one into a follow-up; empty when none or closed. */
  itemChoices: { title: string; value: string }[];
  itemPlaceholder: string;
  /** Teams: the form is open on this (personal) card. */
  open: boolean;
  textLabel: string;
  text: string;
  textMax: number;
  ownerLabel: string;
  owner: string;
  ownerChoices: { title: string; value: string }[];
  dueLabel: string;
  due: string;
  dueMin: string;
  linkLabel: string;
  link: string;
  linkChoices: { title: string; value: string }[];
  /** Teams: open points to take over into the text; empty when none. */
  formItems: { title: string; value: string }[];
  itemLabel: string;
  takeLabel: string;
  saveLabel: string;
  cancelLabel: string;
}

function itemTitle(collab: Collaboration, item: OpenItem): string {
  return cut(`${collabMessages(collab.locale).itemKind[item.kind]}: ${item.text}`, OPTION_MAX);
}

/**
 * Who can own the follow-up: the conversation's roster, plus the collaboration's own people, so
 * the picker is never empty when the roster cannot be read (Teams invokes check against the same).
 */
export function ownerCandidates(collab: Collaboration, members: { id: string; name: string }[]): { id: string; name: string }[] {
  const own = [collab.facilitator, ...(collab.opvolger ? [collab.opvolger] : []), ...collab.coordinators].map((p) => ({ id: p.id, name: p.name ?? p.id }));
  const seen = new Set<string>();
  return [...members, ...own].filter((p) => !seen.has(p.id) && seen.add(p.id));
}

const ownerChoices = (collab: Collaboration, members: { id: string; name: string }[]) =>
  ownerCandidates(collab, members).slice(0, MEMBERS_SHOWN).map((p) => ({ title: cut(p.name, 100), value: p.id }));

export function buildFollowUpFormModel(
  collab: Collaboration,
  card: { origin: FollowUpOrigin; chase: boolean; items: OpenItem[]; form?: FollowUpFormState },
): FollowUpFormModel {
  const m = followUpFormMessages(collab.locale);
  const open = collab.stage !== 'stopped';
  const form = card.form;
  const reminder: FollowUpLink | undefined = card.origin.startsWith('reminder') ? card.origin : undefined;
  return {
    addLabel: m.addButton,
    value: actionValue(collab.id, originArg(card.origin)),
    chaseLabel: card.chase ? m.chaseButton : '',
    itemChoices: open && !form ? card.items.slice(0, ITEMS_PICKED).map((i) => ({ title: itemTitle(collab, i), value: actionValue(collab.id, i.id) })) : [],
    itemPlaceholder: m.itemPlaceholder,
    open: form !== undefined,
    textLabel: m.textLabel,
    text: form?.values.text ?? '',
    textMax: FOLLOW_UP_TEXT_MAX,
    ownerLabel: m.ownerLabel,
    owner: form?.values.owner ?? '',
    ownerChoices: form ? ownerChoices(collab, form.members) : [],
    dueLabel: m.dueLabel,
    due: form?.values.due ?? '',
    dueMin: form?.today ?? '',
    linkLabel: m.linkLabel,
    link: form?.values.link || NO_LINK,
    linkChoices: linkChoices(collab.locale, reminder).map((c) => ({ title: cut(c.title, OPTION_MAX), value: c.value })),
    formItems: (form?.items ?? []).slice(0, ITEMS_PICKED).map((i) => ({ title: itemTitle(collab, i), value: i.id })),
    itemLabel: m.itemLabel,
    takeLabel: m.takeItem,
    saveLabel: m.save,
    cancelLabel: m.cancel,
  };
}

