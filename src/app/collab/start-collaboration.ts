import { AppError } from '../../domain/errors.js';
import type { Collaboration, Person } from '../../domain/collaboration.js';
import type { Locale, Scope } from '../../domain/poll.js';
import type { AppDeps } from '../deps.js';
import type { CardRef, Place } from '../ports.js';
import { collabMessages } from '../../content/collab-messages.js';

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
 * the thread under the card. If the card cannot be posted, nothing is kept; if its thread cannot
 * be stored, the card is replaced by a notice and nothing is kept either.
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
  const undo = (): Promise<void> => deps.collabs.delete(input.scope, collab.id).catch(() => undefined);
  let root: CardRef;
  try {
    root = await messenger.post(input.place, { kind: 'root', view: { collab, openItems: [] } });
  } catch (err) {
    await undo();
    throw err;
  }
  try {
    await deps.collabs.setRoot(input.scope, collab.id, root, messenger.threadOf(root));
  } catch (err) {
    // The card is out but its thread could not be stored: no command would ever find it, so it
    // says so instead of offering buttons that lead nowhere.
    await messenger.update(root, { kind: 'notice', text: collabMessages(input.locale).notStarted }).catch(() => undefined);
    await undo();
    throw err;
  }
  return collab;
}
