import { App, LogLevel, webApi, type AckFn, type AnyMiddlewareArgs, type Logger as BoltLogger, type RespondFn } from '@slack/bolt';
import type { Logger } from '../../logger.js';
import { registerActions } from './actions.js';
import { registerCommands } from './commands.js';
import { failureText, type SlackContext } from './context.js';
import type { SlackHttpReceiver } from './http-receiver.js';
import { registerMentions } from './mentions.js';
import { registerViews } from './views.js';
import { registerFollowUpViews } from './follow-up-actions.js';
import { registerWelcome } from './welcome.js';
import { registerHome } from './home.js';
import { registerUninstall } from './uninstall.js';
import { SlackWorkspace, slackScope } from './workspace.js';
import { createSlackFetch, type SlackFetch } from './slack-fetch.js';

export interface SlackAppOptions {
  botToken: string;
  apiUrl?: string;
  /** Socket Mode (an app-level token) instead of HTTP: lets someone try the bot without a public URL. */
  appToken?: string;
  receiver?: SlackHttpReceiver;
  /** Web API retries; a 429 is rejected rather than pausing the whole client (jobs retry later). */
  retries: number;
}

/**
 * Bolt and the Web API client log through pino. Their debug lines carry request and response
 * bodies (user ids, message text), so debug is dropped; other lines keep their first line up to
 * the first JSON, so no payload reaches the log.
 */
function boltLogger(logger: Logger): BoltLogger {
  const child = logger.child({ component: 'bolt' });
  const line = (m: unknown[]): string =>
    typeof m[0] === 'string' ? ((m[0].split('\n')[0] ?? '').split(/[{[]/)[0] ?? '').slice(0, 120).trim() : `[${typeof m[0]}]`;
  return {
    debug: () => undefined,
    info: (...m: unknown[]) => child.info(line(m)),
    warn: (...m: unknown[]) => child.warn(line(m)),
    error: (...m: unknown[]) => child.error(line(m)),
    setLevel: () => undefined,
    getLevel: () => LogLevel.INFO,
    setName: () => undefined,
  };
}

export interface SlackParts {
  app: App;
  /** The Web API client for posting and updating cards outside a request. */
  client: webApi.WebClient;
  workspace: SlackWorkspace;
  /** Ends the Web API clients' kept-alive connections (shutdown). */
  closeTransport(): Promise<void>;
}

/** How every Web API client of ours talks to Slack: our transport, few quick retries, no debug logs. */
export function slackClientOptions(opts: Pick<SlackAppOptions, 'apiUrl' | 'retries'>, logger: Logger, transport: SlackFetch): webApi.WebClientOptions {
  return {
    slackApiUrl: opts.apiUrl,
    fetch: transport.fetch,
    rejectRateLimitedCalls: true,
    retryConfig: { retries: opts.retries, factor: 2, minTimeout: 200, maxTimeout: 2000 },
    logger: boltLogger(logger),
  };
}

/** The real Bolt app with our listeners, behind a guard that refuses payloads of other workspaces. */
export function createSlackApp(opts: SlackAppOptions, logger: Logger, buildCtx: (workspace: SlackWorkspace) => SlackContext): SlackParts {
  const transport = createSlackFetch();
  const clientOptions = slackClientOptions(opts, logger, transport);
  const client = new webApi.WebClient(opts.botToken, clientOptions);
  const workspace = new SlackWorkspace(client);
  const app = new App({
    // Our own authorize instead of `token`: Bolt would call auth.test in its constructor, and a
    // revoked token would then end the process instead of reaching the app_uninstalled listener.
    authorize: async () => {
      const id = await workspace.resolve().catch(() => undefined);
      return { botToken: opts.botToken, botUserId: id?.botUserId, botId: id?.botId, teamId: id?.teamId };
    },
    logger: boltLogger(logger),
    ...(opts.appToken ? { socketMode: true, appToken: opts.appToken } : { receiver: opts.receiver }),
    clientOptions,
  });
  const ctx = buildCtx(workspace);
  app.use(async (args) => {
    try {
      await slackScope(args.body, workspace);
    } catch (err) {
      await refuse(ctx, args, err);
      return;
    }
    await args.next();
  });
  registerCommands(app, ctx);
  registerMentions(app, ctx);
  registerActions(app, ctx);
  registerViews(app, ctx);
  registerFollowUpViews(app, ctx);
  registerWelcome(app, ctx);
  registerHome(app, ctx);
  registerUninstall(app, ctx);
  app.error(async (err) => {
    logger.error({ code: (err as { code?: string }).code, errorClass: err.name }, 'bolt error');
  });
  return { app, client, workspace, closeTransport: transport.close };
}

/** Answers a refused payload privately where Slack lets us (commands and buttons); events are dropped. */
async function refuse(ctx: SlackContext, args: AnyMiddlewareArgs, err: unknown): Promise<void> {
  const text = failureText(ctx, 'guard', err, 'nl');
  const { ack, respond } = args as { ack?: AckFn<unknown>; respond?: RespondFn };
  const isCommand = (args.body as { command?: unknown }).command !== undefined;
  if (ack) await ack(isCommand ? { response_type: 'ephemeral', text } : undefined);
  if (!isCommand && respond) await respond({ response_type: 'ephemeral', replace_original: false, text }).catch(() => undefined);
}
