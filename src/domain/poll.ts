import { z } from 'zod';

/** The three temperatures of the method (seed 001, stap 4): veel, gemixt or weinig enthousiasme. */
export const temperatures = ['veel', 'gemixt', 'weinig'] as const;
export const TemperatureSchema = z.enum(temperatures);
export type Temperature = z.infer<typeof TemperatureSchema>;

export const LocaleSchema = z.enum(['nl', 'en']);
export type Locale = z.infer<typeof LocaleSchema>;

export const PlatformSchema = z.enum(['slack', 'teams']);
export type Platform = z.infer<typeof PlatformSchema>;

/** Poll ids are random, URL-safe and short enough for button values and Redis keys. */
export const PollIdSchema = z.string().regex(/^[A-Za-z0-9_-]{10,32}$/);

/** Where a poll lives: the platform and the workspace (Slack team) or tenant (Teams). */
export const ScopeSchema = z.object({
  platform: PlatformSchema,
  tenant: z.string().min(1).max(128),
});
export type Scope = z.infer<typeof ScopeSchema>;

export const QUESTION_MAX = 300;

export const PollSchema = z.object({
  id: PollIdSchema,
  scope: ScopeSchema,
  question: z.string().min(1).max(QUESTION_MAX),
  anonymous: z.boolean(),
  locale: LocaleSchema,
  /** Platform user id of the facilitator who opened the poll; only they may close it. */
  openedBy: z.string().min(1),
  status: z.enum(['open', 'closed']),
  createdAt: z.number().int(),
  closedAt: z.number().int().optional(),
});
export type Poll = z.infer<typeof PollSchema>;

export type Counts = Record<Temperature, number>;

export interface Tally {
  counts: Counts;
  voters: number;
}

/** A voter shown on a named (non-anonymous) poll. */
export interface NamedVote {
  name: string;
  choice: Temperature;
}

export function emptyCounts(): Counts {
  return { veel: 0, gemixt: 0, weinig: 0 };
}

/**
 * The prevailing temperature of a tally.
 * Rule: the option with the most votes wins. When the top count is shared by two or three
 * options, the team is by definition divided, so the result is `gemixt`. With no votes there is
 * no temperature (`undefined`).
 */
export function prevailingTemperature(counts: Counts): Temperature | undefined {
  const max = Math.max(counts.veel, counts.gemixt, counts.weinig);
  if (max === 0) return undefined;
  const leaders = temperatures.filter((t) => counts[t] === max);
  return leaders.length === 1 ? leaders[0] : 'gemixt';
}

/** Whole-number percentages per option; 0 when nobody voted. */
export function percentages(tally: Tally): Counts {
  const pct = (n: number): number => (tally.voters === 0 ? 0 : Math.round((n / tally.voters) * 100));
  return { veel: pct(tally.counts.veel), gemixt: pct(tally.counts.gemixt), weinig: pct(tally.counts.weinig) };
}

/** Only the facilitator who opened a poll may close it. */
export function canClose(poll: Poll, userId: string): boolean {
  return poll.openedBy === userId;
}
