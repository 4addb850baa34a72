import type { PollDeps } from '../../app/deps.js';
import { AppError, isAppError, type ErrorCode } from '../../domain/errors.js';
import type { Locale } from '../../domain/poll.js';
import { messages } from '../../content/messages.js';
import type { Logger } from '../../logger.js';
import type { RedisKvStore } from '../../store/kv-store.js';
import type { SlackLocales } from './locale.js';

/** What the Slack listeners share; built once when the app is created. */
export interface SlackContext {
  deps: PollDeps;
  kv: RedisKvStore;
  locales: SlackLocales;
  logger: Logger;
}

// Web API errors that mean the bot cannot post in that channel: tell the user how to fix it.
const NOT_IN_CHANNEL = new Set(['not_in_channel', 'channel_not_found', 'is_archived']);

/**
 * Maps any error to a coded AppError: ours pass through, Slack's "not in channel" becomes
 * bot_not_in_channel, everything else becomes store_unavailable (a polite "try again").
 */
export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  const code = (err as { data?: { error?: unknown } } | undefined)?.data?.error;
  if (typeof code === 'string' && NOT_IN_CHANNEL.has(code)) return new AppError('bot_not_in_channel', code, { cause: err });
  return new AppError('store_unavailable', 'unexpected', { cause: err });
}

/** The private message a user sees for an error, in their language. */
export function errorText(err: unknown, locale: Locale): string {
  const code: ErrorCode = isAppError(err) ? err.code : toAppError(err).code;
  return messages(locale).errors[code];
}

/** Logs an error by code only: no payloads, no user text. */
export function logFailure(logger: Logger, where: string, err: unknown): void {
  const appErr = toAppError(err);
  const cause = appErr.cause instanceof Error ? appErr.cause.name : undefined;
  const level = appErr.code === 'store_unavailable' ? 'error' : 'info';
  logger[level]({ where, code: appErr.code, cause }, 'slack request not completed');
}
