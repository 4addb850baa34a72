import { z } from 'zod';
import type { AnswerSet, Collaboration, Outcome, QuestionSheet } from '../../domain/collaboration.js';
import {
  ANSWER_MAX,
  CollabIdSchema,
  ISSUE_MAX,
  OutcomeSchema,
  RATIONALE_MAX,
  readQuestionSheet,
  QuestionSheetSchema,
  StepSchema,
  stepSheet,
  TITLE_MAX,
  WITH_WHOM_MAX,
} from '../../domain/collaboration.js';
import { collabMessages } from '../../content/collab-messages.js';
import { sheetText } from '../../content/sheets.js';
import { formChoices } from '../../cards/root-edit-model.js';
import type { FormView } from '../../app/collab/forms.js';
import { worksheetModal } from './worksheet-modal.js';

/** Modal titles hold at most 24 characters. */
const title = (text: string) => ({ type: 'plain_text' as const, text: text.length > 24 ? `${text.slice(0, 23)}…` : text });
const plain = (text: string) => ({ type: 'plain_text' as const, text });

export const STEP_MODAL = 'step.answers';
export const DECISION_MODAL = 'decision.record';
export const EDIT_MODAL = 'collab.edit';

/** What travels in a modal's private_metadata: ids only (at most 3000 characters). */
/** `s` is a step number (as step modals always sent) or a sheet id (reminders). */
export const StepMetaSchema = z.object({
  c: CollabIdSchema,
  s: z.union([StepSchema.transform((step): QuestionSheet => stepSheet(step)), QuestionSheetSchema]),
});
export const DecisionMetaSchema = z.object({ c: CollabIdSchema, o: OutcomeSchema });
export const EditMetaSchema = z.object({ c: CollabIdSchema });

/** The Slack modal for a form: one table, one builder per kind of form. */
export function modalFor(form: FormView) {
  switch (form.kind) {
    case 'answers':
      return sheetModal(form.collab, form.sheet, form.own);
    case 'decision':
      return decisionModal(form.collab, form.outcome);
    case 'edit':
      return editModal(form.collab);
    case 'worksheet':
      return worksheetModal(form.collab, form.sheet, form.item, form.values);
  }
}

/** One input block per question of a step or reminder, filled with the member's earlier answers. */
function sheetModal(collab: Collaboration, sheet: QuestionSheet, own: AnswerSet | undefined) {
  const m = collabMessages(collab.locale);
  const content = sheetText(collab.locale, sheet);
  const which = readQuestionSheet(sheet);
  return {
    type: 'modal' as const,
    callback_id: STEP_MODAL,
    private_metadata: JSON.stringify({ c: collab.id, s: which.kind === 'step' ? which.step : sheet }),
    title: title(which.kind === 'step' ? m.stepLabel(which.step) : m.reminderLabel(which.n)),
    submit: plain(m.saveButton),
    close: plain(m.cancelButton),
    blocks: [
      { type: 'context', elements: [{ type: 'mrkdwn', text: `*${content.title}*` }] },
      ...content.questions.map((q) => ({
        type: 'input',
        block_id: q.id,
        optional: true,
        label: plain(q.label),
        ...(q.hint ? { hint: plain(q.hint) } : {}),
        element: {
          type: 'plain_text_input',
          action_id: 'value',
          multiline: true,
          max_length: ANSWER_MAX,
          ...(own?.values[q.id] ? { initial_value: own.values[q.id] } : {}),
        },
      })),
    ],
  };
}

function decisionModal(collab: Collaboration, outcome: Outcome) {
  const m = collabMessages(collab.locale);
  return {
    type: 'modal' as const,
    callback_id: DECISION_MODAL,
    private_metadata: JSON.stringify({ c: collab.id, o: outcome }),
    title: title(m.decisionHeading),
    submit: plain(m.decideButton.length > 24 ? m.saveButton : m.decideButton),
    close: plain(m.cancelButton),
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: `*${m.outcome[outcome]}*` } },
      {
        type: 'input',
        block_id: 'rationale',
        label: plain(m.rationaleLabel),
        hint: plain(m.rationaleHint),
        element: { type: 'plain_text_input', action_id: 'value', multiline: true, max_length: RATIONALE_MAX },
      },
      {
        type: 'input',
        block_id: 'withWhom',
        label: plain(m.withWhomLabel),
        element: { type: 'plain_text_input', action_id: 'value', max_length: WITH_WHOM_MAX, initial_value: m.withWhomDefault },
      },
    ],
  };
}

function editModal(collab: Collaboration) {
  const m = collabMessages(collab.locale);
  const forms = formChoices(collab.locale).map((f) => ({ text: plain(f.title), value: f.value }));
  const locales = (['nl', 'en'] as const).map((l) => ({ text: plain(m.languageNames[l]), value: l }));
  return {
    type: 'modal' as const,
    callback_id: EDIT_MODAL,
    private_metadata: JSON.stringify({ c: collab.id }),
    title: title(m.editTitle),
    submit: plain(m.saveButton),
    close: plain(m.cancelButton),
    blocks: [
      { type: 'input', block_id: 'title', label: plain(m.fields.title), element: { type: 'plain_text_input', action_id: 'value', max_length: TITLE_MAX, initial_value: collab.title } },
      {
        type: 'input',
        block_id: 'issue',
        optional: true,
        label: plain(m.fields.issue),
        element: { type: 'plain_text_input', action_id: 'value', multiline: true, max_length: ISSUE_MAX, ...(collab.issue ? { initial_value: collab.issue } : {}) },
      },
      {
        type: 'input',
        block_id: 'form',
        optional: true,
        label: plain(m.fields.form),
        element: { type: 'static_select', action_id: 'value', options: forms, ...(collab.form ? { initial_option: forms.find((f) => f.value === collab.form) } : {}) },
      },
      {
        type: 'input',
        block_id: 'opvolger',
        optional: true,
        label: plain(m.fields.opvolger),
        element: { type: 'users_select', action_id: 'value', ...(collab.opvolger ? { initial_user: collab.opvolger.id } : {}) },
      },
      {
        type: 'input',
        block_id: 'coordinators',
        optional: true,
        label: plain(m.fields.coordinators),
        element: { type: 'multi_users_select', action_id: 'value', max_selected_items: 10, initial_users: collab.coordinators.map((c) => c.id) },
      },
      {
        type: 'input',
        block_id: 'locale',
        label: plain(m.fields.language),
        element: { type: 'static_select', action_id: 'value', options: locales, initial_option: locales.find((l) => l.value === collab.locale) },
      },
    ],
  };
}

export { ViewStateSchema, type ViewState } from './view-state.js';
import { ViewStateSchema } from './view-state.js';

export const ViewSubmissionSchema = z.object({
  user: z.object({ id: z.string().min(1).max(64) }),
  view: z.object({ callback_id: z.string().max(255), private_metadata: z.string().max(3000), state: z.object({ values: ViewStateSchema }) }),
});
