import type { Locale } from '../../domain/poll.js';
import { agreementsEn } from './agreements-en.js';
import { agreementsNl } from './agreements-nl.js';
import {
  ARTICLE_COUNT,
  ArticleSchema,
  INTERNAL_PARTNER_IDS,
  InternalPartnerSchema,
  PARTY_FIELD_IDS,
  PartyFieldSchema,
  parseLocalized,
  requireIds,
  THEME_IDS,
  ThemeSchema,
  type AgreementTheme,
  type Article,
  type InternalPartner,
  type PartyField,
} from './schemas.js';

const source = { nl: agreementsNl, en: agreementsEn };

const parsedThemes = parseLocalized('agreementThemes', ThemeSchema, { nl: source.nl.themes, en: source.en.themes });
const parsedArticles = parseLocalized(
  'articles',
  ArticleSchema,
  { nl: source.nl.articles, en: source.en.articles },
  // The structure of the draft is the same in both languages; only the words differ.
  (a) => `${a.id}#${a.articleNumber ?? '-'}[${a.themes.join(',')}]${a.commonGoal ? '+goal' : ''}${a.partyData ? '+parties' : ''}`,
);
const parsedPartners = parseLocalized('internalPartners', InternalPartnerSchema, {
  nl: source.nl.internalPartners,
  en: source.en.internalPartners,
});
const parsedPartyFields = parseLocalized('partyFields', PartyFieldSchema, { nl: source.nl.partyFields, en: source.en.partyFields });

requireIds('agreementThemes.nl', parsedThemes.nl, THEME_IDS);
requireIds('articles.nl', parsedArticles.nl, Array.from({ length: ARTICLE_COUNT }, (_, i) => `a${i + 1}`));
requireIds('internalPartners.nl', parsedPartners.nl, INTERNAL_PARTNER_IDS);
requireIds('partyFields.nl', parsedPartyFields.nl, PARTY_FIELD_IDS);

/** The draft must be coherent: one article for the goal (article 1), one for the parties, numbers in order, every theme placed. */
function checkArticles(list: readonly Article[]): void {
  const goal = list.filter((a) => a.commonGoal);
  if (goal.length !== 1 || goal[0]?.articleNumber !== 1) {
    throw new Error('articles: exactly one article carries the common goal, and it is article 1');
  }
  if (list.filter((a) => a.partyData).length !== 1) throw new Error('articles: exactly one article lists the parties');
  const numbers = list.flatMap((a) => (a.articleNumber === null ? [] : [a.articleNumber]));
  if (numbers.some((n, i) => n !== i + 1)) throw new Error(`articles: numbers must run 1..n in order, found ${numbers.join(',')}`);
  const placed = new Set(list.flatMap((a) => a.themes));
  const unplaced = THEME_IDS.filter((t) => !placed.has(t));
  if (unplaced.length > 0) throw new Error(`articles: themes without an article: ${unplaced.join(',')}`);
}
checkArticles(parsedArticles.nl);

/** The eleven themes to agree on (seed 000), each tracked with a status, a responsible partner and a timing. */
export function agreementThemes(locale: Locale): readonly AgreementTheme[] {
  return parsedThemes[locale];
}

/**
 * The fourteen usual parts of an agreement (seed 000) in order. The parties open the draft without
 * a number; the object, which holds the common goal, is article 1.
 */
export function articles(locale: Locale): readonly Article[] {
  return parsedArticles[locale];
}

/** The eleven internal services to involve. */
export function internalPartners(locale: Locale): readonly InternalPartner[] {
  return parsedPartners[locale];
}

/** The official data an agreement needs for each party. */
export function partyFields(locale: Locale): readonly PartyField[] {
  return parsedPartyFields[locale];
}
