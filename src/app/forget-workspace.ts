import type { Scope } from '../domain/poll.js';
import type { AppDeps } from './deps.js';

/**
 * Deletes everything stored for a workspace or tenant, and its queued jobs: what happens when a
 * Slack workspace uninstalls the app, and what an operator runs for a deletion request.
 * Returns the number of keys deleted.
 */
export async function forgetWorkspace(deps: AppDeps, scope: Scope): Promise<number> {
  await deps.jobs.cancelScope(scope);
  return deps.store.deleteScope(scope);
}
