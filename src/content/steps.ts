import type { Locale } from '../domain/poll.js';
import { OutcomeTextSchema, StepTextSchema, type OutcomeText, type StepText } from './step-schema.js';
import { stepsEn } from './steps/en.js';
import { stepsNl } from './steps/nl.js';

/** The four steps of seed 001 ("WerktSamen?"): verken, check intern, concretiseer, beslis. */
export const STEP_COUNT = 4;

type StepNumber = 1 | 2 | 3 | 4;

const steps: Record<Locale, StepText[]> = { nl: stepsNl, en: stepsEn };

const outcomes: Record<Locale, OutcomeText> = {
  nl: {
    ok: 'Alles ok!',
    questions: 'Er zijn nog vraagtekens',
    fails: 'Lukt niet',
    evaluationTitle: 'Evaluatiegesprek: het voorstel lukt niet',
    evaluationIntro:
      'Jammer, dit voorstel gaat niet door. Neem samen even de tijd om vooruit te kijken, de teleurstelling te delen en te bewaren wat je geleerd hebt.',
    evaluationQuestions: [
      'Wat betekent dit voor de partners en voor het idee? Welke deur houden we open voor later?',
      'Hoe voelt dit voor ieder van ons, en wat hebben we nodig om de teleurstelling samen te verwerken?',
      'Wat nemen we mee naar een volgend samenwerkingsidee?',
    ],
  },
  en: {
    ok: 'All OK!',
    questions: 'Open questions remain',
    fails: 'It does not work out',
    evaluationTitle: 'Evaluation talk: the proposal does not work out',
    evaluationIntro:
      'A pity, this proposal will not go ahead. Take some time together to look ahead, share the disappointment and keep what you have learned.',
    evaluationQuestions: [
      'What does this mean for the partners and for the idea? Which door do we keep open for later?',
      'How does this feel for each of us, and what do we need to work through the disappointment together?',
      'What do we take with us to the next collaboration idea?',
    ],
  },
};

const locales = Object.keys(steps) as Locale[];

/** Parses every entry once and checks that both languages carry the same steps and question ids. */
function validateSteps(): Record<Locale, readonly StepText[]> {
  const parsed = {} as Record<Locale, readonly StepText[]>;
  for (const locale of locales) {
    const list = steps[locale].map((entry) => StepTextSchema.parse(entry));
    if (list.length !== STEP_COUNT) {
      throw new Error(`steps.${locale}: expected ${STEP_COUNT} steps, found ${list.length}`);
    }
    list.forEach((entry, index) => {
      if (entry.step !== index + 1) {
        throw new Error(`steps.${locale}[${index}]: step number ${entry.step} out of order`);
      }
    });
    parsed[locale] = list;
  }
  const reference = parsed.nl;
  for (const locale of locales) {
    parsed[locale].forEach((entry, index) => {
      const expected = reference[index]?.questions.map((q) => `${q.id}:${q.items ?? ''}`).join(',');
      const actual = entry.questions.map((q) => `${q.id}:${q.items ?? ''}`).join(',');
      if (expected !== actual) {
        throw new Error(`steps.${locale}[${index}]: question ids differ from nl (${actual} vs ${expected})`);
      }
    });
  }
  return parsed;
}

const validSteps = validateSteps();
const validOutcomes: Record<Locale, OutcomeText> = {
  nl: OutcomeTextSchema.parse(outcomes.nl),
  en: OutcomeTextSchema.parse(outcomes.en),
};

/**
 * Card builders and the answer store both read the step texts from here, so question ids stay
 * identical across languages (they key button values and Redis fields) and a content mistake
 * fails at import instead of when Slack or Teams rejects a card.
 */
export function stepText(locale: Locale, step: StepNumber): StepText {
  const entry = validSteps[locale][step - 1];
  if (!entry) throw new Error(`No text for step ${step} in locale ${locale}`);
  return entry;
}

/**
 * Stap 4's outcome buttons and the evaluation card after "lukt niet" share one validated source,
 * so the labels the facilitator clicks match the wording the method uses in both languages.
 */
export function outcomeText(locale: Locale): OutcomeText {
  return validOutcomes[locale];
}
