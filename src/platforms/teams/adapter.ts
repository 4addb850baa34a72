import {
  ActivityTypes,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  INVOKE_RESPONSE_KEY,
  MessageFactory,
  type Activity,
  type ConfigurationBotFrameworkAuthenticationOptions,
  type InvokeResponse,
  type TurnContext,
} from 'botbuilder';
import { AppError } from '../../domain/errors.js';
import { toLocale } from '../../content/messages.js';
import { renderTeamsNotice } from '../../cards/render.js';
import type { Logger } from '../../logger.js';
import { reportFailure } from '../failures.js';
import { teamsErrorCode } from './errors.js';

type AuthenticateRequestResult = Awaited<ReturnType<ConfigurationBotFrameworkAuthentication['authenticateRequest']>>;

export type TeamsMode =
  | { mode: 'authenticated'; appId: string; appPassword: string; tenantId?: string }
  | { mode: 'local' }
  | { mode: 'disabled' };

// Errors of token validation itself: the caller's token is bad, so the answer is 401. The SDK's
// AuthenticationError keeps the name "Error" but carries statusCode 401; jsonwebtoken names its own.
const TOKEN_ERRORS = new Set(['JsonWebTokenError', 'TokenExpiredError', 'NotBeforeError']);
const isTokenError = (err: unknown): boolean =>
  err instanceof Error && (TOKEN_ERRORS.has(err.name) || (err as { statusCode?: unknown }).statusCode === 401);

export type AuthOutcome = { ok: true; result: AuthenticateRequestResult } | { ok: false; status: 401 | 503 };

/**
 * CloudAdapter with authentication and the turn as two steps, so the endpoint can tell a bad
 * token (401) from a fault on our side, and check the activity's identity in between.
 */
export class WerktSamenAdapter extends CloudAdapter {
  constructor(private readonly auth: ConfigurationBotFrameworkAuthentication) {
    super(auth);
  }

  async authenticate(activity: Activity, authHeader: string): Promise<AuthOutcome> {
    try {
      return { ok: true, result: await this.auth.authenticateRequest(activity, authHeader) };
    } catch (err) {
      // Anything else (the OpenID metadata cannot be fetched) means we cannot check right now.
      return { ok: false, status: isTokenError(err) ? 401 : 503 };
    }
  }

  /** Runs the turn; rejects only for a real fault (onTurnError itself failed). */
  run(result: AuthenticateRequestResult, activity: Activity, logic: (ctx: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> {
    return this.processActivity(result, activity, logic);
  }
}

/**
 * The adapter for our mode. With credentials every request needs a valid Bot Framework token;
 * with none (local mode only) requests are accepted unauthenticated. A turn that fails in a way
 * nobody foresaw is logged with a reference, and the user gets that reference.
 */
export function createTeamsAdapter(mode: TeamsMode, logger: Logger): WerktSamenAdapter {
  const options: ConfigurationBotFrameworkAuthenticationOptions =
    mode.mode === 'authenticated'
      ? {
          MicrosoftAppId: mode.appId,
          MicrosoftAppPassword: mode.appPassword,
          MicrosoftAppTenantId: mode.tenantId,
          MicrosoftAppType: mode.tenantId ? 'SingleTenant' : 'MultiTenant',
        }
      : {};
  const adapter = new WerktSamenAdapter(new ConfigurationBotFrameworkAuthentication(options));
  adapter.onTurnError = async (ctx, err) => {
    // Handlers answer every failure they foresee themselves; what reaches this point was not foreseen.
    const text = reportFailure(logger, 'teams.turn', new AppError('unexpected', 'turn failed', { cause: err }), toLocale(ctx.activity.locale), teamsErrorCode(err));
    if (ctx.activity.type === ActivityTypes.Invoke) {
      ctx.turnState.set(INVOKE_RESPONSE_KEY, {
        type: ActivityTypes.InvokeResponse,
        value: { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: renderTeamsNotice(text) } },
      });
    } else if (ctx.activity.type === ActivityTypes.Message) {
      await ctx.sendActivity(MessageFactory.text(text)).catch(() => undefined);
    }
  };
  return adapter;
}
