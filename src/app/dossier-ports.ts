import { z } from 'zod';
import { CollabIdSchema, type AnswerSet, type Collaboration, type Decision, type OpenItem, type Person, type QuestionSheet, type SheetId, type TemperatureRecord, type WorksheetId } from '../domain/collaboration.js';
import { LocaleSchema, ScopeSchema, type Scope, type Locale } from '../domain/poll.js';

/** What a dossier link opens: one collaboration, in one language, until it expires. */
export const DossierLinkSchema = z.object({
  scope: ScopeSchema,
  collabId: CollabIdSchema,
  locale: LocaleSchema,
  expiresAt: z.number().int(),
});
export type DossierLink = z.infer<typeof DossierLinkSchema>;

/** Stored dossier links: a link works while its record exists (revoking deletes it) and until it expires. */
export interface DossierLinkStore {
  put(linkId: string, link: DossierLink): Promise<void>;
  get(linkId: string): Promise<DossierLink | undefined>;
  revoke(scope: Scope, linkIds: string[]): Promise<void>;
}

export interface DossierSettings {
  links: DossierLinkStore;
  /** Base of the links people open, without a trailing slash. */
  publicUrl: string;
  linkMs: number;
  /** The Markdown version of a dossier (posted as a file on Slack). */
  renderMarkdown(model: DossierModel): string;
}

/** Everything a dossier page shows: fields, people, answers, temperatures, decisions, open items. */
export interface DossierModel {
  locale: Locale;
  collab: Collaboration;
  /** Display names by person id, resolved when the page is made (never stored). */
  names: Record<string, string>;
  /** Every sheet (step or reminder) in order, with its questions and current answers. */
  sheets: { sheet: QuestionSheet; title: string; questions: { id: string; label: string; answers: { by: Person; at: number; text: string }[] }[] }[];
  /**
   * The worksheets' current entries (members' sets or shared entries), for every worksheet; the
   * dossier renders them and the draft agreement from them.
   */
  worksheets: Record<WorksheetId, AnswerSet[]>;
  /** Earlier versions of answers, oldest first. */
  history: { sheet: SheetId; set: AnswerSet }[];
  temperatures: TemperatureRecord[];
  decisions: Decision[];
  openItems: OpenItem[];
  generatedAt: number;
}


