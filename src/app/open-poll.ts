import { randomBytes } from 'node:crypto';
import { AppError } from '../domain/errors.js';
import type { Locale, Poll, Scope } from '../domain/poll.js';
import { messages } from '../content/messages.js';
import type { AppDeps } from './deps.js';
import type { CardRef, Place, PollState } from './ports.js';

export interface OpenPollInput {
  scope: Scope;
  place: Place;
  /** The collaboration whose thread the poll is opened in; its result goes into its temperature history. */
  collabId?: string;
  /** Platform user id of the facilitator; stored only as a pseudonym. */
  userId: string;
  locale: Locale;
  question?: string;
  anonymous: boolean;
  hidden: boolean;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Opens a temperature poll and posts its card. The poll is stored (with its expiry job) before
 * the card is posted, so a vote can never reach an unknown poll. If posting fails the poll is
 * removed again; if the card was posted but its location could not be stored, the card is
 * replaced by a notice so nobody votes on a poll whose card can never follow.
 */
export async function openPoll(deps: AppDeps, input: OpenPollInput): Promise<PollState> {
  const messenger = deps.messengers[input.scope.platform];
  if (!messenger) throw new AppError('invalid_input', `no messenger for ${input.scope.platform}`);
  const now = deps.clock.now();
  const voterSalt = randomBytes(16).toString('base64url');
  const poll: Poll = {
    id: deps.newId(),
    scope: input.scope,
    question: input.question ?? messages(input.locale).defaultQuestion,
    anonymous: input.anonymous,
    hidden: input.hidden,
    locale: input.locale,
    facilitatorKey: deps.pseudonyms.facilitator(voterSalt, input.userId),
    status: 'open',
    createdAt: now,
    expiresAt: now + deps.lifetimes.pollMaxMs,
    collabId: input.collabId,
  };
  await deps.store.createPoll({ poll, voterSalt });
  const undo = async (): Promise<void> => {
    await deps.store.deletePoll(poll.scope, poll.id).catch(() => undefined);
    await deps.jobs.cancelExpiry(poll.scope, poll.id).catch(() => undefined);
  };
  try {
    await deps.jobs.scheduleExpiry(poll.scope, poll.id, poll.expiresAt - now);
  } catch (err) {
    await undo();
    throw err;
  }
  const state: PollState = { poll, tally: { counts: { veel: 0, gemixt: 0, weinig: 0 }, voters: 0 }, named: [] };
  let posted: CardRef;
  try {
    posted = await messenger.post(input.place, { kind: 'poll', state });
  } catch (err) {
    await undo();
    throw err;
  }
  try {
    await deps.store.setLocation(poll.scope, poll.id, posted);
  } catch (err) {
    await messenger.update(posted, { kind: 'notice', text: messages(poll.locale).pollNotStarted }).catch(() => undefined);
    await undo();
    throw err;
  }
  return { ...state, location: posted };
}

/** Days as milliseconds, for the lifetimes read from the configuration. */
export const days = (n: number): number => n * DAY_MS;

const ID_BYTES = 12;
/** Ids per call to the random source: one call costs more than the bytes (crypto.randomUUID batches too). */
const IDS_PER_DRAW = 256;
let randomPool = Buffer.alloc(0);
let randomOffset = 0;

/** A random id (polls, collaborations, follow-ups): 16 URL-safe characters (96 bits). */
export function newPollId(): string {
  if (randomOffset + ID_BYTES > randomPool.length) {
    randomPool = randomBytes(ID_BYTES * IDS_PER_DRAW);
    randomOffset = 0;
  }
  const id = randomPool.toString('base64url', randomOffset, randomOffset + ID_BYTES);
  randomOffset += ID_BYTES;
  return id;
}
