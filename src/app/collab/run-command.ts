import type { Person, Step } from '../../domain/collaboration.js';
import type { Locale, Scope } from '../../domain/poll.js';
import { collabMessages } from '../../content/collab-messages.js';
import { messages } from '../../content/messages.js';
import type { CardView } from '../card-views.js';
import { loadCollab } from '../collab-views.js';
import type { AppDeps } from '../deps.js';
import { openPoll } from '../open-poll.js';
import type { ParsedCommand } from '../parse-command.js';
import type { Place } from '../ports.js';
import { postDecisionCard, postDecisions } from './decide.js';
import { requestDossier } from './dossier.js';
import { findCollaboration, listCollaborations } from './find-collaboration.js';
import { confirmForget } from './forget-collaboration.js';
import { messengerFor, startCollaboration } from './start-collaboration.js';
import { postReminder, postStep } from './steps.js';
import { nextScheduledReminder, scheduleReminders, setTimeZone, stopReminders } from './reminder-schedule.js';
import { postWorksheet } from './worksheets.js';
import { worksheetMessages } from '../../content/worksheets/messages.js';
import { timeZoneMessages } from '../../content/time-zone-messages.js';
import { DEFAULT_TIME_ZONE } from '../../domain/collaboration.js';
import { isAppError } from '../../domain/errors.js';
import { formatMoment, formatRhythm } from '../../content/schedule-text.js';
import { followUpMessages } from '../../content/follow-up-messages.js';
import { followUpCommand, postFollowUpList } from '../follow-ups/follow-up-commands.js';
import { syncLeads } from '../follow-ups/leads.js';
import { overviewView, rememberOverviewCard, showOverview } from '../follow-ups/overview.js';

export interface CommandInput {
  scope: Scope;
  place: Place;
  user: Person;
  /** The caller's language, for private replies. */
  locale: Locale;
  command: ParsedCommand;
  /** The command as typed (after the bot's name), repeated when the caller picks a collaboration. */
  text: string;
  /** Set when the caller already picked the collaboration (a "which one?" answer). */
  collabId?: string;
  /**
   * Whether the reply reaches the caller alone (Slack's ephemeral messages, Teams invoke
   * responses). Where it does not (a Teams message), private things such as the dossier link are
   * offered behind a button whose answer is private.
   */
  privateReply: boolean;
  /** The caller's own one-to-one chat with the bot (Teams' personal scope). */
  personalChat?: boolean;
}

/** What the caller gets back privately; cards in the thread are posted by the use case itself. */
export type CommandReply = { kind: 'none' } | { kind: 'text'; text: string } | { kind: 'card'; view: CardView };

const text = (t: string): CommandReply => ({ kind: 'text', text: t });

/** A fresh private dossier link for the caller, as a card with a button that opens it. */
export async function dossierLinkView(deps: AppDeps, actor: { scope: Scope; collabId: string; user: Person }, locale: Locale): Promise<CardView> {
  const m = collabMessages(locale);
  const { url, filePosted } = await requestDossier(deps, actor, locale);
  return { kind: 'link', text: m.dossierLink(url, deps.dossier.linkMs, filePosted), button: m.openDossier, url };
}

/**
 * `mijn` / `mine`: the caller's overview, privately. In a personal chat it is posted as a card that
 * later changes update; in a shared channel, where everyone would read it, the caller is sent there.
 */
async function mine(deps: AppDeps, input: CommandInput): Promise<CommandReply> {
  const { scope, user, locale } = input;
  if (input.personalChat) {
    const view = await overviewView(deps, scope, user, locale);
    const card = await messengerFor(deps, scope).post(input.place, { kind: 'followups', view });
    await rememberOverviewCard(deps, scope, user, locale, card);
    return { kind: 'none' };
  }
  if (!input.privateReply) return text(followUpMessages(locale).mineInPersonalChat);
  return { kind: 'card', view: { kind: 'followups', view: await showOverview(deps, scope, user, locale) } };
}

/**
 * Runs one command typed to the bot (slash command, mention or chat message) on either platform.
 * Commands about a collaboration apply to the thread's, else the channel's only one; with several
 * the caller is asked which one.
 */
export async function runCommand(deps: AppDeps, input: CommandInput): Promise<CommandReply> {
  const { command: cmd, scope, place, user, locale } = input;
  switch (cmd.kind) {
    case 'help':
      return text(messages(locale).help);
    case 'unknown':
      return text(messages(locale).unknownCommand(cmd.word));
    case 'start': {
      if (!cmd.title) return text(messages(locale).startNeedsTitle);
      const channel = messengerFor(deps, scope).channelOf(place);
      const collab = await startCollaboration(deps, { scope, place: channel, starter: user, locale, title: cmd.title });
      // The digest is a convenience: a collaboration that started stays started without it, and the
      // next change of its coordinators schedules it again.
      await syncLeads(deps, scope, undefined, collab).catch(() => undefined);
      return { kind: 'none' };
    }
    case 'list':
      return { kind: 'card', view: { kind: 'list', view: await listCollaborations(deps, scope, place, locale) } };
    case 'poll': {
      // A poll in a collaboration's thread belongs to it; elsewhere it stands alone.
      const collabId = place.thread ? await deps.collabs.findByThread(scope, place.thread) : undefined;
      const state = await openPoll(deps, { scope, place, userId: user.id, locale, question: cmd.question, anonymous: cmd.anonymous, hidden: cmd.hidden, collabId });
      if (collabId) await deps.collabs.addPoll(scope, collabId, state.poll.id);
      return { kind: 'none' };
    }
    case 'follow-up-usage':
      return text(followUpMessages(locale).usage);
    case 'mine':
      return mine(deps, input);
    case 'register': {
      // The register belongs to the workspace, not to one collaboration: it works anywhere.
      if (!cmd.name) return text(worksheetMessages(locale).registerNeedsName);
      const entries = await deps.register.search(scope, cmd.name);
      if (entries.length === 0) return text(worksheetMessages(locale).registerNone(cmd.name));
      return { kind: 'card', view: { kind: 'register', locale, name: cmd.name, entries } };
    }
    default:
      break;
  }
  let collabId = input.collabId;
  if (!collabId) {
    const found = await findCollaboration(deps, scope, place);
    if (found.kind === 'choose') return { kind: 'card', view: { kind: 'choose', locale, command: input.text, options: found.options } };
    collabId = found.collabId;
  }
  const actor = { scope, collabId, user };
  switch (cmd.kind) {
    case 'step': {
      const step: Step = cmd.step ?? (await loadCollab(deps, scope, collabId)).collab.step;
      await postStep(deps, actor, step);
      return { kind: 'none' };
    }
    case 'reminder': {
      // With a rhythm set, `reminder` alone says when the next one comes instead of posting one now.
      if (cmd.n === undefined) {
        const { collab } = await loadCollab(deps, scope, collabId);
        const scheduled = await nextScheduledReminder(deps, actor, collab);
        if (scheduled) return text(collabMessages(locale).reminderNext(formatRhythm(locale, scheduled.rhythm), formatMoment(locale, scheduled.at, collab.timeZone)));
      }
      await postReminder(deps, actor, cmd.n);
      return { kind: 'none' };
    }
    case 'reminder-schedule': {
      const at = await scheduleReminders(deps, actor, cmd.rhythm);
      const { collab } = await loadCollab(deps, scope, collabId);
      return text(collabMessages(locale).reminderScheduled(formatRhythm(locale, cmd.rhythm), formatMoment(locale, at, collab.timeZone)));
    }
    case 'reminder-stop':
      await stopReminders(deps, actor);
      return text(collabMessages(locale).reminderStopped);
    case 'decide':
      await postDecisionCard(deps, actor);
      return { kind: 'none' };
    case 'decisions':
      await postDecisions(deps, actor);
      return { kind: 'none' };
    case 'dossier': {
      const m = collabMessages(locale);
      if (!input.privateReply) return { kind: 'card', view: { kind: 'offer', text: m.dossierOffer, button: m.dossierButton, verb: 'collab.dossier', value: collabId } };
      return { kind: 'card', view: await dossierLinkView(deps, actor, locale) };
    }
    case 'forget':
      return { kind: 'card', view: await confirmForget(deps, actor, locale) };
    case 'worksheet':
      await postWorksheet(deps, actor, cmd.sheet);
      return { kind: 'none' };
    case 'follow-up':
      return text(await followUpCommand(deps, actor, locale, cmd.items));
    case 'follow-ups':
      await postFollowUpList(deps, actor);
      return { kind: 'none' };
    case 'time-zone': {
      const t = timeZoneMessages(locale);
      if (!cmd.zone) return text(t.current((await loadCollab(deps, scope, collabId)).collab.timeZone ?? DEFAULT_TIME_ZONE));
      // An unknown zone is the caller's typo: say so privately instead of failing.
      const zone = await setTimeZone(deps, actor, cmd.zone).catch((err: unknown) => {
        if (isAppError(err, 'invalid_input')) return undefined;
        throw err;
      });
      return text(zone ? t.set(zone) : t.unknown(cmd.zone.replace(/[^A-Za-z0-9_/+-]/g, '').slice(0, 64)));
    }
  }
}
