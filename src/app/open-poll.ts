import { randomBytes } from 'node:crypto';
import { AppError } from '../domain/errors.js';
import type { Locale, Poll, Scope } from '../domain/poll.js';
import { messages } from '../content/messages.js';
import type { PollDeps } from './deps.js';
import type { MessageLocation, PollState } from './ports.js';

export interface OpenPollInput {
  scope: Scope;
  location: MessageLocation;
  openedBy: string;
  locale: Locale;
  question?: string;
  anonymous: boolean;
}

/**
 * Opens a temperature poll and posts its card. The poll is stored before the card is posted so a
 * vote can never reach an unknown poll; if posting fails the poll is removed again.
 */
export async function openPoll(deps: PollDeps, input: OpenPollInput): Promise<PollState> {
  const messenger = deps.messengers[input.scope.platform];
  if (!messenger) throw new AppError('invalid_input', `no messenger for ${input.scope.platform}`);
  const poll: Poll = {
    id: deps.newId(),
    scope: input.scope,
    question: input.question ?? messages(input.locale).defaultQuestion,
    anonymous: input.anonymous,
    locale: input.locale,
    openedBy: input.openedBy,
    status: 'open',
    createdAt: deps.clock.now(),
  };
  await deps.store.createPoll({ poll, voterSalt: randomBytes(16).toString('base64url') });
  const state: PollState = {
    poll,
    tally: { counts: { veel: 0, gemixt: 0, weinig: 0 }, voters: 0 },
    named: [],
  };
  try {
    const posted = await messenger.postPoll(input.location, state);
    await deps.store.setLocation(poll.scope, poll.id, posted);
    return { ...state, location: posted };
  } catch (err) {
    await deps.store.deletePoll(poll.scope, poll.id).catch(() => undefined);
    throw err;
  }
}

/** A random poll id: 16 URL-safe characters (96 bits). */
export function newPollId(): string {
  return randomBytes(12).toString('base64url');
}
