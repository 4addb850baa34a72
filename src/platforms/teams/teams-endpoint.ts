import type { Activity, ActivityHandler } from 'botbuilder';
import { z } from 'zod';
import type { RouteRequest, RouteResponse } from '../../http/server.js';
import type { Logger } from '../../logger.js';
import type { TeamsMode, WerktSamenAdapter } from './adapter.js';
import { teamsScope, type TeamsPolicy } from './identity.js';
import { serializeBody } from './raw-json.js';

// What any activity must have before the adapter sees it; the handlers validate the rest.
const ActivityEnvelopeSchema = z.looseObject({ type: z.string().min(1).max(64) });

const header = (h: RouteRequest['headers'], name: string): string => {
  const v = h[name];
  return (Array.isArray(v) ? v[0] : v) ?? '';
};

/**
 * Handles one request to /api/messages. Bad input gets a 4xx (unreadable body 400, bad token 401,
 * a channel, tenant or service URL we do not serve 403); only a real fault on our side rejects,
 * which the HTTP server answers with 500.
 */
export async function handleTeamsRequest(
  mode: TeamsMode,
  policy: TeamsPolicy,
  adapter: WerktSamenAdapter,
  bot: ActivityHandler,
  logger: Logger,
  req: RouteRequest,
): Promise<RouteResponse> {
  // No credentials and no explicit local mode: a deploy that forgot its secrets stays closed.
  if (mode.mode === 'disabled') return { status: 401, body: 'teams is not configured' };
  if (req.method !== 'POST') return { status: 405, body: 'method not allowed' };
  let body: unknown;
  try {
    body = JSON.parse(req.body);
  } catch {
    return { status: 400, body: 'unreadable body' };
  }
  if (!ActivityEnvelopeSchema.safeParse(body).success) return { status: 400, body: 'not an activity' };
  const activity = body as Activity;
  const auth = await adapter.authenticate(activity, header(req.headers, 'authorization'));
  if (!auth.ok) {
    logger.warn({ where: 'teams.auth', status: auth.status }, 'teams request refused');
    return { status: auth.status, body: auth.status === 401 ? 'unauthorized' : 'cannot verify the request now' };
  }
  const verdict = teamsScope(activity, policy);
  if (!verdict.ok) {
    logger.warn({ where: 'teams.identity', code: 'wrong_workspace', reason: verdict.reason }, 'teams request refused');
    return { status: 403, body: 'not served here' };
  }
  const invoke = await adapter.run(auth.result, activity, (ctx) => bot.run(ctx));
  if (!invoke) return { status: 200 };
  return invoke.body === undefined
    ? { status: invoke.status }
    : { status: invoke.status, headers: { 'content-type': 'application/json' }, body: serializeBody(invoke.body) };
}
