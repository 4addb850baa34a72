import { z } from 'zod';

/** One question members answer on a step card (one input per question). */
export const StepQuestionSchema = z.object({
  /** Stable id: goes into button values, input ids and Redis fields. */
  id: z.string().regex(/^[a-z][a-z0-9_]{1,23}$/),
  /** Short label above the input (at most 150 characters: Slack's label limit). */
  label: z.string().min(1).max(150),
  /** The seed's sub-questions, rewritten; shown under the label (at most 300). */
  hint: z.string().min(1).max(300),
  /** Answers to an `items` question are split into lines that become open items of the collaboration. */
  items: z.enum(['opvolgpunt', 'voorwaarde']).optional(),
});

/** A step card of seed 001 in one language. */
export const StepTextSchema = z.object({
  step: z.number().int().min(1).max(4),
  /** "Stap 1 · Verken het idee" */
  title: z.string().min(1).max(150),
  /** Who does what in this step, two sentences at most. */
  intro: z.string().min(1).max(400),
  /** Extra facts shown on the card (for stap 2 the four network traits, stap 3 the warning). */
  facts: z.array(z.object({ title: z.string().min(1).max(60), text: z.string().min(1).max(200) })).max(6),
  questions: z.array(StepQuestionSchema).min(1).max(8),
});
export type StepText = z.infer<typeof StepTextSchema>;
export type StepQuestion = z.infer<typeof StepQuestionSchema>;

/** The texts of stap 4's three outcomes and the evaluation card after "lukt niet". */
export const OutcomeTextSchema = z.object({
  ok: z.string().min(1).max(75),
  questions: z.string().min(1).max(75),
  fails: z.string().min(1).max(75),
  evaluationTitle: z.string().min(1).max(150),
  evaluationIntro: z.string().min(1).max(400),
  /** Questions for the evaluation conversation: looking ahead, processing the disappointment together. */
  evaluationQuestions: z.array(z.string().min(1).max(200)).length(3),
});
export type OutcomeText = z.infer<typeof OutcomeTextSchema>;
