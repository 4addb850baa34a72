/**
 * Coded application errors. Platforms map these to private, translated messages at the edge;
 * the code is also what logs carry, never the user's text.
 */
export const errorCodes = [
  'poll_not_found',
  'poll_closed',
  'not_facilitator',
  'invalid_input',
  /** The collaboration a card or command names does not exist (any more) in this workspace. */
  'collab_not_found',
  /** A command that needs a collaboration was given where none was started. */
  'no_collab',
  /** Only the facilitator and coordinators may change the collaboration or record a decision. */
  'not_coordinator',
  /** Only the facilitator may do this (stap 4 outcome, forget). */
  'not_collab_facilitator',
  /** The collaboration stopped after stap 4 ("lukt niet"); its steps are closed. */
  'collab_stopped',
  /** The collaboration's root card is still being posted: its thread is not known yet. */
  'collab_starting',
  'store_unavailable',
  'bot_not_in_channel',
  /** The platform no longer accepts the bot here: a revoked Slack token, a Teams 403. */
  'app_not_authorized',
  /** Slack or Teams asks us to slow down; trying again shortly works. */
  'rate_limited',
  /** The card's message was deleted; there is nothing left to update. */
  'card_gone',
  /** The request comes from a Slack workspace or Teams tenant this deployment does not serve. */
  'wrong_workspace',
  /** A personal message cannot reach this person, whatever we try: they left, or blocked the bot. */
  'person_unreachable',
  /** Only the owner, who added it, the facilitator or a coordinator may change a follow-up. */
  'not_follow_up_owner',
  /** The follow-up a button or command names is gone (deleted with its collaboration). */
  'follow_up_not_found',
  /** Anything we did not foresee; the user gets a reference that is also in the log. */
  'unexpected',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message?: string,
    options?: { cause?: unknown },
  ) {
    super(message ?? code, options);
    this.name = 'AppError';
  }
}

/** True when `err` is an {@link AppError}, optionally with the given code. */
export function isAppError(err: unknown, code?: ErrorCode): err is AppError {
  return err instanceof AppError && (code === undefined || err.code === code);
}

/** Failures that stay the same however often they are retried. */
export function isPermanent(code: ErrorCode): boolean {
  return code === 'app_not_authorized' || code === 'person_unreachable' || code === 'follow_up_not_found' || code === 'card_gone' || code === 'bot_not_in_channel' || code === 'poll_not_found' || code === 'collab_not_found';
}
