import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  MessageFactory,
  type ActivityHandler,
  type ConfigurationBotFrameworkAuthenticationOptions,
} from 'botbuilder';
import { messages } from '../../content/messages.js';
import { serializeBody } from './raw-json.js';
import type { RouteRequest as RawRequest, RouteResponse as RawResponse } from '../../http/server.js';
import type { Logger } from '../../logger.js';

export type TeamsMode =
  | { mode: 'authenticated'; appId: string; appPassword: string; tenantId?: string }
  | { mode: 'local' }
  | { mode: 'disabled' };


/**
 * The CloudAdapter for our mode. With credentials every request needs a valid Bot Framework token;
 * with none (local mode only) requests are accepted unauthenticated.
 */
export function createTeamsAdapter(mode: TeamsMode, logger: Logger): CloudAdapter {
  const options: ConfigurationBotFrameworkAuthenticationOptions =
    mode.mode === 'authenticated'
      ? {
          MicrosoftAppId: mode.appId,
          MicrosoftAppPassword: mode.appPassword,
          MicrosoftAppTenantId: mode.tenantId,
          MicrosoftAppType: mode.tenantId ? 'SingleTenant' : 'MultiTenant',
        }
      : {};
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication(options));
  adapter.onTurnError = async (ctx, err) => {
    logger.error({ err: err instanceof Error ? err.name : 'unknown' }, 'teams turn failed');
    if (ctx.activity.type === 'message') {
      await ctx.sendActivity(MessageFactory.text(messages('nl').errors.store_unavailable)).catch(() => undefined);
    }
  };
  return adapter;
}

/** Handles one request to /api/messages, turning node's raw request into what CloudAdapter expects. */
export async function handleTeamsRequest(
  mode: TeamsMode,
  adapter: CloudAdapter,
  bot: ActivityHandler,
  req: RawRequest,
): Promise<RawResponse> {
  if (mode.mode === 'disabled') {
    // No credentials and no explicit local mode: a deploy that forgot its secrets stays closed.
    return { status: 401, body: 'teams is not configured' };
  }
  let body: unknown;
  try {
    body = JSON.parse(req.body);
  } catch {
    return { status: 400, body: 'unreadable body' };
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return { status: 400, body: 'not an activity' };
  const out: RawResponse = { status: 200, headers: {} };
  const res = {
    socket: undefined,
    status(code: number) {
      out.status = code;
    },
    header(name: string, value: unknown) {
      out.headers![name] = String(value);
    },
    send(payload: unknown) {
      if (payload === undefined) return;
      if (typeof payload === 'string') out.body = payload;
      else {
        out.body = serializeBody(payload);
        out.headers!['content-type'] = 'application/json';
      }
    },
    end() {},
  };
  try {
    await adapter.process({ body: body as Record<string, unknown>, headers: req.headers, method: req.method }, res, (ctx) => bot.run(ctx));
  } catch {
    // CloudAdapter validates the activity with zod before its own try block; a malformed one throws here.
    return { status: 400, body: 'invalid activity' };
  }
  return out;
}
