import { z } from 'zod';
import { castVote, loadPoll } from '../../app/cast-vote.js';
import { closePoll } from '../../app/close-poll.js';
import type { CardView, PersonalNote } from '../../app/card-views.js';
import { chooseOutcome, decisionErrors, openCollabPoll, recordDecision, type Step4Outcome } from '../../app/collab/decide.js';
import { editCollaboration, patchErrors, type CollabPatch } from '../../app/collab/edit-collaboration.js';
import { answerForm, editForm } from '../../app/collab/forms.js';
import { dossierLinkView, runCommand } from '../../app/collab/run-command.js';
import { forgetCollaboration } from '../../app/collab/forget-collaboration.js';
import { answerErrors, ownAnswers, postAnswers, postStep, submitAnswers } from '../../app/collab/steps.js';
import { loadCollab, loadDecisionView, loadReminderView, loadRootView, loadStepView } from '../../app/collab-views.js';
import type { AppDeps } from '../../app/deps.js';
import { parseCommand } from '../../app/parse-command.js';
import { collabMessages } from '../../content/collab-messages.js';
import { AppError } from '../../domain/errors.js';
import { FormSchema, OutcomeSchema, readQuestionSheet, type AnswerSet, type Person, type QuestionSheet } from '../../domain/collaboration.js';
import { readActionValue, readSheetArg, readStep } from '../../cards/action-values.js';
import { LocaleSchema, type Scope } from '../../domain/poll.js';
import { CloseDataSchema, VoteDataSchema } from './payloads.js';
import { storableReference } from './reference.js';
import { teamsPlace, listMembers } from './teams-messenger.js';
import { worksheetInvokes } from './worksheet-invokes.js';
import { followUpInvokes } from './follow-up-invokes.js';
import { followUpFormInvokes } from './follow-up-form-invokes.js';

export type { Invoke, InvokeResult } from './invoke-types.js';
import type { Invoke, InvokeResult } from './invoke-types.js';

const ValueSchema = z.object({ v: z.string().max(2000) });

/** The `v` value of a button's data (see cards/action-values.ts). */
function collabValue(data: Record<string, unknown>): { collabId: string; arg: string } {
  const parsed = ValueSchema.safeParse(data);
  if (!parsed.success) throw new AppError('invalid_input');
  return readActionValue(parsed.data.v);
}


/** Text inputs arrive under their ids; anything else (or missing) counts as empty. */
const input = (data: Record<string, unknown>, id: string): string => (typeof data[id] === 'string' ? (data[id] as string) : '');

/** A step or reminder card as one member sees it: with their own answers in the inputs. */
async function sheetCard(i: Invoke, collabId: string, sheet: QuestionSheet, own: AnswerSet | undefined, personal?: PersonalNote): Promise<CardView> {
  const which = readQuestionSheet(sheet);
  if (which.kind === 'reminder') return { kind: 'reminder', view: { ...(await loadReminderView(i.deps, i.scope, collabId, which.n)), own }, personal };
  return { kind: 'step', view: { ...(await loadStepView(i.deps, i.scope, collabId, which.step)), own }, personal };
}

async function rootView(i: Invoke, collabId: string, notice?: string): Promise<InvokeResult> {
  return { view: { kind: 'root', view: await loadRootView(i.deps, i.scope, collabId), personal: notice ? { notice } : undefined } };
}

/**
 * Every Action.Execute verb of every card, in one table. The returned card is what the clicker
 * sees; the shared card follows through its refresh.
 */
export const invokeHandlers: Record<string, (i: Invoke) => Promise<InvokeResult>> = {
  vote: async (i) => {
    const vote = VoteDataSchema.safeParse(i.data);
    if (!vote.success) throw new AppError('invalid_input');
    const outcome = await castVote(i.deps, { scope: i.scope, pollId: vote.data.pollId, userId: i.user.id, userName: i.user.name, choice: vote.data.choice });
    return { view: { kind: 'poll', state: outcome.state, personal: { ownVote: vote.data.choice } } };
  },
  close: async (i) => {
    const close = CloseDataSchema.safeParse(i.data);
    if (!close.success) throw new AppError('invalid_input');
    return { view: { kind: 'poll', state: await closePoll(i.deps, { scope: i.scope, pollId: close.data.pollId, userId: i.user.id }), personal: {} } };
  },
  'collab.view': async (i) => rootView(i, collabValue(i.data).collabId),
  'collab.poststep': async (i) => {
    const { collabId, arg } = collabValue(i.data);
    await postStep(i.deps, { scope: i.scope, collabId, user: i.user }, readStep(arg));
    return rootView(i, collabId);
  },
  'collab.edit': async (i) => {
    const { collabId } = collabValue(i.data);
    // Teams shows the edit form as the root card's own inputs, for the facilitator only.
    await editForm(i.deps, { scope: i.scope, collabId, user: i.user });
    const members = await listMembers(i.ctx).catch(() => []);
    const view = await loadRootView(i.deps, i.scope, collabId);
    return { view: { kind: 'root', view: { ...view, editing: { members } } } };
  },
  'collab.save': async (i) => {
    const { collabId } = collabValue(i.data);
    const { collab } = await loadCollab(i.deps, i.scope, collabId);
    const members = await listMembers(i.ctx).catch(() => undefined);
    // Without the roster the people fields cannot be checked: they stay as they are.
    const known = [...(members ?? []), ...[collab.facilitator, ...(collab.opvolger ? [collab.opvolger] : []), ...collab.coordinators].map((p) => ({ id: p.id, name: p.name ?? p.id }))];
    const person = (id: string): Person | undefined => {
      const m = known.find((x) => x.id === id);
      return m ? { id: m.id, name: m.name } : undefined;
    };
    const form = FormSchema.safeParse(input(i.data, 'form'));
    const locale = LocaleSchema.safeParse(input(i.data, 'locale'));
    const patch: CollabPatch = {
      title: input(i.data, 'title'),
      issue: input(i.data, 'issue'),
      form: form.success ? form.data : null,
      // Only people from the conversation's roster (or already in the collaboration) can be picked; unknown ids are dropped.
      ...(members
        ? {
            opvolger: person(input(i.data, 'opvolger')) ?? null,
            coordinators: input(i.data, 'coordinators').split(',').map(person).filter((p): p is Person => p !== undefined),
          }
        : {}),
      ...(locale.success ? { locale: locale.data } : {}),
    };
    const errors = patchErrors(collab.locale, patch);
    if (Object.keys(errors).length > 0) {
      const view = await loadRootView(i.deps, i.scope, collabId);
      return { view: { kind: 'root', view: { ...view, editing: { members: members ?? [] } }, personal: { notice: Object.values(errors).join(' ') } } };
    }
    await editCollaboration(i.deps, { scope: i.scope, collabId, user: i.user }, patch);
    return { view: { kind: 'root', view: await loadRootView(i.deps, i.scope, collabId), personal: { notice: collabMessages(i.locale).rootSaved, tone: 'ok' } } };
  },
  'collab.pick': async (i) => {
    const parsed = ValueSchema.safeParse(i.data);
    if (!parsed.success) throw new AppError('invalid_input');
    const sep = parsed.data.v.indexOf('|');
    const { collabId } = collabValue({ v: parsed.data.v.slice(0, sep) });
    const text = parsed.data.v.slice(sep + 1);
    const reply = await runCommand(i.deps, {
      scope: i.scope,
      place: teamsPlace(storableReference(i.ctx.activity)),
      user: i.user,
      locale: i.locale,
      command: parseCommand(text),
      text,
      collabId,
      privateReply: true,
    });
    if (reply.kind === 'card') return { view: reply.view };
    return { notice: reply.kind === 'text' ? reply.text : collabMessages(i.locale).started };
  },
  'collab.forget': async (i) => {
    const { collabId } = collabValue(i.data);
    await forgetCollaboration(i.deps, { scope: i.scope, collabId, user: i.user });
    return { notice: collabMessages(i.locale).forgotten };
  },
  'collab.dossier': async (i) => {
    const { collabId } = collabValue(i.data);
    return { view: await dossierLinkView(i.deps, { scope: i.scope, collabId, user: i.user }, i.locale) };
  },
  'collab.cancel': async (i) => ({ notice: collabMessages(i.locale).cancelled }),
  // Step and reminder cards share these verbs: the argument names the sheet.
  'step.answer': async (i) => {
    const { collabId, arg } = collabValue(i.data);
    const sheet = readSheetArg(arg);
    const { collab } = await loadCollab(i.deps, i.scope, collabId);
    const actor = { scope: i.scope, collabId, user: i.user };
    const values: Record<string, string> = {};
    for (const [key, value] of Object.entries(i.data)) if (key.startsWith('q_') && typeof value === 'string') values[key.slice(2)] = value;
    const errors = answerErrors(collab.locale, sheet, values);
    if (Object.keys(errors).length > 0) {
      return { view: await sheetCard(i, collabId, sheet, await ownAnswers(i.deps, actor, sheet), { notice: Object.values(errors)[0] }) };
    }
    const own = await submitAnswers(i.deps, actor, sheet, values, collab);
    return { view: await sheetCard(i, collabId, sheet, own, { notice: collabMessages(i.locale).answersSaved, tone: 'ok' }) };
  },
  'step.mine': async (i) => {
    const { collabId, arg } = collabValue(i.data);
    const sheet = readSheetArg(arg);
    const form = await answerForm(i.deps, { scope: i.scope, collabId, user: i.user }, sheet);
    return { view: await sheetCard(i, collabId, sheet, form.kind === 'answers' ? form.own : undefined) };
  },
  'step.show': async (i) => {
    const { collabId, arg } = collabValue(i.data);
    const sheet = readSheetArg(arg);
    const actor = { scope: i.scope, collabId, user: i.user };
    await postAnswers(i.deps, actor, sheet);
    return { view: await sheetCard(i, collabId, sheet, await ownAnswers(i.deps, actor, sheet)) };
  },
  'step.outcome': async (i) => {
    const { collabId, arg } = collabValue(i.data);
    if (!['ok', 'back1', 'back2', 'fails'].includes(arg)) throw new AppError('invalid_input');
    await chooseOutcome(i.deps, { scope: i.scope, collabId, user: i.user }, arg as Step4Outcome);
    return { view: { kind: 'step', view: await loadStepView(i.deps, i.scope, collabId, 4) } };
  },
  'decision.record': async (i) => {
    const { collabId } = collabValue(i.data);
    const { collab } = await loadCollab(i.deps, i.scope, collabId);
    const outcome = OutcomeSchema.safeParse(input(i.data, 'outcome'));
    const form = { rationale: input(i.data, 'rationale'), withWhom: input(i.data, 'withWhom') };
    const errors = decisionErrors(collab.locale, form);
    if (!outcome.success || Object.keys(errors).length > 0) {
      const notice = outcome.success ? Object.values(errors).join(' ') : collabMessages(i.locale).required;
      return { view: { kind: 'decision', view: await loadDecisionView(i.deps, i.scope, collabId), personal: { notice } } };
    }
    await recordDecision(i.deps, { scope: i.scope, collabId, user: i.user }, { outcome: outcome.data, ...form });
    const view = await loadDecisionView(i.deps, i.scope, collabId);
    return { view: { kind: 'decision', view, personal: { notice: collabMessages(i.locale).decisionRecorded, tone: 'ok' } } };
  },
  'decision.poll': async (i) => {
    const { collabId } = collabValue(i.data);
    await openCollabPoll(i.deps, { scope: i.scope, collabId, user: i.user });
    return { view: { kind: 'decision', view: await loadDecisionView(i.deps, i.scope, collabId) } };
  },
  ...worksheetInvokes,
  ...followUpInvokes,
  ...followUpFormInvokes,
};

/** After a failure, the card as it is now (with the notice on top) when it can still be read. */
export async function currentView(deps: AppDeps, scope: Scope, verb: string, data: Record<string, unknown>): Promise<CardView | undefined> {
  if (verb === 'vote' || verb === 'close') {
    const pollId = typeof data.pollId === 'string' ? data.pollId : undefined;
    return pollId ? { kind: 'poll', state: await loadPoll(deps, scope, pollId) } : undefined;
  }
  return undefined;
}
