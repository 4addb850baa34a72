import type { PersonalNote, WorksheetView } from '../app/card-views.js';
import { PARTNERS_MAX, worksheetDef, type WorksheetField } from '../content/worksheets/definitions.js';
import { worksheetMessages } from '../content/worksheets/messages.js';
import type { WorksheetId } from '../domain/collaboration.js';
import { actionValue } from './action-values.js';
import type { Formatting } from './collab-card-models.js';
import { worksheetBody } from './worksheet-sections.js';

/** A worksheet button's argument: the sheet, and the item after a dot. */
export const worksheetArg = (sheet: WorksheetId, item?: string): string => (item ? `${sheet}.${item}` : sheet);

/** One input of a worksheet form as both templates and the Slack modal read it: booleans pick the input kind. */
export interface FieldModel {
  id: string;
  inputId: string;
  label: string;
  hint: string;
  isText: boolean;
  isLong: boolean;
  isChoice: boolean;
  isToggle: boolean;
  choices: { title: string; value: string }[];
  value: string;
  /** Toggles: whether it is on. */
  on: boolean;
  max: number;
  required: boolean;
}

export function fieldModel(field: WorksheetField, value: string | undefined): FieldModel {
  return {
    id: field.id,
    inputId: `f_${field.id}`,
    label: field.label,
    hint: field.hint ?? '',
    isText: field.kind === 'text',
    isLong: field.kind === 'long',
    isChoice: field.kind === 'choice',
    isToggle: field.kind === 'toggle',
    choices: (field.options ?? []).map((o) => ({ title: o.label, value: o.value })),
    value: value ?? '',
    on: value === 'true',
    max: field.max,
    required: field.required ?? false,
  };
}

export interface WorksheetCardModel {
  collabId: string;
  title: string;
  collabTitle: string;
  intro: string;
  /** Item mode: every section has its own edit button (`actionId` is unique per card for Slack). */
  itemButtons: boolean;
  sections: { blockId: string; title: string; text: string; buttonLabel: string; actionId: string; value: string }[];
  progress: string;
  flagsTitle: string;
  flagsText: string;
  note: string;
  /** The main buttons: fill in (member, shared), add a partner, show answers (member), adopt the form. */
  fill: boolean;
  fillLabel: string;
  add: boolean;
  addLabel: string;
  show: boolean;
  showLabel: string;
  adopt: boolean;
  adoptLabel: string;
  adoptValue: string;
  value: string;
  /** Teams: the form shown in the card for one viewer (Slack uses a modal). */
  editing: boolean;
  formTitle: string;
  fields: FieldModel[];
  saveLabel: string;
  saveValue: string;
  cancelLabel: string;
  removable: boolean;
  removeLabel: string;
  /** Shown by Teams under a required input left empty. */
  requiredText: string;
  notice: string;
  noticeColor: 'Good' | 'Attention';
  fallbackText: string;
}

/** The card of a worksheet: its items with what the group filled in, and, for one viewer on Teams, its form. */
export function buildWorksheetModel(view: WorksheetView, f: Formatting, note: PersonalNote = {}): WorksheetCardModel {
  const { collab, sheet } = view;
  const m = worksheetMessages(collab.locale);
  const def = worksheetDef(collab.locale, sheet);
  const body = worksheetBody(view, f);
  const itemButtons = def.mode === 'item';
  const editing = view.editing;
  const editItem = editing?.item;
  const formTitle = editing ? (editItem && editItem !== 'new' ? (def.items.find((i) => i.id === editItem)?.title ?? f.text(editing.values.naam ?? '')) : def.title) : '';
  return {
    collabId: collab.id,
    title: def.title,
    collabTitle: f.text(collab.title),
    intro: def.intro,
    itemButtons,
    sections: body.sections.map((s) => ({
      blockId: `i_${s.item}`,
      title: s.title || '?',
      text: s.text.split('\n').join(f.newline) || ' ',
      buttonLabel: m.update,
      actionId: `ws.edit.${s.item}`,
      value: actionValue(collab.id, worksheetArg(sheet, s.item)),
    })),
    progress: body.progress.split('\n').join(f.newline),
    flagsTitle: body.flagsTitle,
    flagsText: body.flagsText.split('\n').join(f.newline),
    note: body.note.split('\n').join(f.newline),
    fill: def.mode !== 'item',
    fillLabel: m.fillIn,
    // A full list offers no add button (saving a new partner there is refused too).
    add: sheet === 'partners' && view.entries.length < PARTNERS_MAX,
    addLabel: m.add,
    show: def.mode === 'member',
    showLabel: m.showAnswers,
    adopt: body.adopt !== undefined,
    adoptLabel: body.adopt?.label ?? '',
    adoptValue: body.adopt ? actionValue(collab.id, worksheetArg(sheet, body.adopt.form)) : '',
    value: actionValue(collab.id, worksheetArg(sheet)),
    editing: editing !== undefined,
    formTitle,
    fields: editing ? def.fields(editItem).map((field) => fieldModel(field, editing.values[field.id])) : [],
    saveLabel: m.save,
    saveValue: actionValue(collab.id, worksheetArg(sheet, editItem)),
    cancelLabel: m.cancel,
    removable: sheet === 'partners' && editItem !== undefined && editItem !== 'new',
    removeLabel: m.remove,
    requiredText: m.required,
    notice: note.notice ?? '',
    noticeColor: note.tone === 'ok' ? 'Good' : 'Attention',
    fallbackText: `${def.title}: ${f.text(collab.title)}`,
  };
}
