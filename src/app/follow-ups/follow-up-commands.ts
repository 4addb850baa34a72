import { DEFAULT_TIME_ZONE } from '../../domain/collaboration.js';
import { isAppError } from '../../domain/errors.js';
import type { Locale } from '../../domain/poll.js';
import { followUpMessages, formatDue } from '../../content/follow-up-messages.js';
import type { AppDeps } from '../deps.js';
import { threadOf, type Actor } from '../collab/steps.js';
import { messengerFor } from '../collab/start-collaboration.js';
import { parseDueDate } from './due-date.js';
import { addFollowUps, followUpsListView, type NewFollowUp } from './manage-follow-ups.js';
import type { FollowUpLine } from '../parse-command.js';
import { localDate } from './nudge-times.js';

/** Typed text shown back in a reply: short, and without Slack's control characters. */
const echo = (typed: string): string => typed.replace(/[<>&`*_~]/g, '').slice(0, 60);

/**
 * `opvolg <wat> @persoon <wanneer>`, one or several (one per line): reads every date in the
 * collaboration's zone (an unclear or past one is asked back, never guessed, and then nothing is
 * added), adds the items and answers privately with the due date, or how many were noted.
 */
export async function followUpCommand(deps: AppDeps, a: Actor, locale: Locale, lines: FollowUpLine[]): Promise<string> {
  const m = followUpMessages(locale);
  const { collab } = await threadOf(deps, a.scope, a.collabId);
  const zone = collab.timeZone ?? DEFAULT_TIME_ZONE;
  const inputs: NewFollowUp[] = [];
  for (const line of lines) {
    const due = parseDueDate(line.when, { locale, now: deps.clock.now(), timeZone: zone });
    if (due.kind === 'unclear') return m.unclearDate(echo(line.when));
    if (due.kind === 'past') return m.pastDate(echo(line.when));
    inputs.push({ text: line.what, owner: line.owner, due: due.date });
  }
  try {
    const items = await addFollowUps(deps, a, inputs);
    if (items.length > 1) return m.addedMany(items.length);
    return m.added(formatDue(locale, items[0]!.due, localDate(deps.clock.now(), zone)));
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
