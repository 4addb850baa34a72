import { AppError } from '../../domain/errors.js';
import { ANSWER_MAX, canDecide, reminderSheet, type AnswerSet, type Collaboration, type Person, type ReminderNumber, type QuestionSheet, type SheetId, type Step } from '../../domain/collaboration.js';
import type { Scope } from '../../domain/poll.js';
import { sheetText } from '../../content/sheets.js';
import { collabMessages } from '../../content/collab-messages.js';
import { loadCollab, loadReminderView, loadStepView } from '../collab-views.js';
import type { AppDeps } from '../deps.js';
import type { Place } from '../ports.js';
import { refreshCollabCard, scheduleIfMarked } from '../refresh-live-card.js';
import { messengerFor } from './start-collaboration.js';

export interface Actor {
  scope: Scope;
  collabId: string;
  user: Person;
}

/** A collaboration with its thread (where its cards go), or collab_starting while its root card is on its way. */
export async function threadOf(deps: AppDeps, scope: Scope, collabId: string) {
  const record = await loadCollab(deps, scope, collabId);
  if (!record.thread) throw new AppError('collab_starting');
  return { ...record, thread: record.thread };
}

/** Facilitator or coordinator, else not_coordinator. */
export async function requireCoordinator(deps: AppDeps, a: Actor) {
  const record = await threadOf(deps, a.scope, a.collabId);
  if (!canDecide(record.collab, a.user.id)) throw new AppError('not_coordinator');
  return record;
}

/**
 * Posts a step's card in the thread and makes it the collaboration's current step. Only the
 * facilitator and coordinators move the collaboration; a stopped one takes no steps.
 */
export async function postStep(deps: AppDeps, a: Actor, step: Step, note?: string): Promise<void> {
  const { collab, thread } = await requireCoordinator(deps, a);
  if (collab.stage === 'stopped') throw new AppError('collab_stopped');
  // Only the step moves: a collaboration that is deciding stays so when someone looks back at a step.
  // A note means stap 4 sent it back here; reaching stap 4 again ends that.
  const revisit = note ? step : step === 4 ? undefined : collab.revisit;
  if (collab.step !== step || collab.revisit !== revisit) await deps.collabs.update(a.scope, a.collabId, (c) => ({ ...c, step, revisit }));
  const messenger = messengerFor(deps, a.scope);
  // A note (why we are back at this step) goes before the card as its own message: it is for everyone, not only the presser.
  if (note) await messenger.post(thread, { kind: 'notice', text: note });
  const view = await loadStepView(deps, a.scope, a.collabId, step);
  const posted = await messenger.post(thread, { kind: 'step', view });
  await deps.collabs.setCard(a.scope, a.collabId, `step${step}`, posted);
  // Answers given between posting and storing the card's place reach it through this refresh.
  await refreshCollabCard(deps, a.scope, a.collabId, `step${step}`);
  await refreshCollabCard(deps, a.scope, a.collabId, 'root');
}

/** Why an answer cannot be stored, per question id; empty when it can. */
export function answerErrors(locale: 'nl' | 'en', sheet: QuestionSheet, values: Record<string, string>): Record<string, string> {
  const m = collabMessages(locale);
  const known = new Set(sheetText(locale, sheet).questions.map((q) => q.id));
  const errors: Record<string, string> = {};
  for (const [id, text] of Object.entries(values)) {
    if (!known.has(id)) throw new AppError('invalid_input', 'unknown question');
    if (text.length > ANSWER_MAX) errors[id] = m.tooLong(ANSWER_MAX);
  }
  return errors;
}

/**
 * Stores one member's answers to a sheet, a step or a reminder (replacing their earlier ones,
 * which go to the history) and refreshes its card; stap 2's items show on the root card. Anyone in the conversation
 * may answer. Throws invalid_input for unknown questions or texts over the limit. `known` saves a
 * read when the caller already loaded the collaboration.
 */
export async function submitAnswers(deps: AppDeps, a: Actor, sheet: QuestionSheet, values: Record<string, string>, known?: Collaboration): Promise<AnswerSet> {
  const collab = known ?? (await loadCollab(deps, a.scope, a.collabId)).collab;
  if (collab.stage === 'stopped') throw new AppError('collab_stopped');
  if (Object.keys(answerErrors(collab.locale, sheet, values)).length > 0) throw new AppError('invalid_input', 'answer too long');
  const trimmed = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v.trim()]));
  const set: AnswerSet = { by: a.user, at: deps.clock.now(), values: trimmed };
  const saved = await deps.collabs.saveAnswers(a.scope, a.collabId, sheet, set, deps.refreshTiming);
  await scheduleIfMarked(deps, a.scope, { kind: 'collab', collabId: a.collabId, name: sheet }, saved.refreshDelayMs);
  if (sheet === 'step2') await refreshCollabCard(deps, a.scope, a.collabId, 'root');
  return set;
}

/** One member's current answers to a sheet (to fill in their form), if any. */
export async function ownAnswers(deps: AppDeps, a: Actor, sheet: SheetId): Promise<AnswerSet | undefined> {
  const sets = await deps.collabs.getAnswers(a.scope, a.collabId, sheet);
  return sets.find((s) => s.by.id === a.user.id);
}

/** Posts everyone's answers to a sheet in the thread (several messages when long). */
export async function postAnswers(deps: AppDeps, a: Actor, sheet: SheetId): Promise<void> {
  const { collab, thread } = await threadOf(deps, a.scope, a.collabId);
  const sets = await deps.collabs.getAnswers(a.scope, a.collabId, sheet);
  await messengerFor(deps, a.scope).post(thread, { kind: 'answers', view: { collab, sheet, sets } });
}

/**
 * Posts reminder `n` (or the one after the last posted; after the tenth comes the first) in the
 * thread. Facilitator and coordinators only, like the steps.
 */
export async function postReminder(deps: AppDeps, a: Actor, n?: ReminderNumber): Promise<ReminderNumber> {
  const record = await requireCoordinator(deps, a);
  if (record.collab.stage === 'stopped') throw new AppError('collab_stopped');
  return postReminderCard(deps, a.scope, a.collabId, record.thread, record.collab.lastReminder, n);
}

/**
 * The scheduled reminder of a collaboration is due: the next one is posted. A collaboration that
 * is gone or stopped ends its schedule instead, so no scheduler outlives what it was for.
 */
export async function postScheduledReminder(deps: AppDeps, scope: Scope, collabId: string): Promise<void> {
  const record = await deps.collabs.get(scope, collabId);
  if (!record || !record.thread || record.collab.stage === 'stopped') {
    await deps.jobs.cancelReminders(scope, collabId);
    return;
  }
  await postReminderCard(deps, scope, collabId, record.thread, record.collab.lastReminder);
}

async function postReminderCard(deps: AppDeps, scope: Scope, collabId: string, thread: Place, last: ReminderNumber | undefined, n?: ReminderNumber): Promise<ReminderNumber> {
  const which = n ?? (((last ?? 0) % 10) + 1);
  await deps.collabs.update(scope, collabId, (c) => ({ ...c, lastReminder: which }));
  const sheet = reminderSheet(which);
  const posted = await messengerFor(deps, scope).post(thread, { kind: 'reminder', view: await loadReminderView(deps, scope, collabId, which) });
  await deps.collabs.setCard(scope, collabId, sheet, posted);
  await refreshCollabCard(deps, scope, collabId, sheet);
  return which;
}
