import type { App, Receiver, ReceiverEvent } from '@slack/bolt';
import type { RouteRequest, RouteResponse } from '../../http/server.js';
import type { Logger } from '../../logger.js';
import { parseSlackBody } from './parse-body.js';
import type { ReplayGuard } from './replay-guard.js';
import { verifySlackSignature } from './verify-request.js';

type RawRequest = Pick<RouteRequest, 'headers' | 'body'>;
type RawResponse = RouteResponse;

// Slack gives up after 3 seconds; answer before that even when no listener acknowledged.
const ACK_DEADLINE_MS = 2800;

const header = (h: RawRequest['headers'], name: string): string | undefined => {
  const v = h[name];
  return Array.isArray(v) ? v[0] : v;
};

/**
 * A Bolt receiver behind our own HTTP server. It verifies the signature (past and future clock
 * skew), refuses replays, parses the body and hands it to the real Bolt app.
 */
export class SlackHttpReceiver implements Receiver {
  private app?: App;

  constructor(
    private readonly signingSecret: string,
    private readonly replayGuard: ReplayGuard,
    private readonly logger: Logger,
    private readonly nowSeconds: () => number = () => Math.floor(Date.now() / 1000),
  ) {}

  init(app: App): void {
    this.app = app;
  }

  async start(): Promise<void> {}
  async stop(): Promise<void> {}

  /** Handles one request to /slack/events. */
  async handle(req: RawRequest): Promise<RawResponse> {
    const verified = verifySlackSignature(
      this.signingSecret,
      { timestamp: header(req.headers, 'x-slack-request-timestamp'), signature: header(req.headers, 'x-slack-signature') },
      req.body,
      this.nowSeconds(),
    );
    if (!verified.ok) {
      this.logger.warn({ reason: verified.reason }, 'slack request refused');
      return { status: 401, body: 'invalid request signature' };
    }
    if (!(await this.replayGuard.firstSeen(verified.signature))) {
      this.logger.warn({ reason: 'replay' }, 'slack request refused');
      return { status: 401, body: 'request already seen' };
    }
    const body = parseSlackBody(req.body, header(req.headers, 'content-type'));
    if (!body) return { status: 400, body: 'unreadable body' };
    if (body.type === 'url_verification' && typeof body.challenge === 'string') {
      return { status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ challenge: body.challenge }) };
    }
    if (body.ssl_check) return { status: 200 };
    return this.dispatch(body, req.headers);
  }

  private dispatch(body: Record<string, unknown>, headers: RawRequest['headers']): Promise<RawResponse> {
    const app = this.app;
    if (!app) return Promise.resolve({ status: 503, body: 'not ready' });
    return new Promise<RawResponse>((resolve) => {
      let answered = false;
      const answer = (r: RawResponse): void => {
        if (answered) return;
        answered = true;
        clearTimeout(timer);
        resolve(r);
      };
      const timer = setTimeout(() => answer({ status: 404, body: 'unhandled' }), ACK_DEADLINE_MS);
      const retryNum = Number(header(headers, 'x-slack-retry-num'));
      const event: ReceiverEvent = {
        body,
        retryNum: Number.isFinite(retryNum) ? retryNum : undefined,
        retryReason: header(headers, 'x-slack-retry-reason'),
        ack: async (response?: unknown) => {
          if (response === undefined || response === '') answer({ status: 200 });
          else if (typeof response === 'string') answer({ status: 200, body: response });
          else answer({ status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify(response) });
        },
      };
      app
        .processEvent(event)
        .catch((err: unknown) => this.logger.error({ err: errName(err) }, 'slack listener failed'))
        .finally(() => answer({ status: 404, body: 'unhandled' }));
    });
  }
}

function errName(err: unknown): string {
  return err instanceof Error ? `${err.name}: ${err.message.slice(0, 200)}` : 'unknown';
}
