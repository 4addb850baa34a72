/**
 * The method content of seeds 000, 002, 003 and 004 (see shared METHOD.md): typed data in nl and
 * en, validated with zod once at import. Card builders read it only through these accessors.
 */
export { reminder, reminders } from './reminders.js';
export { condition, conditions } from './conditions.js';
export { dimensions, forms, issueChecks } from './forms.js';
export { agreementThemes, articles, internalPartners, partyFields } from './agreements.js';
export { schoolAttention, schoolEvaluation, schoolSteps } from './schools.js';
export {
  ARTICLE_COUNT,
  ATTENTION_IDS,
  CONDITION_IDS,
  DIMENSION_IDS,
  FORM_IDS,
  INTERNAL_PARTNER_IDS,
  ISSUE_CHECK_IDS,
  PARTY_FIELD_IDS,
  REMINDER_COUNT,
  SCHOOL_STEP_COUNT,
  THEME_IDS,
  type AgreementTheme,
  type Article,
  type AttentionId,
  type AttentionPoint,
  type Condition,
  type ConditionId,
  type Dimension,
  type DimensionId,
  type Form,
  type FormId,
  type InternalPartner,
  type InternalPartnerId,
  type IssueCheck,
  type IssueCheckId,
  type PartyField,
  type PartyFieldId,
  type Point,
  type Reminder,
  type ReminderQuestion,
  type SchoolStep,
  type ThemeId,
} from './schemas.js';
