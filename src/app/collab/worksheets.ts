import { randomBytes } from 'node:crypto';
import { AppError } from '../../domain/errors.js';
import { FormSchema, type AnswerSet, type Collaboration, type Form, type WorksheetId } from '../../domain/collaboration.js';
import type { Locale } from '../../domain/poll.js';
import { PARTNERS_MAX, SHARED_ENTRY, worksheetDef, type WorksheetDef } from '../../content/worksheets/definitions.js';
import { worksheetMessages } from '../../content/worksheets/messages.js';
import { collabMessages } from '../../content/collab-messages.js';
import { formLeaning } from '../../domain/worksheet-stats.js';
import { loadCollab, loadWorksheetView } from '../collab-views.js';
import type { AppDeps } from '../deps.js';
import { refreshCollabCard, scheduleIfMarked } from '../refresh-live-card.js';
import type { FormView } from './forms.js';
import { messengerFor } from './start-collaboration.js';
import { requireCoordinator, threadOf, type Actor } from './steps.js';

/** The item a form names: a fixed item's id, an existing partner's id, or 'new' for a partner being added. */
export const NEW_ITEM = 'new';

/**
 * Posts a worksheet card in the collaboration's thread. Anyone in the conversation may: a
 * worksheet changes nothing of the collaboration's path, it only asks.
 */
export async function postWorksheet(deps: AppDeps, a: Actor, sheet: WorksheetId): Promise<void> {
  const { thread } = await threadOf(deps, a.scope, a.collabId);
  const posted = await messengerFor(deps, a.scope).post(thread, { kind: 'worksheet', view: await loadWorksheetView(deps, a.scope, a.collabId, sheet) });
  await deps.collabs.setCard(a.scope, a.collabId, sheet, posted);
  // Entries saved between posting and storing the card's place reach it through this refresh.
  await refreshCollabCard(deps, a.scope, a.collabId, sheet);
}

/**
 * A partner's id starts with its creation time, so sorting by id keeps the order in which the group
 * added them however often one is edited; the random tail keeps two added at once apart.
 */
export const newPartnerId = (now: number): string => `p${Math.max(0, Math.floor(now)).toString(16).padStart(11, '0').slice(-11)}${randomBytes(2).toString('hex')}`;

/** The hash field an entry is stored under: the member (member mode), the one shared copy, or the item. */
function entryKey(def: WorksheetDef, a: Actor, item: string | undefined): string {
  if (def.mode === 'member') return a.user.id;
  if (def.mode === 'shared') return SHARED_ENTRY;
  if (!item) throw new AppError('invalid_input', 'no item');
  return item;
}

/** Checks that an item exists on this worksheet (fixed items, or a partner someone added). */
async function requireItem(deps: AppDeps, a: Actor, def: WorksheetDef, item: string | undefined): Promise<AnswerSet[]> {
  const entries = await deps.collabs.getAnswers(a.scope, a.collabId, def.id);
  if (def.mode !== 'item') {
    if (item !== undefined) throw new AppError('invalid_input', 'unexpected item');
    return entries;
  }
  const known = def.id === 'partners' ? item === NEW_ITEM || entries.some((e) => e.item === item) : def.items.some((i) => i.id === item);
  if (!known) throw new AppError('invalid_input', 'unknown item');
  return entries;
}

/** The current values of the entry a form edits, if any. */
function currentValues(def: WorksheetDef, entries: AnswerSet[], a: Actor, item: string | undefined): Record<string, string> {
  if (item === NEW_ITEM) return {};
  const key = def.mode === 'member' ? a.user.id : def.mode === 'shared' ? SHARED_ENTRY : item;
  const found = entries.find((e) => (e.item ?? e.by.id) === key && (def.mode !== 'member' || e.item === undefined));
  return found?.values ?? {};
}

/** A worksheet's form for one person: the whole sheet, or one item. Anyone in the conversation may fill it in. */
export async function worksheetForm(deps: AppDeps, a: Actor, sheet: WorksheetId, item?: string): Promise<FormView> {
  const { collab } = await loadCollab(deps, a.scope, a.collabId);
  const def = worksheetDef(collab.locale, sheet);
  const entries = await requireItem(deps, a, def, item);
  if (item === NEW_ITEM && entries.length >= PARTNERS_MAX) throw new AppError('invalid_input', 'too many partners');
  return { kind: 'worksheet', collab, sheet, item, values: currentValues(def, entries, a, item) };
}

/**
 * Why a worksheet submission cannot be stored, per field; empty when it can. Unknown fields and
 * values a form cannot produce (a choice that is not offered) are forged: invalid_input.
 */
export function worksheetErrors(locale: Locale, sheet: WorksheetId, item: string | undefined, values: Record<string, string>): Record<string, string> {
  const m = collabMessages(locale);
  const fields = worksheetDef(locale, sheet).fields(item);
  const errors: Record<string, string> = {};
  for (const [id, value] of Object.entries(values)) {
    const field = fields.find((f) => f.id === id);
    if (!field) throw new AppError('invalid_input', 'unknown field');
    if (field.kind === 'choice' && value !== '' && !field.options?.some((o) => o.value === value)) throw new AppError('invalid_input', 'unknown option');
    if (field.kind === 'toggle' && value !== '' && value !== 'true' && value !== 'false') throw new AppError('invalid_input', 'bad toggle');
    if (value.length > field.max) errors[id] = m.tooLong(field.max);
  }
  for (const field of fields) if (field.required && !(values[field.id] ?? '').trim()) errors[field.id] = worksheetMessages(locale).required;
  return errors;
}

/**
 * Stores a worksheet entry (a member's sheet, the shared copy, or one item; the earlier version
 * goes to the history) and refreshes the card. Step 6 of the plan for externals also records its
 * evaluation in the workspace's register. Returns whether it did.
 */
export async function saveWorksheet(deps: AppDeps, a: Actor, sheet: WorksheetId, item: string | undefined, values: Record<string, string>, known?: Collaboration): Promise<{ registered: boolean }> {
  const collab = known ?? (await loadCollab(deps, a.scope, a.collabId)).collab;
  const def = worksheetDef(collab.locale, sheet);
  const entries = await requireItem(deps, a, def, item);
  if (Object.keys(worksheetErrors(collab.locale, sheet, item, values)).length > 0) throw new AppError('invalid_input', 'worksheet values');
  let key = entryKey(def, a, item);
  if (key === NEW_ITEM) {
    if (entries.length >= PARTNERS_MAX) throw new AppError('invalid_input', 'too many partners');
    key = newPartnerId(deps.clock.now());
  }
  // Empty values are not kept: an unticked box or a cleared field is simply absent.
  const toggles = new Set(def.fields(item).filter((f) => f.kind === 'toggle').map((f) => f.id));
  const kept = Object.fromEntries(Object.entries(values).flatMap(([k, v]) => (v.trim() === '' || (toggles.has(k) && v === 'false') ? [] : [[k, v.trim()]])));
  const set: AnswerSet = { by: a.user, at: deps.clock.now(), values: kept, ...(def.mode === 'member' ? {} : { item: key }) };
  const saved = await deps.collabs.saveAnswers(a.scope, a.collabId, sheet, set, deps.refreshTiming);
  await scheduleIfMarked(deps, a.scope, { kind: 'collab', collabId: a.collabId, name: sheet }, saved.refreshDelayMs);
  if (sheet === 'externals' && key === 's6' && kept.organisatie && (kept.hielp || kept.hinderde)) {
    await deps.register.put(a.scope, a.collabId, { organisation: kept.organisatie, helped: kept.hielp ?? '', hindered: kept.hinderde ?? '', at: set.at });
    return { registered: true };
  }
  // An evaluation that no longer names an organisation or says anything leaves the register.
  if (sheet === 'externals' && key === 's6') await deps.register.remove(a.scope, a.collabId);
  return { registered: false };
}

/** Removes a partner from the list (anyone who may edit it may remove it; the history keeps it). */
export async function removeWorksheetItem(deps: AppDeps, a: Actor, sheet: WorksheetId, item: string): Promise<void> {
  const { collab } = await loadCollab(deps, a.scope, a.collabId);
  const def = worksheetDef(collab.locale, sheet);
  if (def.id !== 'partners' || item === NEW_ITEM) throw new AppError('invalid_input', 'not removable');
  await requireItem(deps, a, def, item);
  const saved = await deps.collabs.removeEntry(a.scope, a.collabId, sheet, item, deps.refreshTiming);
  await scheduleIfMarked(deps, a.scope, { kind: 'collab', collabId: a.collabId, name: sheet }, saved.refreshDelayMs);
}

/** Makes the form the group leans to the collaboration's form (root card). Facilitator and coordinators only. */
export async function adoptForm(deps: AppDeps, a: Actor, form: string): Promise<Form> {
  await requireCoordinator(deps, a);
  const parsed = FormSchema.safeParse(form);
  if (!parsed.success) throw new AppError('invalid_input');
  // Only what the card offered: the form the members' answers lean to now.
  const entries = await deps.collabs.getAnswers(a.scope, a.collabId, 'form');
  if (formLeaning(entries) !== parsed.data) throw new AppError('invalid_input', 'not the leaning form');
  await deps.collabs.update(a.scope, a.collabId, (c) => ({ ...c, form: parsed.data }));
  await refreshCollabCard(deps, a.scope, a.collabId, 'root');
  await refreshCollabCard(deps, a.scope, a.collabId, 'form');
  return parsed.data;
}

/** Posts everyone's answers to a member worksheet in the thread (conditions with remarks, form). */
export async function postWorksheetAnswers(deps: AppDeps, a: Actor, sheet: WorksheetId): Promise<void> {
  const { collab, thread } = await threadOf(deps, a.scope, a.collabId);
  if (worksheetDef(collab.locale, sheet).mode !== 'member') throw new AppError('invalid_input');
  const sets = await deps.collabs.getAnswers(a.scope, a.collabId, sheet);
  await messengerFor(deps, a.scope).post(thread, { kind: 'answers', view: { collab, sheet, sets } });
}
