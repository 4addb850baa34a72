import { z } from 'zod';
import { CollabIdSchema, ItemIdSchema, WorksheetIdSchema, type Collaboration, type WorksheetId } from '../../domain/collaboration.js';
import { worksheetDef } from '../../content/worksheets/definitions.js';
import { worksheetMessages } from '../../content/worksheets/messages.js';
import { fieldModel, type FieldModel } from '../../cards/worksheet-model.js';
import { escapeSlack } from '../../cards/render.js';
import type { ViewState } from './view-state.js';

export const WORKSHEET_MODAL = 'ws.form';
/** The Slack-only checkbox that removes a partner on submit (a modal has no room for a second submit button). */
export const REMOVE_FIELD = 'ws_remove';

/** What travels in the modal's private_metadata: ids only. */
export const WorksheetMetaSchema = z.object({ c: CollabIdSchema, w: WorksheetIdSchema, i: ItemIdSchema.optional() });

const plain = (text: string) => ({ type: 'plain_text' as const, text });
/** Slack labels hold at most 2000 characters, hints 2000, option texts 75, modal titles 24. */
const cut = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

function input(field: FieldModel) {
  const base = { type: 'input', block_id: field.id, optional: !field.required, label: plain(cut(field.label, 2000)), ...(field.hint ? { hint: plain(cut(field.hint, 2000)) } : {}) };
  if (field.isChoice) {
    const options = field.choices.map((c) => ({ text: plain(cut(c.title, 75)), value: c.value }));
    const initial = options.find((o) => o.value === field.value);
    return { ...base, element: { type: 'static_select', action_id: 'value', options, ...(initial ? { initial_option: initial } : {}) } };
  }
  if (field.isToggle) {
    const option = { text: plain(cut(field.label, 75)), value: 'true' };
    return { ...base, optional: true, element: { type: 'checkboxes', action_id: 'value', options: [option], ...(field.on ? { initial_options: [option] } : {}) } };
  }
  return {
    ...base,
    element: { type: 'plain_text_input', action_id: 'value', multiline: field.isLong, max_length: field.max, ...(field.value ? { initial_value: field.value } : {}) },
  };
}

/** The modal for a worksheet's form: the whole sheet, or one item (a theme, a school step, a partner). */
export function worksheetModal(collab: Collaboration, sheet: WorksheetId, item: string | undefined, values: Record<string, string>) {
  const m = worksheetMessages(collab.locale);
  const def = worksheetDef(collab.locale, sheet);
  const heading = item && item !== 'new' ? (def.items.find((i) => i.id === item)?.title ?? values.naam ?? '') : def.title;
  const points = item ? (def.items.find((i) => i.id === item)?.points ?? []) : [];
  const fields = def.fields(item).map((f) => fieldModel(f, values[f.id]));
  const existingPartner = sheet === 'partners' && item !== undefined && item !== 'new';
  return {
    type: 'modal' as const,
    callback_id: WORKSHEET_MODAL,
    private_metadata: JSON.stringify({ c: collab.id, w: sheet, ...(item ? { i: item } : {}) }),
    title: plain(cut(m.short[sheet], 24)),
    submit: plain(m.save),
    close: plain(m.cancel),
    blocks: [
      // A partner's heading is its name as someone typed it: escaped, so it stays text in mrkdwn.
      { type: 'section', text: { type: 'mrkdwn', text: `*${escapeSlack(cut(heading, 2900))}*` } },
      ...(points.length ? [{ type: 'context', elements: [{ type: 'mrkdwn', text: cut(points.map((p) => `• ${p}`).join('\n'), 2900) }] }] : []),
      ...fields.map(input),
      ...(existingPartner
        ? [{ type: 'input', block_id: REMOVE_FIELD, optional: true, label: plain(m.remove), element: { type: 'checkboxes', action_id: 'value', options: [{ text: plain(m.remove), value: 'true' }] } }]
        : []),
    ],
  };
}

/** The submitted values by field id: text as typed, the chosen option's value, 'true' for a ticked box. */
export function worksheetValues(state: ViewState): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [block, entry] of Object.entries(state)) {
    if (block === REMOVE_FIELD) continue;
    const v = entry.value;
    if (!v) continue;
    if (v.selected_options !== undefined) values[block] = v.selected_options.some((o) => o.value === 'true') ? 'true' : 'false';
    else if (v.selected_option !== undefined) values[block] = v.selected_option?.value ?? '';
    else values[block] = v.value ?? '';
  }
  return values;
}
