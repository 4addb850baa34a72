import { createHash } from 'node:crypto';
import { AppError } from '../domain/errors.js';
import { itemsFromAnswers, reminderSheet, stepSheet, type OpenItem, type ReminderNumber, type Step, type WorksheetId } from '../domain/collaboration.js';
import type { Scope } from '../domain/poll.js';
import { stepText } from '../content/steps.js';
import type { DecisionView, ReminderView, RootView, StepView, WorksheetView } from './card-views.js';
import type { CollabRecord } from './collab-ports.js';
import type { AppDeps } from './deps.js';
import { listOrder } from '../domain/worksheet-entries.js';

/** A collaboration in the caller's scope, or collab_not_found. */
export async function loadCollab(deps: AppDeps, scope: Scope, collabId: string): Promise<CollabRecord> {
  const record = await deps.collabs.get(scope, collabId);
  if (!record) throw new AppError('collab_not_found');
  return record;
}

/** Item ids are digests of kind and text: stable across edits that keep the line, short in keys and buttons. */
export function itemId(kind: string, text: string): string {
  return createHash('sha256').update(`${kind}\n${text.toLowerCase().replace(/\s+/g, ' ').trim()}`).digest('base64url').slice(0, 12);
}

/** Open items: the lines of stap 2's items questions, and the items the bot proposed after a tension. */
export async function openItems(deps: AppDeps, scope: Scope, collabId: string, locale: 'nl' | 'en'): Promise<OpenItem[]> {
  const [answers, proposed] = await Promise.all([deps.collabs.getAnswers(scope, collabId, 'step2'), deps.collabs.getItems(scope, collabId)]);
  const fromAnswers = itemsFromAnswers(answers, stepText(locale, 2).questions).map((i) => ({ ...i, id: itemId(i.kind, i.text) }));
  const fromBot = Object.entries(proposed).map(([id, text]) => ({ id, kind: 'traject' as const, text }));
  return [...fromAnswers, ...fromBot];
}

export async function loadRootView(deps: AppDeps, scope: Scope, collabId: string): Promise<RootView> {
  const { collab } = await loadCollab(deps, scope, collabId);
  const [temps, decisions, items] = await Promise.all([
    deps.collabs.getTemperatures(scope, collabId),
    deps.collabs.getDecisions(scope, collabId),
    openItems(deps, scope, collabId, collab.locale),
  ]);
  return { collab, temperature: temps.at(-1), decision: decisions.at(-1), openItems: items };
}

export async function loadStepView(deps: AppDeps, scope: Scope, collabId: string, step: Step): Promise<StepView> {
  const { collab, thread } = await loadCollab(deps, scope, collabId);
  const messenger = deps.messengers[scope.platform];
  const [answered, members, items] = await Promise.all([
    deps.collabs.answeredCount(scope, collabId, stepSheet(step)),
    thread && messenger ? messenger.memberCount(thread).catch(() => undefined) : Promise.resolve(undefined),
    // Only stap 2 (where they come from, so each can become a follow-up), stap 4 and a step
    // revisited after "vraagtekens" list the open items: reading them means reading every stap 2
    // answer, too much for each answer of the other busy step cards.
    step === 2 || step === 4 || collab.revisit === step ? openItems(deps, scope, collabId, collab.locale) : Promise.resolve([]),
  ]);
  return { collab, step, answered, members, openItems: items };
}

export async function loadReminderView(deps: AppDeps, scope: Scope, collabId: string, n: ReminderNumber): Promise<ReminderView> {
  const { collab, thread } = await loadCollab(deps, scope, collabId);
  const messenger = deps.messengers[scope.platform];
  const [answered, members] = await Promise.all([
    deps.collabs.answeredCount(scope, collabId, reminderSheet(n)),
    thread && messenger ? messenger.memberCount(thread).catch(() => undefined) : Promise.resolve(undefined),
  ]);
  return { collab, n, answered, members };
}

export async function loadWorksheetView(deps: AppDeps, scope: Scope, collabId: string, sheet: WorksheetId): Promise<WorksheetView> {
  const [{ collab }, entries] = await Promise.all([loadCollab(deps, scope, collabId), deps.collabs.getAnswers(scope, collabId, sheet)]);
  return { collab, sheet, entries: sheet === 'partners' ? listOrder(entries) : entries };
}

export async function loadDecisionView(deps: AppDeps, scope: Scope, collabId: string): Promise<DecisionView> {
  const { collab } = await loadCollab(deps, scope, collabId);
  const [temps, decisions] = await Promise.all([deps.collabs.getTemperatures(scope, collabId), deps.collabs.getDecisions(scope, collabId)]);
  return { collab, temperature: temps.at(-1), decisions };
}
