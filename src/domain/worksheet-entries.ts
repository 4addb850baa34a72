import type { AnswerSet } from './collaboration.js';

/** Entries in the order (partner ids start with their creation time, see newPartnerId) a card and the dossier list them: partners as they were added, the rest by last change. */
export function listOrder(entries: AnswerSet[]): AnswerSet[] {
  return [...entries].sort((a, b) => (a.item && b.item && a.item.startsWith('p') && b.item.startsWith('p') ? a.item.localeCompare(b.item) : a.at - b.at));
}

