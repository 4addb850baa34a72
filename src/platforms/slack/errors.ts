import { AppError, type ErrorCode } from '../../domain/errors.js';

// Web API error codes, grouped by what they mean for the user and for retries.
const GROUPS: [ErrorCode, string[]][] = [
  ['bot_not_in_channel', ['not_in_channel', 'channel_not_found', 'is_archived']],
  ['app_not_authorized', ['token_revoked', 'invalid_auth', 'account_inactive', 'not_authed', 'token_expired', 'missing_scope', 'no_permission', 'team_access_not_granted', 'ekm_access_denied']],
  ['person_unreachable', ['user_not_found', 'user_disabled', 'cannot_dm_bot', 'user_not_visible', 'messages_tab_disabled']],
  ['card_gone', ['message_not_found', 'cant_update_message']],
  ['rate_limited', ['ratelimited', 'rate_limited']],
];
const CODE_OF = new Map(GROUPS.flatMap(([code, names]) => names.map((n) => [n, code] as const)));

/** The Web API's own error code (`not_in_channel`, `token_revoked`, ...) or the client's error kind. */
export function slackErrorCode(err: unknown): string | undefined {
  if (err instanceof AppError) return err.cause === undefined ? undefined : slackErrorCode(err.cause);
  const e = err as { code?: unknown; data?: { error?: unknown } } | undefined;
  if (typeof e?.data?.error === 'string') return e.data.error.slice(0, 64);
  return typeof e?.code === 'string' ? e.code.slice(0, 64) : undefined;
}

/**
 * Maps any error at the Slack edge to a coded AppError: ours pass through, the Web API's are
 * grouped by meaning, and everything else is `unexpected` (the user gets a reference, not a
 * false "try again").
 */
export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  const platform = slackErrorCode(err);
  if (platform === 'slack_webapi_rate_limited_error') return new AppError('rate_limited', platform, { cause: err });
  const code = platform ? CODE_OF.get(platform) : undefined;
  return new AppError(code ?? 'unexpected', platform ?? 'unexpected', { cause: err });
}
