import { z } from 'zod';
import type { Scope } from '../domain/poll.js';

export const REGISTER_TEXT_MAX = 2000;

/**
 * One evaluation in a workspace's register of external organisations (seed 004, step 6): the
 * organisation and what helped and hindered. No people: only the organisation's name and the texts.
 */
export const RegisterEntrySchema = z.object({
  organisation: z.string().min(1).max(150),
  helped: z.string().max(REGISTER_TEXT_MAX),
  hindered: z.string().max(REGISTER_TEXT_MAX),
  at: z.number().int(),
});
export type RegisterEntry = z.infer<typeof RegisterEntrySchema>;

/**
 * The register of one workspace or tenant. Entries are keyed by the collaboration they come from:
 * its latest evaluation replaces the earlier one, and forgetting the collaboration removes it.
 */
export interface RegisterStore {
  put(scope: Scope, collabId: string, entry: RegisterEntry): Promise<void>;
  remove(scope: Scope, collabId: string): Promise<void>;
  /** Entries whose organisation contains `query` (case and accents ignored), newest first. */
  search(scope: Scope, query: string): Promise<RegisterEntry[]>;
}
