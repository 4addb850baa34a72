import { AppError } from '../../domain/errors.js';

interface RestErrorShape {
  statusCode?: unknown;
  code?: unknown;
}

/** The connector's HTTP status and error code (e.g. 403 / BotNotInConversationRoster), for logs. */
export function teamsErrorCode(err: unknown): string | undefined {
  if (err instanceof AppError) return err.cause === undefined ? undefined : teamsErrorCode(err.cause);
  const e = (err ?? {}) as RestErrorShape;
  const parts = [typeof e.statusCode === 'number' ? String(e.statusCode) : undefined, typeof e.code === 'string' ? e.code.slice(0, 64) : undefined];
  const code = parts.filter(Boolean).join(':');
  return code === '' ? undefined : code;
}

/**
 * Maps an error of a Bot Framework connector call to a coded AppError: 403 means the bot may not
 * act there any more (removed, blocked), 404 that the message or conversation is gone, 429 that
 * Teams asks us to slow down (botbuilder already retried it). Everything else is unexpected.
 */
export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  const status = (err as RestErrorShape | undefined)?.statusCode;
  const code = teamsErrorCode(err) ?? 'unexpected';
  if (status === 401 || status === 403) return new AppError('app_not_authorized', code, { cause: err });
  if (status === 404) return new AppError('card_gone', code, { cause: err });
  if (status === 429) return new AppError('rate_limited', code, { cause: err });
  return new AppError('unexpected', code, { cause: err });
}
