import { App, LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../../logger.js';
import { registerActions } from './actions.js';
import { registerCommands } from './commands.js';
import type { SlackContext } from './context.js';
import type { SlackHttpReceiver } from './http-receiver.js';
import { registerMentions } from './mentions.js';

export interface SlackAppOptions {
  botToken: string;
  apiUrl?: string;
  /** Socket Mode (an app-level token) instead of HTTP: lets someone try the bot without a public URL. */
  appToken?: string;
  receiver?: SlackHttpReceiver;
  /** Web API retries; a 429 is rejected rather than pausing the whole client (jobs retry later). */
  retries: number;
}

/** Bolt logs through pino so nothing bypasses the structured, content-free log. */
function boltLogger(logger: Logger): BoltLogger {
  const child = logger.child({ component: 'bolt' });
  return {
    debug: (...m: unknown[]) => child.debug(String(m[0]).slice(0, 200)),
    info: (...m: unknown[]) => child.info(String(m[0]).slice(0, 200)),
    warn: (...m: unknown[]) => child.warn(String(m[0]).slice(0, 200)),
    error: (...m: unknown[]) => child.error(String(m[0]).slice(0, 200)),
    setLevel: () => undefined,
    getLevel: () => LogLevel.INFO,
    setName: () => undefined,
  };
}

/** The real Bolt app with our listeners. `buildCtx` receives the app's WebClient. */
export function createSlackApp(opts: SlackAppOptions, logger: Logger, buildCtx: (app: App) => SlackContext): App {
  const app = new App({
    token: opts.botToken,
    logger: boltLogger(logger),
    ...(opts.appToken ? { socketMode: true, appToken: opts.appToken } : { receiver: opts.receiver }),
    clientOptions: {
      slackApiUrl: opts.apiUrl,
      rejectRateLimitedCalls: true,
      retryConfig: { retries: opts.retries, factor: 2, minTimeout: 200, maxTimeout: 2000 },
    },
  });
  const ctx = buildCtx(app);
  registerCommands(app, ctx);
  registerMentions(app, ctx);
  registerActions(app, ctx);
  app.error(async (err) => {
    logger.error({ code: (err as { code?: string }).code }, 'bolt error');
  });
  return app;
}
