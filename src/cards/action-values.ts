import { AppError } from '../domain/errors.js';
import { CollabIdSchema, ItemIdSchema, QuestionSheetSchema, StepSchema, WorksheetIdSchema, type QuestionSheet, type Step, type WorksheetId } from '../domain/collaboration.js';
import { FollowUpIdSchema } from '../domain/follow-up.js';

/** Button values and Teams data carry the collaboration id and one short argument: `collabId:arg`. */
export const actionValue = (collabId: string, arg = ''): string => (arg ? `${collabId}:${arg}` : collabId);

/**
 * Reads a value made by {@link actionValue}. The id is only checked for shape: the scope comes
 * from the request, and the store never finds an id outside it. Anything else is invalid_input.
 */
export function readActionValue(value: string): { collabId: string; arg: string } {
  const [id, arg = ''] = value.split(':');
  const collabId = CollabIdSchema.safeParse(id);
  if (!collabId.success) throw new AppError('invalid_input');
  return { collabId: collabId.data, arg };
}

/** The step number in an action's argument, or invalid_input. */
export function readStep(arg: string): Step {
  const step = StepSchema.safeParse(Number(arg));
  if (!step.success) throw new AppError('invalid_input');
  return step.data;
}

/** A sheet in a button's argument: a step by its number (as the step cards always sent), a reminder by its id. */
export function sheetArg(sheet: QuestionSheet): string {
  return sheet.startsWith('step') ? sheet.slice(4) : sheet;
}

/** The sheet in an action's argument, or invalid_input. */
export function readSheetArg(arg: string): QuestionSheet {
  if (/^[1-4]$/.test(arg)) return `step${arg}` as QuestionSheet;
  const sheet = QuestionSheetSchema.safeParse(arg);
  if (!sheet.success) throw new AppError('invalid_input');
  return sheet.data;
}

/** The worksheet and item in an action's argument (`agreements.inhoud`, `form`), or invalid_input. */
export function readWorksheetArg(arg: string): { sheet: WorksheetId; item?: string } {
  const [sheet, item, extra] = arg.split('.');
  const parsed = WorksheetIdSchema.safeParse(sheet);
  if (!parsed.success || extra !== undefined || (item !== undefined && !ItemIdSchema.safeParse(item).success)) throw new AppError('invalid_input');
  return { sheet: parsed.data, item };
}

/** A follow-up's button value: `<collabId>/<itemId>` (see the follow-ups card), or invalid_input. */
export function readFollowUpValue(value: string): { collabId: string; id: string } {
  const [collab, item] = value.split('/');
  const collabId = CollabIdSchema.safeParse(collab);
  const id = FollowUpIdSchema.safeParse(item);
  if (!collabId.success || !id.success) throw new AppError('invalid_input');
  return { collabId: collabId.data, id: id.data };
}
