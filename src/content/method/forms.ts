import type { z } from 'zod';
import type { Locale } from '../../domain/poll.js';
import {
  DIMENSION_IDS,
  DimensionSchema,
  FORM_IDS,
  FormSchema,
  ISSUE_CHECK_IDS,
  IssueCheckSchema,
  parseLocalized,
  requireIds,
  type Dimension,
  type Form,
  type IssueCheck,
} from './schemas.js';

/** Forms of collaboration on the continuum of seed 002, from light to heavy. */
const formsSource: Record<Locale, z.input<typeof FormSchema>[]> = {
  nl: [
    { id: 'overleg', title: 'Overleg', description: 'Jullie wisselen uit rond een duidelijke agenda: wie is wie, wie doet wat, advies vragen.' },
    { id: 'ad_hoc', title: 'Ad-hocsamenwerking', description: 'Jullie werken samen rond één afgebakende activiteit, vaak eenmalig.' },
    { id: 'netwerk', title: 'Netwerk', description: 'Jullie werken voor langere tijd samen, en elke partner engageert zich duidelijk.' },
    { id: 'fusie', title: 'Fusie', description: 'De samenwerking groeit uit tot een nieuwe, gezamenlijke organisatie.' },
  ],
  en: [
    { id: 'overleg', title: 'Consultation', description: 'You exchange around a clear agenda: who is who, who does what, asking for advice.' },
    { id: 'ad_hoc', title: 'Ad hoc collaboration', description: 'You work together on one clearly bounded activity, often a one-off.' },
    { id: 'netwerk', title: 'Network', description: 'You work together for a longer period, and every partner clearly commits.' },
    { id: 'fusie', title: 'Merger', description: 'The collaboration grows into a new, joint organisation.' },
  ],
};

/** The six dimensions of seed 002: the heavier the form, the more partners share on each. */
const dimensionsSource: Record<Locale, z.input<typeof DimensionSchema>[]> = {
  nl: [
    { id: 'belangen', title: 'Gemeenschappelijke belangen', question: 'Hoeveel van jullie belangen zijn echt gedeeld, en hoeveel blijven van elke partner apart?' },
    { id: 'feitelijke_beslissingen', title: 'Feitelijke beslissingen', question: 'Hoeveel beslissen jullie in de praktijk samen over het dagelijkse werk?' },
    { id: 'formele_beslissingen', title: 'Formele beslissingen', question: 'Hoeveel leggen jullie samen officieel vast, in akkoorden, reglementen of een overeenkomst?' },
    { id: 'middelen_macht', title: 'Hulp- en machtsbronnen', question: 'Hoeveel geld, mensen, kennis en invloed brengen jullie samen in?' },
    { id: 'engagement', title: 'Engagement', question: 'Hoe sterk en hoe lang engageert elke partner zich voor de samenwerking?' },
    { id: 'identificatie', title: 'Identificatie', question: 'Hoe sterk voelen de partners zich deel van een gezamenlijk ‘wij’?' },
  ],
  en: [
    { id: 'belangen', title: 'Common interests', question: 'How many of your interests are truly shared, and how many stay with each partner?' },
    { id: 'feitelijke_beslissingen', title: 'De facto decisions', question: 'How much do you decide together in practice about the day-to-day work?' },
    { id: 'formele_beslissingen', title: 'Formal decisions', question: 'How much do you lay down officially together, in agreements, rules or a contract?' },
    { id: 'middelen_macht', title: 'Resources and power', question: 'How much money, people, knowledge and influence do you pool?' },
    { id: 'engagement', title: 'Engagement', question: 'How strongly and for how long does each partner commit to the collaboration?' },
    { id: 'identificatie', title: 'Identification', question: 'How strongly do the partners feel part of a shared ‘we’?' },
  ],
};

/** The issue check of seed 002: a collaboration starts around an issue that passes all three. */
const issueChecksSource: Record<Locale, z.input<typeof IssueCheckSchema>[]> = {
  nl: [
    { id: 'taak', title: 'TAAK', question: 'Hoort dit issue bij de opdracht van je organisatie?' },
    { id: 'ik', title: 'IK', question: 'Voelt je organisatie zich door dit issue aangesproken?' },
    { id: 'wij', title: 'WIJ', question: 'Heb je anderen nodig om dit issue waar te maken, omdat het alleen niet lukt?' },
  ],
  en: [
    { id: 'taak', title: 'TASK', question: 'Does this issue belong to your organisation’s remit?' },
    { id: 'ik', title: 'ME', question: 'Does this issue speak to your organisation?' },
    { id: 'wij', title: 'WE', question: 'Do you need others to make this issue happen, because you cannot do it alone?' },
  ],
};

const parsedForms = parseLocalized('forms', FormSchema, formsSource);
const parsedDimensions = parseLocalized('dimensions', DimensionSchema, dimensionsSource);
const parsedIssueChecks = parseLocalized('issueChecks', IssueCheckSchema, issueChecksSource);
requireIds('forms.nl', parsedForms.nl, FORM_IDS);
requireIds('dimensions.nl', parsedDimensions.nl, DIMENSION_IDS);
requireIds('issueChecks.nl', parsedIssueChecks.nl, ISSUE_CHECK_IDS);

/** overleg, ad hoc, netwerk, fusie: the continuum in order. */
export function forms(locale: Locale): readonly Form[] {
  return parsedForms[locale];
}

/** The six dimensions along which a collaboration sits on the continuum. */
export function dimensions(locale: Locale): readonly Dimension[] {
  return parsedDimensions[locale];
}

/** TAAK, IK, WIJ. */
export function issueChecks(locale: Locale): readonly IssueCheck[] {
  return parsedIssueChecks[locale];
}
