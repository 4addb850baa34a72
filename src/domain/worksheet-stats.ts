import { FormSchema, forms, type AnswerSet, type Form } from './collaboration.js';

/** A condition is flagged when the group scores it this low on average (seed 003: weak)... */
export const LOW_MEAN = 2.5;
/** ...or when two members' scores lie this far apart. */
export const APART = 3;

export interface ScoreSpread {
  /** How many members gave a score, and how many gave each score 1..5. */
  n: number;
  counts: [number, number, number, number, number];
  mean: number;
  min: number;
  max: number;
  low: boolean;
  apart: boolean;
}

/** The spread of the scores (1 to 5) members gave one condition; undefined when nobody scored it. */
export function scoreSpread(entries: AnswerSet[], conditionId: string): ScoreSpread | undefined {
  const scores = entries.map((e) => Number(e.values[conditionId])).filter((s) => Number.isInteger(s) && s >= 1 && s <= 5);
  if (scores.length === 0) return undefined;
  const counts: ScoreSpread['counts'] = [0, 0, 0, 0, 0];
  for (const s of scores) counts[s - 1] = (counts[s - 1] ?? 0) + 1;
  const mean = scores.reduce((a, b) => a + b, 0) / scores.length;
  const min = Math.min(...scores);
  const max = Math.max(...scores);
  return { n: scores.length, counts, mean, min, max, low: mean <= LOW_MEAN, apart: max - min >= APART };
}

/** How many members placed the collaboration at each form on one dimension. */
export function formCounts(entries: AnswerSet[], dimensionId: string): Record<Form, number> {
  const counts = Object.fromEntries(forms.map((f) => [f, 0])) as Record<Form, number>;
  for (const e of entries) {
    const f = FormSchema.safeParse(e.values[dimensionId]);
    if (f.success) counts[f.data] += 1;
  }
  return counts;
}

/**
 * The form the members' placements lean to, over every dimension: the one chosen most often.
 * Undefined with no placements or a tie, so the card never picks for the group.
 */
export function formLeaning(entries: AnswerSet[]): Form | undefined {
  const counts = Object.fromEntries(forms.map((f) => [f, 0])) as Record<Form, number>;
  for (const e of entries) {
    for (const value of Object.values(e.values)) {
      const f = FormSchema.safeParse(value);
      if (f.success) counts[f.data] += 1;
    }
  }
  const ranked = forms.map((f) => [f, counts[f]] as const).sort((a, b) => b[1] - a[1]);
  const [first, second] = ranked;
  if (!first || first[1] === 0 || (second && second[1] === first[1])) return undefined;
  return first[0];
}
