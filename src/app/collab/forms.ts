import { AppError } from '../../domain/errors.js';
import type { AnswerSet, Collaboration, Outcome, QuestionSheet, WorksheetId } from '../../domain/collaboration.js';
import { loadCollab } from '../collab-views.js';
import type { AppDeps } from '../deps.js';
import { requireFacilitator } from './edit-collaboration.js';
import { ownAnswers, requireCoordinator, type Actor } from './steps.js';

/**
 * A form someone asked for, as a neutral model: Slack shows it as a modal, Teams as the card's own
 * inputs (the Agents Playground cannot show dialogs). Asking for one checks who may fill it in, so
 * nobody gets a form whose submission would be refused.
 */
export type FormView =
  | { kind: 'answers'; collab: Collaboration; sheet: QuestionSheet; own?: AnswerSet }
  | { kind: 'decision'; collab: Collaboration; outcome: Outcome }
  | { kind: 'edit'; collab: Collaboration }
  /** A worksheet's form: the whole sheet, or one item (`item`; 'new' adds a partner), with the values it has now. */
  | { kind: 'worksheet'; collab: Collaboration; sheet: WorksheetId; item?: string; values: Record<string, string> };

/** A member's answer form for a sheet (step or reminder), filled with their earlier answers; anyone in the conversation may answer. */
export async function answerForm(deps: AppDeps, a: Actor, sheet: QuestionSheet): Promise<FormView> {
  const [{ collab }, own] = await Promise.all([loadCollab(deps, a.scope, a.collabId), ownAnswers(deps, a, sheet)]);
  if (collab.stage === 'stopped') throw new AppError('collab_stopped');
  return { kind: 'answers', collab, sheet, own };
}

/** The form for a go or no go with its reason: facilitator and coordinators only. */
export async function decisionForm(deps: AppDeps, a: Actor, outcome: Outcome): Promise<FormView> {
  const { collab } = await requireCoordinator(deps, a);
  return { kind: 'decision', collab, outcome };
}

/** The form for the collaboration's fields and people: its facilitator only. */
export async function editForm(deps: AppDeps, a: Actor): Promise<FormView> {
  return { kind: 'edit', collab: await requireFacilitator(deps, a) };
}
