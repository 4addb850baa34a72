import type { DossierModel } from '../app/dossier-ports.js';
import type { Person } from '../domain/collaboration.js';
import type { Locale } from '../domain/poll.js';

/**
 * How a line stands out. open: still to agree (the draft must not hide it); flag: a worksheet
 * signal to discuss; muted: guidance rather than content.
 */
export type Tone = 'open' | 'flag' | 'muted';

/** One line of a block. `mark` is a date note, or 'tension' / 'superseded' for a decision. */
export interface SectionLine {
  label?: string;
  text: string;
  mark?: string;
  tone?: Tone;
}

/**
 * The dossier as neutral sections of text, in the page's language. The HTML page and the
 * Markdown download are two renderings of the same sections, so they never disagree.
 */
export interface Section {
  heading: string;
  intro?: string;
  facts?: { label: string; value: string }[];
  /** Sub-sections: a step's questions, a decision, an earlier answer, an article. */
  blocks?: { heading: string; lines: SectionLine[] }[];
  empty?: string;
}

/** A person's display name as resolved for this page; names are never stored with the collaboration. */
export function nameOf(model: DossierModel, p: Person): string {
  return model.names[p.id] ?? p.name ?? p.id;
}

/** A mean as people of the page's language write it, with one decimal (2,5 in Dutch). */
export function formatMean(locale: Locale, n: number): string {
  return n.toLocaleString(locale === 'nl' ? 'nl-BE' : 'en-GB', { maximumFractionDigits: 1, minimumFractionDigits: 1 });
}
