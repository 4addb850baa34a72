import type { AppDeps } from '../../app/deps.js';
import type { Locale } from '../../domain/poll.js';
import type { Logger } from '../../logger.js';
import type { RedisKvStore } from '../../store/kv-store.js';
import { reportFailure } from '../failures.js';
import { slackErrorCode, toAppError } from './errors.js';
import type { SlackLocales } from './locale.js';
import type { SlackWorkspace } from './workspace.js';

/** What the Slack listeners share; built once when the app is created. */
export interface SlackContext {
  deps: AppDeps;
  kv: RedisKvStore;
  locales: SlackLocales;
  workspace: SlackWorkspace;
  logger: Logger;
}

/** Logs a failed request by code (never its text) and returns the private message for the user. */
export function failureText(ctx: SlackContext, where: string, err: unknown, locale: Locale): string {
  return reportFailure(ctx.logger, `slack.${where}`, toAppError(err), locale, slackErrorCode(err));
}
