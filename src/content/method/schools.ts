import type { Locale } from '../../domain/poll.js';
import {
  ATTENTION_IDS,
  AttentionSchema,
  parseLocalized,
  requireIds,
  SCHOOL_STEP_COUNT,
  SchoolStepSchema,
  type AttentionPoint,
  type Point,
  type SchoolStep,
} from './schemas.js';
import { schoolsEn } from './schools-en.js';
import { schoolsNl } from './schools-nl.js';

const parsedSteps = parseLocalized(
  'schoolSteps',
  SchoolStepSchema,
  { nl: schoolsNl.steps, en: schoolsEn.steps },
  (s) => `${s.id}:${s.points.map((p) => p.id).join(',')}/${(s.evaluation ?? []).map((p) => p.id).join(',')}`,
);
const parsedAttention = parseLocalized('schoolAttention', AttentionSchema, { nl: schoolsNl.attention, en: schoolsEn.attention });

requireIds('schoolSteps.nl', parsedSteps.nl, Array.from({ length: SCHOOL_STEP_COUNT }, (_, i) => `s${i + 1}`));
requireIds('schoolAttention.nl', parsedAttention.nl, ATTENTION_IDS);

for (const step of parsedSteps.nl) {
  const ids = step.points.map((p) => p.id);
  if (new Set(ids).size !== ids.length) throw new Error(`schoolSteps.${step.id}: duplicate point id`);
  if ((step.id === 's6') !== Boolean(step.evaluation)) {
    throw new Error(`schoolSteps.${step.id}: only step 6 carries the evaluation questions`);
  }
}

/** The six-step plan of seed 004, in order s1..s6; step 6 carries the evaluation for the register. */
export function schoolSteps(locale: Locale): readonly SchoolStep[] {
  return parsedSteps[locale];
}

/** The points of attention of seed 004 (pedagogical project, attainment targets, ..., privacy). */
export function schoolAttention(locale: Locale): readonly AttentionPoint[] {
  return parsedAttention[locale];
}

/** The evaluation questions of step 6 (what helped, what hindered) that feed the register of external organisations. */
export function schoolEvaluation(locale: Locale): readonly Point[] {
  return parsedSteps[locale][SCHOOL_STEP_COUNT - 1]?.evaluation ?? [];
}
