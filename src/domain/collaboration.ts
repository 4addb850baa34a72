import { z } from 'zod';
import { LocaleSchema, PollIdSchema, ScopeSchema, TemperatureSchema, prevailingTemperature, type Counts, type Temperature } from './poll.js';

/** Collaboration ids look like poll ids: random, URL-safe, fit in button values and keys. */
export const CollabIdSchema = PollIdSchema;

export const TITLE_MAX = 150;
export const ISSUE_MAX = 500;
export const ANSWER_MAX = 2000;
export const RATIONALE_MAX = 1000;
export const WITH_WHOM_MAX = 150;
export const COORDINATORS_MAX = 10;
export const NAME_MAX = 100;

/** Someone with a role in a collaboration: their platform user id and, where the platform needs it, a display name. */
export const PersonSchema = z.object({
  id: z.string().min(1).max(128),
  name: z.string().max(NAME_MAX).optional(),
});
export type Person = z.infer<typeof PersonSchema>;

/** The forms of collaboration on seed 002's continuum. */
export const forms = ['overleg', 'ad_hoc', 'netwerk', 'fusie'] as const;
export const FormSchema = z.enum(forms);
export type Form = z.infer<typeof FormSchema>;

export const StepSchema = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);
export type Step = z.infer<typeof StepSchema>;
export const steps: readonly Step[] = [1, 2, 3, 4];

/** The ten reminders of seed 003, by number. */
export const ReminderNumberSchema = z.number().int().min(1).max(10);
export type ReminderNumber = z.infer<typeof ReminderNumberSchema>;

/**
 * A sheet is a card members answer question by question: one of the four steps, or one of the ten
 * reminders. Answers, their history and the card's refresh are kept per sheet.
 */
export const questionSheetIds = [
  'step1', 'step2', 'step3', 'step4',
  'reminder1', 'reminder2', 'reminder3', 'reminder4', 'reminder5', 'reminder6', 'reminder7', 'reminder8', 'reminder9', 'reminder10',
] as const;
export const QuestionSheetSchema = z.enum(questionSheetIds);
/** A sheet of open questions: a step or a reminder. */
export type QuestionSheet = z.infer<typeof QuestionSheetSchema>;

/**
 * Worksheets are the method's checklists (seeds 000, 002, 003, 004): the five conditions, the
 * form, the partners, the agreement themes, the internal partners and the plan for externals.
 * They are stored like sheets; some per member, some shared (see src/content/worksheets).
 */
export const worksheetIds = ['conditions', 'form', 'partners', 'agreements', 'internal', 'externals'] as const;
export const WorksheetIdSchema = z.enum(worksheetIds);
export type WorksheetId = z.infer<typeof WorksheetIdSchema>;

/** A worksheet item's id (a theme, a school step, a partner): short, lower case, safe in keys and button values. */
export const ItemIdSchema = z.string().regex(/^[a-z][a-z0-9_]{0,31}$/);

export const sheetIds = [...questionSheetIds, ...worksheetIds] as const;
export const SheetIdSchema = z.enum(sheetIds);
export type SheetId = z.infer<typeof SheetIdSchema>;

export const stepSheet = (step: Step): QuestionSheet => `step${step}`;
export const reminderSheet = (n: ReminderNumber): QuestionSheet => `reminder${n}` as QuestionSheet;

/** What a sheet id stands for. */
export function readSheet(sheet: SheetId): { kind: 'step'; step: Step } | { kind: 'reminder'; n: ReminderNumber } | { kind: 'worksheet'; id: WorksheetId } {
  const worksheet = WorksheetIdSchema.safeParse(sheet);
  if (worksheet.success) return { kind: 'worksheet', id: worksheet.data };
  return sheet.startsWith('step') ? { kind: 'step', step: Number(sheet.slice(4)) as Step } : { kind: 'reminder', n: Number(sheet.slice(8)) };
}

/** What a step or reminder sheet id stands for. */
export function readQuestionSheet(sheet: QuestionSheet): { kind: 'step'; step: Step } | { kind: 'reminder'; n: ReminderNumber } {
  return sheet.startsWith('step') ? { kind: 'step', step: Number(sheet.slice(4)) as Step } : { kind: 'reminder', n: Number(sheet.slice(8)) };
}

/**
 * Where the collaboration is on its path: working through the steps, past stap 4 ("alles ok":
 * temperature and decision), or stopped after stap 4 said "lukt niet".
 */
export const StageSchema = z.enum(['steps', 'deciding', 'stopped']);
export type Stage = z.infer<typeof StageSchema>;

export const CollaborationSchema = z.object({
  id: CollabIdSchema,
  scope: ScopeSchema,
  title: z.string().min(1).max(TITLE_MAX),
  /** The issue (maatschappelijke uitdaging) the idea answers; empty until someone fills it in. */
  issue: z.string().max(ISSUE_MAX),
  form: FormSchema.optional(),
  /** Shared cards use this language; private replies use the viewer's. */
  locale: LocaleSchema,
  step: StepSchema,
  stage: StageSchema,
  facilitator: PersonSchema,
  opvolger: PersonSchema.optional(),
  coordinators: z.array(PersonSchema).max(COORDINATORS_MAX),
  /** The step stap 4 sent the collaboration back to ("vraagtekens"): its card lists the open items. */
  revisit: StepSchema.optional(),
  /** The reminder posted last, so `reminder` without a number posts the next one (after 10 comes 1). */
  lastReminder: ReminderNumberSchema.optional(),
  /** The rhythm scheduled reminders follow, in the collaboration's time zone; absent when none is set. */
  reminderRhythm: z
    .object({ weekday: z.number().int().min(0).max(6), hour: z.number().int().min(0).max(23), minute: z.number().int().min(0).max(59), everyWeeks: z.union([z.literal(1), z.literal(2)]) })
    .optional(),
  /** IANA time zone for schedules; absent means DEFAULT_TIME_ZONE. */
  timeZone: z.string().min(1).max(64).optional(),
  createdAt: z.number().int(),
});
export type Collaboration = z.infer<typeof CollaborationSchema>;

/** Collaborations keep the time of Flanders and the Netherlands unless told otherwise. */
export const DEFAULT_TIME_ZONE = 'Europe/Brussels';

/** The facilitator and coordinators take decisions and change the collaboration. */
export function canDecide(collab: Pick<Collaboration, 'facilitator' | 'coordinators'>, userId: string): boolean {
  return collab.facilitator.id === userId || collab.coordinators.some((c) => c.id === userId);
}

/** A temperature poll result kept in the collaboration's history (counts only, never who voted what). */
export const TemperatureRecordSchema = z.object({
  pollId: PollIdSchema,
  counts: z.object({ veel: z.number().int().min(0), gemixt: z.number().int().min(0), weinig: z.number().int().min(0) }),
  voters: z.number().int().min(0),
  /** The prevailing temperature; absent when nobody voted. */
  level: TemperatureSchema.optional(),
  closedAt: z.number().int(),
});
export type TemperatureRecord = z.infer<typeof TemperatureRecordSchema>;

export function temperatureRecord(pollId: string, counts: Counts, voters: number, closedAt: number): TemperatureRecord {
  return { pollId, counts, voters, level: prevailingTemperature(counts), closedAt };
}

export const OutcomeSchema = z.enum(['go', 'nogo']);
export type Outcome = z.infer<typeof OutcomeSchema>;

/**
 * Where team support and decision pull apart (seed 001): much enthusiasm with no go, or little
 * enthusiasm with go, needs a traject; mixed enthusiasm needs attention whatever was decided.
 */
export const TensionSchema = z.enum(['traject', 'aandacht']);
export type Tension = z.infer<typeof TensionSchema>;

/** The tension rule; undefined when support and decision agree or there is no temperature. */
export function tensionOf(outcome: Outcome, level: Temperature | undefined): Tension | undefined {
  if (level === undefined) return undefined;
  if ((level === 'veel' && outcome === 'nogo') || (level === 'weinig' && outcome === 'go')) return 'traject';
  if (level === 'gemixt') return 'aandacht';
  return undefined;
}

export const DecisionSchema = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]{6,32}$/),
  outcome: OutcomeSchema,
  rationale: z.string().min(1).max(RATIONALE_MAX),
  withWhom: z.string().min(1).max(WITH_WHOM_MAX),
  by: PersonSchema,
  at: z.number().int(),
  /** The latest temperature when the decision was taken; absent when no poll had closed. */
  temperature: TemperatureRecordSchema.optional(),
  tension: TensionSchema.optional(),
  /** Set when stap 4 ended with "lukt niet": a no go without a separate decision card. */
  viaStep4: z.boolean().optional(),
});
export type Decision = z.infer<typeof DecisionSchema>;

/** One member's answers to one step, as stored; a later submission replaces it and the old one goes to the history. */
export const AnswerSetSchema = z.object({
  by: PersonSchema,
  /** Set on a shared worksheet entry: the item it fills in (a theme, a partner, a school step). */
  item: ItemIdSchema.optional(),
  at: z.number().int(),
  values: z.record(z.string(), z.string().max(ANSWER_MAX)),
});
export type AnswerSet = z.infer<typeof AnswerSetSchema>;

export const ItemKindSchema = z.enum(['opvolgpunt', 'voorwaarde', 'traject']);
export type ItemKind = z.infer<typeof ItemKindSchema>;

/** An open point of the collaboration: from stap 2's answers, or proposed by the bot after a tension. */
export interface OpenItem {
  id: string;
  kind: ItemKind;
  text: string;
}

export const ITEM_TEXT_MAX = 300;

/**
 * Open items from stap 2's answers: every non-empty line of an items question, de-duplicated
 * across members (case and spacing ignored). Derived on read, so an edited answer is reflected
 * at once and no point someone wrote is lost while their answer holds it.
 */
export function itemsFromAnswers(answers: AnswerSet[], questions: { id: string; items?: 'opvolgpunt' | 'voorwaarde' }[]): Omit<OpenItem, 'id'>[] {
  const seen = new Set<string>();
  const out: Omit<OpenItem, 'id'>[] = [];
  for (const q of questions) {
    if (!q.items) continue;
    for (const set of answers) {
      for (const raw of (set.values[q.id] ?? '').split('\n')) {
        const text = raw.replace(/^\s*[-*•]\s+/, '').trim().slice(0, ITEM_TEXT_MAX);
        const norm = `${q.items}:${text.toLowerCase().replace(/\s+/g, ' ')}`;
        if (text === '' || seen.has(norm)) continue;
        seen.add(norm);
        out.push({ kind: q.items, text });
      }
    }
  }
  return out;
}
