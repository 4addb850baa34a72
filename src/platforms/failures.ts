import { randomBytes } from 'node:crypto';
import { errorMessage } from '../content/messages.js';
import type { AppError, ErrorCode } from '../domain/errors.js';
import type { Locale } from '../domain/poll.js';
import type { Logger } from '../logger.js';

const LEVEL: Partial<Record<ErrorCode, 'error' | 'warn'>> = {
  unexpected: 'error',
  store_unavailable: 'error',
  app_not_authorized: 'warn',
  rate_limited: 'warn',
  wrong_workspace: 'warn',
};

/** A short code the user can quote and an operator can find in the log. */
function newReference(): string {
  return randomBytes(4).toString('hex').toUpperCase();
}

/**
 * Logs a failure that the user is told about, by code only: the error class and the platform's
 * own error code, never message text, payloads or tokens. Returns the private message for the
 * user, with the reference of an unexpected failure in it.
 */
export function reportFailure(logger: Logger, where: string, err: AppError, locale: Locale, platformCode?: string): string {
  const reference = err.code === 'unexpected' ? newReference() : undefined;
  const cause = err.cause instanceof Error ? err.cause : undefined;
  logger[LEVEL[err.code] ?? 'info'](
    { where, code: err.code, reference, errorClass: cause?.name ?? err.name, platformCode },
    'request not completed',
  );
  return errorMessage(locale, err.code, reference);
}
