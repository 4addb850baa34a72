/**
 * Coded application errors. Platforms map these to private, translated messages at the edge;
 * the code is also what logs carry, never the user's text.
 */
export const errorCodes = [
  'poll_not_found',
  'poll_closed',
  'not_facilitator',
  'invalid_option',
  'invalid_input',
  'store_unavailable',
  'not_in_conversation',
  'bot_not_in_channel',
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
