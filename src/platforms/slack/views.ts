import type { App, webApi } from '@slack/bolt';
import { decisionErrors, recordDecision } from '../../app/collab/decide.js';
import { editCollaboration, patchErrors, type CollabPatch } from '../../app/collab/edit-collaboration.js';
import { answerErrors, submitAnswers } from '../../app/collab/steps.js';
import { loadCollab } from '../../app/collab-views.js';
import { FormSchema } from '../../domain/collaboration.js';
import { LocaleSchema, type Scope } from '../../domain/poll.js';
import { failureText, type SlackContext } from './context.js';
import { DECISION_MODAL, DecisionMetaSchema, EDIT_MODAL, EditMetaSchema, STEP_MODAL, StepMetaSchema, ViewSubmissionSchema, type ViewState } from './modals.js';
import { slackScope } from './workspace.js';
import { REMOVE_FIELD, WORKSHEET_MODAL, WorksheetMetaSchema, worksheetValues } from './worksheet-modal.js';
import { NEW_ITEM, removeWorksheetItem, saveWorksheet, worksheetErrors } from '../../app/collab/worksheets.js';
import { PARTNERS_MAX } from '../../content/worksheets/definitions.js';
import { worksheetMessages } from '../../content/worksheets/messages.js';
import { registerFollowUpForm } from './follow-up-form.js';

type Ack = (response?: { response_action: 'errors'; errors: Record<string, string> }) => Promise<void>;

/** private_metadata is ours, but a forged submission can carry anything: unreadable means nothing to do. */
function readJson(raw: string): unknown {
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return undefined;
  }
}

const text = (state: ViewState, block: string): string | undefined => state[block]?.value?.value ?? undefined;

/** Why a submission failed, in one field of the modal (Slack shows errors only next to inputs). */
async function failInModal(ctx: SlackContext, ack: Ack, field: string, err: unknown, scope: Scope | undefined, userId: string, client: webApi.WebClient): Promise<void> {
  const locale = scope ? await ctx.locales.get(client, scope, userId).catch(() => 'nl' as const) : 'nl';
  await ack({ response_action: 'errors', errors: { [field]: failureText(ctx, 'view', err, locale) } });
}

/**
 * The submissions of the step, decision and edit modals. Input errors go back into the modal
 * (`response_action: errors`) and nothing is stored; on success the modal closes and the cards follow.
 */
export function registerViews(app: App, ctx: SlackContext): void {
  registerFollowUpForm(app, ctx);
  app.view(STEP_MODAL, async ({ ack, body, client }) => {
    const parsed = ViewSubmissionSchema.safeParse(body);
    const meta = parsed.success ? StepMetaSchema.safeParse(readJson(parsed.data.view.private_metadata)) : undefined;
    if (!parsed.success || !meta?.success) return ack();
    const { c: collabId, s: sheet } = meta.data;
    const userId = parsed.data.user.id;
    let scope: Scope | undefined;
    const state = parsed.data.view.state.values;
    const values = Object.fromEntries(Object.keys(state).map((block) => [block, text(state, block) ?? '']));
    const firstField = Object.keys(state)[0] ?? 'value';
    try {
      scope = await slackScope(body, ctx.workspace);
      const { collab } = await loadCollab(ctx.deps, scope, collabId);
      const errors = answerErrors(collab.locale, sheet, values);
      if (Object.keys(errors).length > 0) return ack({ response_action: 'errors', errors });
      // Stored before the modal closes, so a failure is shown in the modal and nothing is lost.
      await submitAnswers(ctx.deps, { scope, collabId, user: { id: userId } }, sheet, values, collab);
      await ack();
    } catch (err) {
      await failInModal(ctx, ack as Ack, firstField, err, scope, userId, client).catch(() => undefined);
    }
  });

  app.view(WORKSHEET_MODAL, async ({ ack, body, client }) => {
    const parsed = ViewSubmissionSchema.safeParse(body);
    const meta = parsed.success ? WorksheetMetaSchema.safeParse(readJson(parsed.data.view.private_metadata)) : undefined;
    if (!parsed.success || !meta?.success) return ack();
    const { c: collabId, w: sheet, i: item } = meta.data;
    const userId = parsed.data.user.id;
    const state = parsed.data.view.state.values;
    const values = worksheetValues(state);
    const actor = { collabId, user: { id: userId } };
    let scope: Scope | undefined;
    try {
      scope = await slackScope(body, ctx.workspace);
      if (item && state[REMOVE_FIELD]?.value?.selected_options?.some((o) => o.value === 'true')) {
        await removeWorksheetItem(ctx.deps, { ...actor, scope }, sheet, item);
        return await ack();
      }
      const { collab } = await loadCollab(ctx.deps, scope, collabId);
      const errors = worksheetErrors(collab.locale, sheet, item, values);
      if (Object.keys(errors).length > 0) return ack({ response_action: 'errors', errors });
      // A modal opened while there was room, submitted after the list filled up: say so next to the name.
      if (sheet === 'partners' && item === NEW_ITEM && (await ctx.deps.collabs.answeredCount(scope, collabId, 'partners')) >= PARTNERS_MAX) {
        return ack({ response_action: 'errors', errors: { naam: worksheetMessages(collab.locale).tooManyPartners(PARTNERS_MAX) } });
      }
      await saveWorksheet(ctx.deps, { ...actor, scope }, sheet, item, values, collab);
      await ack();
    } catch (err) {
      await failInModal(ctx, ack as Ack, Object.keys(state)[0] ?? 'value', err, scope, userId, client).catch(() => undefined);
    }
  });

  app.view(DECISION_MODAL, async ({ ack, body, client }) => {
    const parsed = ViewSubmissionSchema.safeParse(body);
    const meta = parsed.success ? DecisionMetaSchema.safeParse(readJson(parsed.data.view.private_metadata)) : undefined;
    if (!parsed.success || !meta?.success) return ack();
    const userId = parsed.data.user.id;
    const state = parsed.data.view.state.values;
    const input = { outcome: meta.data.o, rationale: text(state, 'rationale') ?? '', withWhom: text(state, 'withWhom') ?? '' };
    let scope: Scope | undefined;
    try {
      scope = await slackScope(body, ctx.workspace);
      const { collab } = await loadCollab(ctx.deps, scope, meta.data.c);
      const errors = decisionErrors(collab.locale, input);
      if (Object.keys(errors).length > 0) return ack({ response_action: 'errors', errors });
      await recordDecision(ctx.deps, { scope, collabId: meta.data.c, user: { id: userId } }, input);
      await ack();
    } catch (err) {
      await failInModal(ctx, ack as Ack, 'rationale', err, scope, userId, client).catch(() => undefined);
    }
  });

  app.view(EDIT_MODAL, async ({ ack, body, client }) => {
    const parsed = ViewSubmissionSchema.safeParse(body);
    const meta = parsed.success ? EditMetaSchema.safeParse(readJson(parsed.data.view.private_metadata)) : undefined;
    if (!parsed.success || !meta?.success) return ack();
    const userId = parsed.data.user.id;
    const state = parsed.data.view.state.values;
    const form = FormSchema.safeParse(state.form?.value?.selected_option?.value);
    const locale = LocaleSchema.safeParse(state.locale?.value?.selected_option?.value);
    const opvolger = state.opvolger?.value?.selected_user;
    const patch: CollabPatch = {
      title: text(state, 'title') ?? '',
      issue: text(state, 'issue') ?? '',
      form: form.success ? form.data : null,
      opvolger: opvolger ? { id: opvolger } : null,
      coordinators: (state.coordinators?.value?.selected_users ?? []).map((id) => ({ id })),
      ...(locale.success ? { locale: locale.data } : {}),
    };
    let scope: Scope | undefined;
    try {
      scope = await slackScope(body, ctx.workspace);
      const { collab } = await loadCollab(ctx.deps, scope, meta.data.c);
      const errors = patchErrors(collab.locale, patch);
      if (Object.keys(errors).length > 0) return ack({ response_action: 'errors', errors });
      await editCollaboration(ctx.deps, { scope, collabId: meta.data.c, user: { id: userId } }, patch);
      await ack();
    } catch (err) {
      await failInModal(ctx, ack as Ack, 'title', err, scope, userId, client).catch(() => undefined);
    }
  });
}
