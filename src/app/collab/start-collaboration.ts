import { AppError } from '../../domain/errors.js';
import type { Collaboration, Person } from '../../domain/collaboration.js';
import type { Locale, Scope } from '../../domain/poll.js';
import type { AppDeps } from '../deps.js';
import type { Place } from '../ports.js';

export interface StartInput {
  scope: Scope;
  place: Place;
  starter: Person;
  locale: Locale;
  title: string;
}

/** The messenger of the scope's platform, or invalid_input when this deployment has none. */
export function messengerFor(deps: AppDeps, scope: Scope) {
  const messenger = deps.messengers[scope.platform];
  if (!messenger) throw new AppError('invalid_input', `no messenger for ${scope.platform}`);
  return messenger;
}

/**
 * Opens a collaboration: stores it, posts its root card into the channel or chat and remembers
 * the thread under the card. If the card cannot be posted, nothing is kept.
 */
export async function startCollaboration(deps: AppDeps, input: StartInput): Promise<Collaboration> {
  const messenger = messengerFor(deps, input.scope);
  const collab: Collaboration = {
    id: deps.newId(),
    scope: input.scope,
    title: input.title,
    issue: '',
    locale: input.locale,
    step: 1,
    stage: 'steps',
    facilitator: input.starter,
    coordinators: [],
    createdAt: deps.clock.now(),
  };
  await deps.collabs.create(collab, input.place.channel);
  try {
    const root = await messenger.post(input.place, { kind: 'root', view: { collab, openItems: [] } });
    await deps.collabs.setRoot(input.scope, collab.id, root, messenger.threadOf(root));
  } catch (err) {
    await deps.collabs.delete(input.scope, collab.id).catch(() => undefined);
    throw err;
  }
  return collab;
}

/** Re-renders the root card soon (its refresh is spaced like every live card). */
export async function refreshRoot(deps: AppDeps, scope: Scope, collabId: string): Promise<void> {
  const marked = await deps.collabs.markRefresh(scope, collabId, 'root', deps.refreshTiming);
  if (marked.refreshDelayMs !== undefined) await deps.jobs.scheduleRefresh(scope, { kind: 'collab', collabId, name: 'root' }, marked.refreshDelayMs);
}

