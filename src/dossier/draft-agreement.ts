import type { DossierModel } from '../app/dossier-ports.js';
import { dossierMessages, type DossierMessages } from '../content/dossier-messages.js';
import { articles, partyFields, type Article, type PartyFieldId } from '../content/method/index.js';
import type { Locale } from '../domain/poll.js';
import type { Section, SectionLine } from './section.js';
import { partnerRows, themeStates, type PartnerRow, type ThemeState } from './worksheet-data.js';

/**
 * The draft agreement follows the method's fourteen articles. It is generated, never edited here:
 * whatever the group has not agreed yet is marked open, so nobody mistakes the draft for a text
 * ready to sign.
 */

/** The official data a party still lacks (its name is required, so never among them). */
const OFFICIAL: readonly Exclude<PartyFieldId, 'naam'>[] = ['rechtsvorm', 'zetel', 'ondernemingsnummer', 'ondertekenaar', 'functie'];

interface DraftArticle {
  article: Article;
  themes: ThemeState[];
}

function draftArticles(model: DossierModel): DraftArticle[] {
  const states = themeStates(model);
  return articles(model.locale).map((article) => ({
    article,
    themes: article.themes.flatMap((id) => states.filter((t) => t.id === id)),
  }));
}

function heading(d: DossierMessages, a: Article): string {
  return a.articleNumber === null ? a.title : d.article(a.articleNumber, a.title);
}

function fieldLabel(locale: Locale, d: DossierMessages, id: PartyFieldId): string {
  // The content's label for the signatory is a question for the form; the draft needs a noun.
  if (id === 'ondertekenaar') return d.signatory;
  return partyFields(locale).find((f) => f.id === id)?.label ?? id;
}

function partyLines(locale: Locale, d: DossierMessages, p: PartnerRow): SectionLine[] {
  const v = p.values;
  const name = v.naam ?? p.id;
  const official = (['rechtsvorm', 'zetel', 'ondernemingsnummer'] as const).flatMap((id) => (v[id] ? [`${fieldLabel(locale, d, id)}: ${v[id]}`] : []));
  const parts = [
    ...official,
    ...(v.vertegenwoordiger ? [`${d.representative}: ${v.vertegenwoordiger}`] : []),
    ...(v.ondertekenaar ? [`${d.signatory}: ${v.ondertekenaar}${v.functie ? `, ${v.functie}` : ''}`] : []),
  ];
  const missing = OFFICIAL.filter((id) => !v[id]).map((id) => fieldLabel(locale, d, id));
  return [
    parts.length ? { label: name, text: parts.join(' · ') } : { text: name },
    ...(missing.length ? [{ text: d.missingData(name, missing.join(', ')), tone: 'open' as const }] : []),
  ];
}

function themeLines(d: DossierMessages, t: ThemeState): SectionLine[] {
  const head: SectionLine =
    t.status === 'afgesproken'
      ? t.tekst
        ? { label: t.title, text: t.tekst }
        : { label: t.title, text: d.agreedNoText, tone: 'muted' }
      : t.status === 'nvt'
        ? { label: t.title, text: d.notApplicable, tone: 'muted' }
        : { label: t.title, text: t.status === 'besproken' ? d.discussedMark : d.openMark, tone: 'open' };
  return [
    head,
    ...(t.open && t.tekst ? [{ label: d.draftText, text: t.tekst }] : []),
    ...(t.wie ? [{ label: d.responsible, text: t.wie }] : []),
    ...(t.timing ? [{ label: d.timing, text: t.timing }] : []),
  ];
}

function articleLines(model: DossierModel, d: DossierMessages, { article, themes }: DraftArticle): SectionLine[] {
  if (article.partyData) {
    const partners = partnerRows(model);
    return partners.length ? partners.flatMap((p) => partyLines(model.locale, d, p)) : [{ text: d.noParties, tone: 'open' }];
  }
  const goal: SectionLine[] = article.commonGoal
    ? [model.collab.issue ? { label: d.commonGoal, text: model.collab.issue } : { text: d.noCommonGoal, tone: 'open' }]
    : [];
  const agreed = themes.flatMap((t) => themeLines(d, t));
  // An article no theme feeds (annexes) gets the method's guidance, set apart from content.
  const guidance: SectionLine[] = goal.length + agreed.length === 0 ? [{ label: d.guidance, text: article.hint, tone: 'muted' }] : [];
  return [...goal, ...agreed, ...guidance];
}

/** The draft agreement as one dossier section: one block per article, open themes marked. */
export function draftAgreementSection(model: DossierModel): Section {
  const d = dossierMessages(model.locale);
  return {
    heading: d.draftHeading,
    intro: d.draftIntro,
    blocks: draftArticles(model).map((a) => ({ heading: heading(d, a.article), lines: articleLines(model, d, a) })),
  };
}

/** The draft agreement for the JSON download: per article its parties, goal, themes or guidance. */
export function draftAgreementJson(model: DossierModel): Record<string, unknown> {
  const d = dossierMessages(model.locale);
  return {
    note: d.draftIntro,
    articles: draftArticles(model).map(({ article, themes }) => ({
      id: article.id,
      number: article.articleNumber,
      title: article.title,
      ...(article.partyData
        ? {
            parties: partnerRows(model).map((p) => ({
              ...Object.fromEntries((['naam', ...OFFICIAL] as const).map((id) => [id, p.values[id] ?? null])),
              vertegenwoordiger: p.values.vertegenwoordiger ?? null,
              missing: OFFICIAL.filter((id) => !p.values[id]),
            })),
          }
        : {}),
      ...(article.commonGoal ? { commonGoal: model.collab.issue || null } : {}),
      themes: themes.map((t) => ({ theme: t.id, title: t.title, status: t.status, open: t.open, wie: t.wie ?? null, timing: t.timing ?? null, tekst: t.tekst ?? null })),
      guidance: article.themes.length === 0 && !article.partyData && !article.commonGoal ? article.hint : null,
    })),
  };
}
