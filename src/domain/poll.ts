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
  /** Anonymous: nobody sees who chose what, and per-voter entries are deleted at closing. */
  anonymous: z.boolean(),
  /** Hidden: counts stay hidden until the poll closes, so a card change reveals no one's choice. */
  hidden: z.boolean(),
  locale: LocaleSchema,
  /**
   * Pseudonym of the facilitator who opened the poll (keyed with the server secret, in another
   * domain than voter keys so it cannot be matched to a vote); only they may close it.
   */
  facilitatorKey: z.string().min(1),
  status: z.enum(['open', 'closed']),
  createdAt: z.number().int(),
  /** An open poll closes itself at this moment (POLL_MAX_DAYS after it opened). */
  expiresAt: z.number().int(),
  closedAt: z.number().int().optional(),
  /** Closed by its facilitator, or by the system when it reached its maximum age. */
  closedReason: z.enum(['facilitator', 'expired']).optional(),
  /** Set when the poll was opened in a collaboration's thread. */
  collabId: z.string().regex(/^[A-Za-z0-9_-]{10,32}$/).optional(),
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

/** Counts are shown while the poll is open unless it hides them; once closed they are always shown. */
export function resultsVisible(poll: Pick<Poll, 'hidden' | 'status'>): boolean {
  return !poll.hidden || poll.status === 'closed';
}
