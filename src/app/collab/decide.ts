import { AppError } from '../../domain/errors.js';
import { OutcomeSchema, RATIONALE_MAX, tensionOf, WITH_WHOM_MAX, type Decision, type Outcome } from '../../domain/collaboration.js';
import { collabMessages } from '../../content/collab-messages.js';
import { outcomeText } from '../../content/steps.js';
import { loadDecisionView, itemId } from '../collab-views.js';
import type { AppDeps } from '../deps.js';
import { openPoll } from '../open-poll.js';
import { refreshCollabCard } from '../refresh-live-card.js';
import { messengerFor } from './start-collaboration.js';
import { postStep, requireCoordinator, threadOf, type Actor } from './steps.js';

/** Posts the decision card in the thread (`besluit`): with the latest temperature, or an offer to measure it. */
export async function postDecisionCard(deps: AppDeps, a: Actor): Promise<void> {
  const { thread } = await requireCoordinator(deps, a);
  const view = await loadDecisionView(deps, a.scope, a.collabId);
  const posted = await messengerFor(deps, a.scope).post(thread, { kind: 'decision', view });
  await deps.collabs.setCard(a.scope, a.collabId, 'decision', posted);
}

/** Opens the temperature poll in the collaboration's thread; its result goes into the history. */
export async function openCollabPoll(deps: AppDeps, a: Actor): Promise<void> {
  const { collab, thread } = await requireCoordinator(deps, a);
  const state = await openPoll(deps, { scope: a.scope, place: thread, userId: a.user.id, locale: collab.locale, anonymous: true, hidden: false, collabId: a.collabId });
  await deps.collabs.addPoll(a.scope, a.collabId, state.poll.id);
}

export interface DecisionInput {
  outcome: Outcome;
  rationale: string;
  withWhom?: string;
}

/** Field errors of a decision form (empty when it can be recorded). */
export function decisionErrors(locale: 'nl' | 'en', input: { rationale: string; withWhom?: string }): Record<string, string> {
  const m = collabMessages(locale);
  const errors: Record<string, string> = {};
  if (input.rationale.trim() === '') errors.rationale = m.required;
  else if (input.rationale.length > RATIONALE_MAX) errors.rationale = m.tooLong(RATIONALE_MAX);
  if ((input.withWhom ?? '').length > WITH_WHOM_MAX) errors.withWhom = m.tooLong(WITH_WHOM_MAX);
  return errors;
}

/**
 * Records a go / no go with its rationale (append-only: a later decision supersedes). Only the
 * facilitator and coordinators may; the latest temperature is kept with it, and a tension
 * between the two marks it and proposes the open item "plan een traject".
 */
export async function recordDecision(deps: AppDeps, a: Actor, input: DecisionInput): Promise<Decision> {
  const { collab } = await requireCoordinator(deps, a);
  const parsed = OutcomeSchema.safeParse(input.outcome);
  if (!parsed.success || Object.keys(decisionErrors(collab.locale, input)).length > 0) throw new AppError('invalid_input', 'decision form');
  const outcome = parsed.data;
  const temperature = (await deps.collabs.getTemperatures(a.scope, a.collabId)).at(-1);
  const m = collabMessages(collab.locale);
  const decision: Decision = {
    id: deps.newId(),
    outcome,
    rationale: input.rationale.trim(),
    withWhom: input.withWhom?.trim() || m.withWhomDefault,
    by: a.user,
    at: deps.clock.now(),
    temperature,
    tension: tensionOf(outcome, temperature?.level),
  };
  await deps.collabs.appendDecision(a.scope, a.collabId, decision);
  if (decision.tension === 'traject') await deps.collabs.addItem(a.scope, a.collabId, itemId('traject', m.trajectItem), m.trajectItem);
  await refreshCollabCard(deps, a.scope, a.collabId, 'decision');
  await refreshCollabCard(deps, a.scope, a.collabId, 'root');
  return decision;
}

/** Posts the list of decisions (`besluiten`) in the thread. */
export async function postDecisions(deps: AppDeps, a: Actor): Promise<void> {
  const { thread } = await threadOf(deps, a.scope, a.collabId);
  await messengerFor(deps, a.scope).post(thread, { kind: 'decisions', view: await loadDecisionView(deps, a.scope, a.collabId) });
}

export type Step4Outcome = 'ok' | 'back1' | 'back2' | 'fails';

/**
 * The facilitator's choice after stap 4 (seed 001): "alles ok" moves on to the temperature poll
 * and the decision card; "vraagtekens" goes back to stap 1 or 2 with the open items; "lukt niet"
 * posts the evaluation card and closes the collaboration as no go.
 */
export async function chooseOutcome(deps: AppDeps, a: Actor, choice: Step4Outcome): Promise<void> {
  const { collab, thread } = await requireCoordinator(deps, a);
  if (collab.facilitator.id !== a.user.id) throw new AppError('not_collab_facilitator');
  if (collab.stage === 'stopped') throw new AppError('collab_stopped');
  const messenger = messengerFor(deps, a.scope);
  const m = collabMessages(collab.locale);
  if (choice === 'back1' || choice === 'back2') {
    const step = choice === 'back1' ? 1 : 2;
    await postStep(deps, a, step, m.backToStep(step));
    return;
  }
  if (choice === 'fails') {
    await deps.collabs.update(a.scope, a.collabId, (c) => ({ ...c, stage: 'stopped' }));
    const temperature = (await deps.collabs.getTemperatures(a.scope, a.collabId)).at(-1);
    await deps.collabs.appendDecision(a.scope, a.collabId, {
      id: deps.newId(),
      outcome: 'nogo',
      rationale: outcomeText(collab.locale).fails,
      withWhom: m.withWhomDefault,
      by: a.user,
      at: deps.clock.now(),
      temperature,
      tension: tensionOf('nogo', temperature?.level),
      viaStep4: true,
    });
    await messenger.post(thread, { kind: 'evaluation', collab });
    await refreshCollabCard(deps, a.scope, a.collabId, 'root');
    // The stap 4 card drops its outcome buttons once an outcome is chosen.
    await refreshCollabCard(deps, a.scope, a.collabId, 'step4');
    return;
  }
  await deps.collabs.update(a.scope, a.collabId, (c) => ({ ...c, stage: 'deciding' }));
  await refreshCollabCard(deps, a.scope, a.collabId, 'step4');
  await openCollabPoll(deps, a);
  await postDecisionCard(deps, a);
  await refreshCollabCard(deps, a.scope, a.collabId, 'root');
}
