import { percentages, prevailingTemperature, resultsVisible, temperatures, type Temperature } from '../domain/poll.js';
import { messages } from '../content/messages.js';
import { followUpFormMessages } from '../content/follow-up-form-messages.js';
import type { PollState } from '../app/ports.js';

const BAR_WIDTH = 10;
const DAY_MS = 24 * 60 * 60 * 1000;
const NAMES_SHOWN = 20;

/** One option row of a poll card. The model is built by our own code, never parsed from outside. */
export interface PollCardOption {
  choice: Temperature;
  label: string;
  buttonLabel: string;
  bar: string;
  /** "2 (67%)": precomputed so templates hold plain field references, which expand fastest. */
  tallyText: string;
  /** Adaptive Card text weight: the viewer's own choice stands out in their personal view. */
  weight: 'Bolder' | 'Default';
  /** Names of voters for named polls; empty for anonymous ones. */
  names: string;
  /** Slack action id and Teams data for this option's button. */
  actionId: string;
}

/** The neutral view model of a poll card, expanded into both the Slack and the Teams template. */
export interface PollCardModel {
  pollId: string;
  title: string;
  question: string;
  closed: boolean;
  /** False while a hidden poll is open: the option rows (counts, bars, names) are left out. */
  showCounts: boolean;
  options: PollCardOption[];
  votersText: string;
  modeNote: string;
  closeLabel: string;
  closeActionId: string;
  /** The facilitator's "remind those who have not voted" button (shown to all, refused to others). */
  chaseLabel: string;
  chaseActionId: string;
  result: string;
  tieRule: string;
  /** Why the poll closed, when it was not its facilitator (it reached its maximum age); else empty. */
  closedNote: string;
  /** Shown only in the card returned to one person (Teams invoke response). */
  personal: string;
  notice: string;
  /** Plain-text summary for notifications and screen readers. */
  fallbackText: string;
}

export const voteActionId = (choice: Temperature): string => `poll_vote_${choice}`;
export const CLOSE_ACTION_ID = 'poll_close';
export const CHASE_ACTION_ID = 'chase.poll';

function bar(percent: number): string {
  const filled = Math.min(BAR_WIDTH, Math.max(0, Math.round((percent / 100) * BAR_WIDTH)));
  return '█'.repeat(filled) + '░'.repeat(BAR_WIDTH - filled);
}

export interface PersonalView {
  ownVote?: Temperature;
  notice?: string;
}

/** Builds the card's view model from a poll's state, optionally personalised for one viewer. */
export function buildPollCardModel(state: PollState, personal: PersonalView = {}): PollCardModel {
  const { poll, tally } = state;
  const m = messages(poll.locale);
  const pct = percentages(tally);
  const closed = poll.status === 'closed';
  const prevailing = prevailingTemperature(tally.counts);
  const showCounts = resultsVisible(poll);
  const options = temperatures.map((choice) => {
    const names = state.named.filter((v) => v.choice === choice).map((v) => v.name);
    const shown = names.slice(0, NAMES_SHOWN).join(', ') + (names.length > NAMES_SHOWN ? ` +${names.length - NAMES_SHOWN}` : '');
    return {
      choice,
      label: m.temperature[choice],
      buttonLabel: m.optionButton[choice],
      // Hidden counts are left out of the model itself, not just out of the template.
      bar: showCounts ? bar(pct[choice]) : '',
      tallyText: showCounts ? `${tally.counts[choice]} (${pct[choice]}%)` : '',
      weight: personal.ownVote === choice ? ('Bolder' as const) : ('Default' as const),
      names: poll.anonymous || !showCounts ? '' : shown,
      actionId: voteActionId(choice),
    };
  });
  const result = closed ? (prevailing ? m.prevailing(m.temperature[prevailing]) : m.noVotes) : '';
  const modeNote = [poll.anonymous ? m.anonymousNote : m.namedNote, poll.hidden && !closed ? m.hiddenNote : ''].filter(Boolean).join(' ');
  return {
    pollId: poll.id,
    title: closed ? m.closedTitle : m.pollTitle,
    question: poll.question,
    closed,
    showCounts,
    options,
    votersText: m.voters(tally.voters),
    modeNote,
    closeLabel: m.closeButton,
    closeActionId: CLOSE_ACTION_ID,
    chaseLabel: followUpFormMessages(poll.locale).chaseButton,
    chaseActionId: CHASE_ACTION_ID,
    result,
    tieRule: m.tieRule,
    closedNote: closed && poll.closedReason === 'expired' ? m.closedByExpiry(Math.round((poll.expiresAt - poll.createdAt) / DAY_MS)) : '',
    personal: personal.ownVote && !closed ? m.yourVote(m.temperature[personal.ownVote]) : '',
    notice: personal.notice ?? '',
    fallbackText: [closed ? m.closedTitle : m.pollTitle, poll.question, result || m.voters(tally.voters)]
      .filter(Boolean)
      .join(' · '),
  };
}
