import { DEFAULT_TIME_ZONE, type Collaboration, type OpenItem, type Person, type QuestionSheet } from '../../domain/collaboration.js';
import { isAppError } from '../../domain/errors.js';
import { FOLLOW_UP_TEXT_MAX, FollowUpLinkSchema, LocalDateSchema, type FollowUp, type FollowUpLink, type LocalDate } from '../../domain/follow-up.js';
import type { Locale } from '../../domain/poll.js';
import { followUpFormMessages } from '../../content/follow-up-form-messages.js';
import { followUpMessages } from '../../content/follow-up-messages.js';
import { sheetText } from '../../content/sheets.js';
import { openItems } from '../collab-views.js';
import type { AppDeps } from '../deps.js';
import { threadOf, type Actor } from '../collab/steps.js';
import { parseDueDate } from './due-date.js';
import { addFollowUp } from './manage-follow-ups.js';
import { localDate } from './nudge-times.js';

/** The value a form sends for "no link": Slack options and Teams choices cannot be empty. */
export const NO_LINK = 'none';

/**
 * The follow-up form as a neutral model (Slack: a modal; Teams: inputs on the card): the text
 * prefilled from an open point when one was picked, and the link preset to the card it came from.
 */
export interface FollowUpForm {
  collab: Collaboration;
  text: string;
  link?: FollowUpLink;
  /** Open points (stap 2's items and proposed trajects) that can be taken over as the text. */
  items: OpenItem[];
  /** Today in the collaboration's zone: the earliest due date. */
  today: LocalDate;
}

/** What a form sends back; `owner` is undefined when nobody (or nobody known) was picked. */
export interface FollowUpFormInput {
  text: string;
  owner?: Person;
  /** YYYY-MM-DD, as datepickers send it; empty when none was picked. */
  due: string;
  /** A FollowUpLink, or NO_LINK / empty. */
  link: string;
}

export type FollowUpFormField = 'text' | 'owner' | 'due' | 'link';
export type FollowUpFormErrors = Partial<Record<FollowUpFormField, string>>;

/** Stap 2's points belong to stap 2; a traject the bot proposed after a tension belongs to the decision. */
const itemLink = (item: OpenItem): FollowUpLink => (item.kind === 'traject' ? 'decision' : 'step2');

const zoneOf = (collab: Collaboration): string => collab.timeZone ?? DEFAULT_TIME_ZONE;

/**
 * The form to add a follow-up from a card; anyone in the collaboration may. `item` (an open
 * point's id) fills in its text and links it where it came from; a point that changed since the
 * card was drawn simply leaves the text empty.
 */
export async function followUpForm(deps: AppDeps, a: Actor, origin: { link?: FollowUpLink; item?: string }): Promise<FollowUpForm> {
  const { collab } = await threadOf(deps, a.scope, a.collabId);
  const items = await openItems(deps, a.scope, a.collabId, collab.locale);
  const picked = origin.item ? items.find((i) => i.id === origin.item) : undefined;
  return {
    collab,
    text: picked?.text ?? '',
    link: picked ? itemLink(picked) : origin.link,
    items,
    today: localDate(deps.clock.now(), zoneOf(collab)),
  };
}

/** The choices of "belongs to": nothing, the four steps, the reminder the form came from, the decision. */
export function linkChoices(locale: Locale, origin?: FollowUpLink): { value: string; title: string }[] {
  const m = followUpFormMessages(locale);
  const sheets: QuestionSheet[] = ['step1', 'step2', 'step3', 'step4'];
  if (origin && origin.startsWith('reminder')) sheets.push(origin as QuestionSheet);
  return [
    { value: NO_LINK, title: m.noLink },
    ...sheets.map((sheet) => ({ value: sheet, title: sheetText(locale, sheet).title })),
    { value: 'decision', title: m.decisionLink },
  ];
}

/** The link a form sent, or undefined for none; invalid_link is reported by {@link followUpFormErrors}. */
function readLink(raw: string): FollowUpLink | undefined {
  const parsed = FollowUpLinkSchema.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}

/**
 * Why a form cannot be stored, per field; empty when it can. The due date follows the same rules
 * as typed dates: a real calendar date, not before today in the collaboration's zone.
 */
export function followUpFormErrors(collab: Collaboration, now: number, input: FollowUpFormInput): FollowUpFormErrors {
  const m = followUpFormMessages(collab.locale).errors;
  const errors: FollowUpFormErrors = {};
  const text = input.text.trim();
  if (text === '') errors.text = m.textMissing;
  else if (text.length > FOLLOW_UP_TEXT_MAX) errors.text = m.textTooLong(FOLLOW_UP_TEXT_MAX);
  if (!input.owner) errors.owner = m.ownerMissing;
  if (input.due === '') errors.due = m.dueMissing;
  else if (!LocalDateSchema.safeParse(input.due).success) errors.due = m.dueInvalid;
  else {
    const due = parseDueDate(input.due, { locale: collab.locale, now, timeZone: zoneOf(collab) });
    if (due.kind === 'past') errors.due = m.duePast;
    else if (due.kind !== 'date' || due.date !== input.due) errors.due = m.dueInvalid;
  }
  if (input.link !== '' && input.link !== NO_LINK && !readLink(input.link)) errors.link = m.linkInvalid;
  return errors;
}

/**
 * Adds the follow-up a form describes (see addFollowUp: its first nudge is queued and one line
 * goes to the thread), or returns why not per field; nothing is stored then.
 */
export async function submitFollowUpForm(deps: AppDeps, a: Actor, input: FollowUpFormInput): Promise<{ errors: FollowUpFormErrors } | { item: FollowUp }> {
  const { collab } = await threadOf(deps, a.scope, a.collabId);
  const errors = followUpFormErrors(collab, deps.clock.now(), input);
  if (Object.keys(errors).length > 0 || !input.owner) return { errors };
  const link = readLink(input.link);
  try {
    const item = await addFollowUp(deps, a, { text: input.text.trim(), owner: input.owner, due: input.due, ...(link ? { link } : {}) });
    return { item };
  } catch (err) {
    if (isAppError(err, 'invalid_input')) return { errors: { text: followUpMessages(collab.locale).tooMany } };
    throw err;
  }
}
