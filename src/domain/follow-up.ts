import { z } from 'zod';
import { CollabIdSchema, PersonSchema, SheetIdSchema } from './collaboration.js';

/** Follow-up ids are random like poll ids (96 bits): the id alone names a job. */
export const FollowUpIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,32}$/);

export const FOLLOW_UP_TEXT_MAX = 300;
/** Open and done items kept per collaboration; far above a real collaboration, bounded for memory. */
export const FOLLOW_UPS_MAX = 500;
/** At most this many follow-ups in one command or form: what one thread message can list. */
export const FOLLOW_UPS_PER_ADD = 20;

/** A calendar date without a time: a due date means "that day" wherever the owner is. */
export const LocalDateSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/);
export type LocalDate = z.infer<typeof LocalDateSchema>;

/** What a follow-up came out of: a step or reminder card, a worksheet, or the decision. */
export const FollowUpLinkSchema = z.union([SheetIdSchema, z.literal('decision')]);
export type FollowUpLink = z.infer<typeof FollowUpLinkSchema>;

/**
 * The personal messages a follow-up leads to: to its owner two working days before the due date
 * and on the due morning, and to the coordinators two working days after it.
 */
export const nudgeKinds = ['soon', 'due', 'overdue'] as const;
export const NudgeKindSchema = z.enum(nudgeKinds);
export type NudgeKind = z.infer<typeof NudgeKindSchema>;

/** The one nudge a follow-up is waiting for: its kind and the instant it is due (ms). */
export const NextNudgeSchema = z.object({ kind: NudgeKindSchema, at: z.number().int() });
export type NextNudge = z.infer<typeof NextNudgeSchema>;

export const FollowUpSchema = z.object({
  id: FollowUpIdSchema,
  collabId: CollabIdSchema,
  text: z.string().min(1).max(FOLLOW_UP_TEXT_MAX),
  owner: PersonSchema,
  due: LocalDateSchema,
  link: FollowUpLinkSchema.optional(),
  status: z.enum(['open', 'done']),
  createdBy: PersonSchema,
  createdAt: z.number().int(),
  doneAt: z.number().int().optional(),
  /** The nudge queued for this item, so a change can replace exactly that job. */
  next: NextNudgeSchema.optional(),
});
export type FollowUp = z.infer<typeof FollowUpSchema>;

/** Open items first by due date, then done ones; ties keep creation order. */
export function followUpOrder(a: FollowUp, b: FollowUp): number {
  if (a.status !== b.status) return a.status === 'open' ? -1 : 1;
  return a.due.localeCompare(b.due) || a.createdAt - b.createdAt;
}

/** Whether an open item's due date lies before `today` (both local calendar dates). */
export const isOverdue = (item: FollowUp, today: LocalDate): boolean => item.status === 'open' && item.due < today;

/** How long one snooze moves the due date. */
export const SnoozeSchema = z.enum(['day', 'week']);
export type Snooze = z.infer<typeof SnoozeSchema>;
