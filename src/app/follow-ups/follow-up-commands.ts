import { DEFAULT_TIME_ZONE, type Person } from '../../domain/collaboration.js';
import { isAppError } from '../../domain/errors.js';
import type { Locale } from '../../domain/poll.js';
import { followUpMessages, formatDue } from '../../content/follow-up-messages.js';
import type { AppDeps } from '../deps.js';
import { threadOf, type Actor } from '../collab/steps.js';
import { messengerFor } from '../collab/start-collaboration.js';
import { parseDueDate } from './due-date.js';
import { addFollowUp, followUpsListView } from './manage-follow-ups.js';
import { localDate } from './nudge-times.js';

/** Typed text shown back in a reply: short, and without Slack's control characters. */
const echo = (typed: string): string => typed.replace(/[<>&`*_~]/g, '').slice(0, 60);

/**
 * `opvolg <wat> @persoon <wanneer>`: reads the date in the collaboration's zone (an unclear or past
 * date is asked back, never guessed), adds the item and answers privately with its due date.
 */
export async function followUpCommand(deps: AppDeps, a: Actor, locale: Locale, cmd: { what: string; owner: Person; when: string }): Promise<string> {
  const m = followUpMessages(locale);
  const { collab } = await threadOf(deps, a.scope, a.collabId);
  const zone = collab.timeZone ?? DEFAULT_TIME_ZONE;
  const due = parseDueDate(cmd.when, { locale, now: deps.clock.now(), timeZone: zone });
  if (due.kind === 'unclear') return m.unclearDate(echo(cmd.when));
  if (due.kind === 'past') return m.pastDate(echo(cmd.when));
  try {
    const item = await addFollowUp(deps, a, { text: cmd.what, owner: cmd.owner, due: due.date });
    return m.added(formatDue(locale, item.due, localDate(deps.clock.now(), zone)));
  } catch (err) {
    if (isAppError(err, 'invalid_input')) return m.tooMany;
    throw err;
  }
}

/** `opvolgpunten`: posts the open items, by due date with their owners, in the thread. */
export async function postFollowUpList(deps: AppDeps, a: Actor): Promise<void> {
  const { thread, collab } = await threadOf(deps, a.scope, a.collabId);
  // A card in the thread speaks the collaboration's language, whoever asked.
  const view = await followUpsListView(deps, a.scope, collab, collab.locale);
  await messengerFor(deps, a.scope).post(thread, { kind: 'followups', view });
}
