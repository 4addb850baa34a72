import { syncLeads } from '../follow-ups/leads.js';
import { z } from 'zod';
import { AppError } from '../../domain/errors.js';
import { COORDINATORS_MAX, FormSchema, ISSUE_MAX, PersonSchema, TITLE_MAX, type Collaboration } from '../../domain/collaboration.js';
import { LocaleSchema } from '../../domain/poll.js';
import { collabMessages } from '../../content/collab-messages.js';
import type { AppDeps } from '../deps.js';
import { loadCollab } from '../collab-views.js';
import { refreshCollabCard } from '../refresh-live-card.js';
import type { Actor } from './steps.js';

/** What the root card's edit form sends; absent fields stay as they are, null clears. */
export const CollabPatchSchema = z.object({
  title: z.string().optional(),
  issue: z.string().optional(),
  form: FormSchema.nullable().optional(),
  opvolger: PersonSchema.nullable().optional(),
  coordinators: z.array(PersonSchema).optional(),
  locale: LocaleSchema.optional(),
});
export type CollabPatch = z.infer<typeof CollabPatchSchema>;

/** Field errors of the edit form in the collaboration's language; empty when it can be saved. */
export function patchErrors(locale: 'nl' | 'en', patch: CollabPatch): Record<string, string> {
  const m = collabMessages(locale);
  const errors: Record<string, string> = {};
  if (patch.title !== undefined) {
    if (patch.title.trim() === '') errors.title = m.required;
    else if (patch.title.length > TITLE_MAX) errors.title = m.tooLong(TITLE_MAX);
  }
  if (patch.issue !== undefined && patch.issue.length > ISSUE_MAX) errors.issue = m.tooLong(ISSUE_MAX);
  if (patch.coordinators && patch.coordinators.length > COORDINATORS_MAX) errors.coordinators = m.tooLong(COORDINATORS_MAX);
  return errors;
}

/** Only the facilitator edits the collaboration's fields and sets its people. */
export async function requireFacilitator(deps: AppDeps, a: Actor): Promise<Collaboration> {
  const { collab } = await loadCollab(deps, a.scope, a.collabId);
  if (collab.facilitator.id !== a.user.id) throw new AppError('not_collab_facilitator');
  return collab;
}

/** Applies the facilitator's changes from the edit form; the root card follows. */
export async function editCollaboration(deps: AppDeps, a: Actor, patch: CollabPatch): Promise<Collaboration> {
  const current = await requireFacilitator(deps, a);
  if (Object.keys(patchErrors(current.locale, patch)).length > 0) throw new AppError('invalid_input', 'edit form');
  const updated = await deps.collabs.update(a.scope, a.collabId, (c) => {
    const next: Collaboration = { ...c };
    if (patch.title !== undefined) next.title = patch.title.trim();
    if (patch.issue !== undefined) next.issue = patch.issue.trim();
    if (patch.form !== undefined) next.form = patch.form ?? undefined;
    if (patch.opvolger !== undefined) next.opvolger = patch.opvolger ?? undefined;
    if (patch.coordinators !== undefined) next.coordinators = dedupe(patch.coordinators);
    if (patch.locale !== undefined) next.locale = patch.locale;
    return next;
  });
  await refreshCollabCard(deps, a.scope, a.collabId, 'root');
  await syncLeads(deps, a.scope, current, updated);
  return updated;
}

function dedupe<T extends { id: string }>(people: T[]): T[] {
  const seen = new Set<string>();
  return people.filter((p) => !seen.has(p.id) && seen.add(p.id));
}
