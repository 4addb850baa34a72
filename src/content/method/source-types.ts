import type { z } from 'zod';
import type {
  ArticleSchema,
  AttentionSchema,
  InternalPartnerSchema,
  PartyFieldSchema,
  SchoolStepSchema,
  ThemeSchema,
} from './schemas.js';

/** The shape of seed 000's content in one language, before validation. */
export interface AgreementSource {
  themes: z.input<typeof ThemeSchema>[];
  articles: z.input<typeof ArticleSchema>[];
  internalPartners: z.input<typeof InternalPartnerSchema>[];
  partyFields: z.input<typeof PartyFieldSchema>[];
}

/** The shape of seed 004's content in one language, before validation. */
export interface SchoolSource {
  steps: z.input<typeof SchoolStepSchema>[];
  attention: z.input<typeof AttentionSchema>[];
}
