import type { CardView, PersonalNote } from '../../app/card-views.js';
import { adoptForm, NEW_ITEM, postWorksheetAnswers, removeWorksheetItem, saveWorksheet, worksheetErrors, worksheetForm } from '../../app/collab/worksheets.js';
import { loadCollab, loadWorksheetView } from '../../app/collab-views.js';
import { readActionValue, readWorksheetArg } from '../../cards/action-values.js';
import { collabMessages } from '../../content/collab-messages.js';
import { PARTNERS_MAX } from '../../content/worksheets/definitions.js';
import { worksheetMessages } from '../../content/worksheets/messages.js';
import { AppError } from '../../domain/errors.js';
import type { WorksheetId } from '../../domain/collaboration.js';
import type { Invoke, InvokeResult } from './invoke-types.js';

/** The collaboration, worksheet and item a worksheet button carries in `v`. */
function target(i: Invoke): { collabId: string; sheet: WorksheetId; item?: string } {
  const v = i.data.v;
  if (typeof v !== 'string' || v.length > 200) throw new AppError('invalid_input');
  const { collabId, arg } = readActionValue(v);
  return { collabId, ...readWorksheetArg(arg) };
}

async function card(i: Invoke, collabId: string, sheet: WorksheetId, editing?: { item?: string; values: Record<string, string> }, personal?: PersonalNote): Promise<InvokeResult> {
  const view: CardView = { kind: 'worksheet', view: { ...(await loadWorksheetView(i.deps, i.scope, collabId, sheet)), editing }, personal };
  return { view };
}

async function openForm(i: Invoke, item?: string): Promise<InvokeResult> {
  const t = target(i);
  const form = await worksheetForm(i.deps, { scope: i.scope, collabId: t.collabId, user: i.user }, t.sheet, item ?? t.item);
  if (form.kind !== 'worksheet') throw new AppError('unexpected');
  return card(i, t.collabId, t.sheet, { item: form.item, values: form.values });
}

/**
 * A partner list at its maximum: the card with a notice that says so (the use case refuses a new
 * partner as invalid_input, which would read as a forged request). Undefined when there is room.
 */
async function partnersFull(i: Invoke, collabId: string, sheet: WorksheetId, item: string | undefined): Promise<InvokeResult | undefined> {
  if (sheet !== 'partners' || item !== NEW_ITEM) return undefined;
  if ((await i.deps.collabs.answeredCount(i.scope, collabId, sheet)) < PARTNERS_MAX) return undefined;
  return { view: { kind: 'worksheet', view: await loadWorksheetView(i.deps, i.scope, collabId, sheet), personal: { notice: worksheetMessages(i.locale).tooManyPartners(PARTNERS_MAX) } } };
}

/** Inputs arrive as `f_<field>`; only strings count. */
function fieldValues(data: Record<string, unknown>): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(data)) if (key.startsWith('f_') && typeof value === 'string') values[key.slice(2)] = value;
  return values;
}

/**
 * The verbs of worksheet cards. Teams shows a worksheet's form as the card's own inputs, for the
 * one person who pressed (the Agents Playground shows no dialogs); the shared card follows by refresh.
 */
export const worksheetInvokes: Record<string, (i: Invoke) => Promise<InvokeResult>> = {
  'ws.edit': async (i) => openForm(i),
  'ws.add': async (i) => {
    const t = target(i);
    return (await partnersFull(i, t.collabId, t.sheet, NEW_ITEM)) ?? openForm(i, NEW_ITEM);
  },
  'ws.cancel': async (i) => {
    const t = target(i);
    return card(i, t.collabId, t.sheet);
  },
  'ws.save': async (i) => {
    const t = target(i);
    const actor = { scope: i.scope, collabId: t.collabId, user: i.user };
    const full = await partnersFull(i, t.collabId, t.sheet, t.item);
    if (full) return full;
    const { collab } = await loadCollab(i.deps, i.scope, t.collabId);
    const values = fieldValues(i.data);
    const errors = worksheetErrors(collab.locale, t.sheet, t.item, values);
    if (Object.keys(errors).length > 0) {
      // Only an item that exists comes back as a form (saveWorksheet checks it on the way in; a forged item is refused here too).
      await worksheetForm(i.deps, actor, t.sheet, t.item);
      return card(i, t.collabId, t.sheet, { item: t.item, values }, { notice: Object.values(errors)[0] });
    }
    const { registered } = await saveWorksheet(i.deps, actor, t.sheet, t.item, values, collab);
    const m = worksheetMessages(i.locale);
    return card(i, t.collabId, t.sheet, undefined, { notice: registered ? m.registerSaved : m.saved, tone: 'ok' });
  },
  'ws.remove': async (i) => {
    const t = target(i);
    if (!t.item) throw new AppError('invalid_input');
    await removeWorksheetItem(i.deps, { scope: i.scope, collabId: t.collabId, user: i.user }, t.sheet, t.item);
    return card(i, t.collabId, t.sheet, undefined, { notice: worksheetMessages(i.locale).removed, tone: 'ok' });
  },
  'ws.show': async (i) => {
    const t = target(i);
    await postWorksheetAnswers(i.deps, { scope: i.scope, collabId: t.collabId, user: i.user }, t.sheet);
    return card(i, t.collabId, t.sheet);
  },
  'ws.adopt': async (i) => {
    const t = target(i);
    const form = await adoptForm(i.deps, { scope: i.scope, collabId: t.collabId, user: i.user }, t.item ?? '');
    return card(i, t.collabId, t.sheet, undefined, { notice: worksheetMessages(i.locale).adopted(collabMessages(i.locale).forms[form]), tone: 'ok' });
  },
};
