import type { AnswerSet, Collaboration, Decision, OpenItem, Person, ReminderNumber, SheetId, Stage, Step, TemperatureRecord, WorksheetId } from '../domain/collaboration.js';
import type { Locale, Temperature } from '../domain/poll.js';
import type { FollowUp, LocalDate } from '../domain/follow-up.js';
import type { Place, PollState } from './ports.js';
import type { RegisterEntry } from './register-ports.js';

/** What one person sees on a card returned only to them (Teams invoke responses). */
export interface PersonalNote {
  /** A private line on top of the card: a confirmation or an error. */
  notice?: string;
  /** A confirmation reads as good news; anything else as a warning. */
  tone?: 'ok' | 'error';
}

/** The root card: the collaboration at a glance. */
export interface RootView {
  collab: Collaboration;
  temperature?: TemperatureRecord;
  decision?: Decision;
  openItems: OpenItem[];
  /** Teams: the facilitator's editing form, with the chat's members to pick from. */
  editing?: { members: { id: string; name: string }[] };
}

/**
 * Teams: the follow-up form shown inline on a step, reminder or decision card, for the one person
 * who pressed "+ opvolgpunt" (Slack uses a modal). Values are kept after an error.
 */
export interface FollowUpFormState {
  /** The conversation's roster: who can own the follow-up. */
  members: { id: string; name: string }[];
  /** Open points that can be taken over as the text. */
  items: OpenItem[];
  values: { text: string; owner: string; due: string; link: string };
  /** Today in the collaboration's zone: the earliest due date. */
  today: LocalDate;
}

export interface StepView {
  collab: Collaboration;
  step: Step;
  answered: number;
  /** People in the channel or chat; undefined when the platform cannot tell. */
  members?: number;
  /** Stap 4 (and a step re-opened after "vraagtekens") lists the open items to check. */
  openItems: OpenItem[];
  /** Teams: the viewer's own answers, filled into the inputs. */
  own?: AnswerSet;
  followUpForm?: FollowUpFormState;
}

export interface DecisionView {
  collab: Collaboration;
  temperature?: TemperatureRecord;
  /** All decisions, oldest first; the last one is in force. */
  decisions: Decision[];
  followUpForm?: FollowUpFormState;
}

export interface AnswersView {
  collab: Collaboration;
  sheet: SheetId;
  sets: AnswerSet[];
}

/** A reminder card (seed 003): its three questions, answered like a step. */
export interface ReminderView {
  collab: Collaboration;
  n: ReminderNumber;
  answered: number;
  members?: number;
  /** Teams: the viewer's own answers, filled into the inputs. */
  own?: AnswerSet;
  followUpForm?: FollowUpFormState;
}

/**
 * The personal message to someone who has not answered a card yet: which card, of which
 * collaboration, and where it is.
 */
export interface ChaseView {
  locale: Locale;
  subject: { kind: 'sheet'; title: string } | { kind: 'poll'; question: string };
  collabTitle?: string;
  /** The thread the card is in; each platform says in its own way how to get there. */
  where: Place;
}

/**
 * A worksheet card: the method's checklists (conditions, form, partners, agreements, internal
 * partners, externals). `entries` are the members' sets (member mode) or the shared entries.
 */
export interface WorksheetView {
  collab: Collaboration;
  sheet: WorksheetId;
  entries: AnswerSet[];
  /** Teams: the form shown in the card for this viewer (Slack uses a modal); `item` in item mode, 'new' for a new partner. */
  editing?: { item?: string; values: Record<string, string> };
}

/**
 * Follow-ups on one card: the thread's list (`opvolgpunten`), a nudge to the owner, the
 * coordinators' overdue list, a personal overview, or one short line about a change.
 */
export interface FollowUpsView {
  locale: Locale;
  purpose: 'list' | 'soon' | 'due' | 'overdue' | 'mine' | 'digest' | 'change';
  entries: { item: FollowUp; collabTitle: string }[];
  /** Today in the reader's zone: what counts as overdue, and whether dates need a year. */
  today: LocalDate;
  /** Done, snooze and hand-over buttons per item (for the owner and coordinators). */
  actions: boolean;
  /** 'mine': the collaborations the reader leads or has follow-ups in. */
  collabs?: { title: string; step: Step; stage: Stage; lead: boolean }[];
  /** Teams: the hand-over picker for the (single) entry, from the collaboration channel's people. */
  handOver?: { members: Person[] };
  /** A private line above the overview (the Slack Home tab has no other place for one). */
  notice?: string;
  /** Set for 'change': what happened to the (single) entry, and by whom. */
  change?: { kind: 'added' | 'done' | 'snoozed' | 'reassigned'; by: Person };
}

export interface ListView {
  locale: Locale;
  entries: { collab: Collaboration; temperature?: TemperatureRecord; decision?: Decision }[];
}

/**
 * Every card the product posts, as a neutral view. Platforms render each kind with their own
 * template; adding a kind means a view here, a model in src/cards and two templates.
 */
export type CardView =
  | { kind: 'poll'; state: PollState; personal?: { ownVote?: Temperature; notice?: string } }
  | { kind: 'notice'; text: string }
  | { kind: 'root'; view: RootView; personal?: PersonalNote }
  | { kind: 'step'; view: StepView; personal?: PersonalNote }
  | { kind: 'decision'; view: DecisionView; personal?: PersonalNote }
  | { kind: 'answers'; view: AnswersView }
  | { kind: 'reminder'; view: ReminderView; personal?: PersonalNote }
  | { kind: 'worksheet'; view: WorksheetView; personal?: PersonalNote }
  | { kind: 'evaluation'; collab: Collaboration }
  | { kind: 'decisions'; view: DecisionView }
  | { kind: 'list'; view: ListView }
  /** Several collaborations in the channel: which one does the command mean? `command` is repeated on the pick. */
  | { kind: 'choose'; locale: Locale; command: string; options: { collabId: string; title: string }[] }
  /** "Forget this collaboration for good?" shown only to the facilitator. */
  | { kind: 'confirm'; locale: Locale; collabId: string; title: string }
  /** A short text with one button; `value` goes back with the press (Teams uses it where a reply cannot be private). */
  | { kind: 'offer'; text: string; button: string; verb: string; value: string }
  /** What the workspace's register says about an organisation (`register <naam>`), shown only to the asker. */
  | { kind: 'register'; locale: Locale; name: string; entries: RegisterEntry[] }
  | { kind: 'followups'; view: FollowUpsView }
  /** A private link, with a button that opens it. */
  | { kind: 'link'; text: string; button: string; url: string }
  /** A personal nudge to someone who has not answered a step, reminder or poll. */
  | { kind: 'chase'; view: ChaseView };

export type CardKind = CardView['kind'];
