/**
 * A lean fake of the Slack Web API for the follow-up run. test/support/fake-slack.ts keeps every
 * call with its parsed arguments and headers and scans them for conversations.history; at 200,000
 * calls that costs hundreds of MB and grows quadratically. This one keeps counters, and for personal
 * messages (nudges) the arrival times per metadata marker, which is what the run checks.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readBody } from './load.js';

export interface LeanSlack {
  /** Base URL for the WebClient (`SLACK_API_URL`), ending in `/api/`. */
  readonly apiUrl: string;
  readonly teamId: string;
  /** Calls per Web API method. */
  counts(): Record<string, number>;
  /** `Date.now()` of every personal message carrying a marker, by marker (length > 1: sent twice). */
  readonly personal: Map<string, number[]>;
  /** Resolves once `n` distinct markers have arrived, or after `timeoutMs` (then false). */
  waitForMarkers(n: number, timeoutMs: number): Promise<boolean>;
  resetCounts(): void;
  close(): Promise<void>;
}

/** What the Slack messenger writes into a personal message's metadata (slack-messenger.ts). */
const PERSONAL_EVENT = 'werktsamen_nudge';
/** The product's users get a real zone, so the owner's 9:00 comes from users.info as on Slack. */
export const FAKE_USER_TZ = 'Europe/Brussels';

function markerOf(form: URLSearchParams): string | undefined {
  const raw = form.get('metadata');
  if (!raw) return undefined;
  try {
    const m = JSON.parse(raw) as { event_type?: string; event_payload?: { marker?: unknown } };
    return m.event_type === PERSONAL_EVENT && typeof m.event_payload?.marker === 'string' ? m.event_payload.marker : undefined;
  } catch {
    return undefined;
  }
}

export async function startLeanSlack(teamId: string): Promise<LeanSlack> {
  const counts = new Map<string, number>();
  const personal = new Map<string, number[]>();
  /** Markers posted per direct channel, for conversations.history after a worker crash. */
  const byChannel = new Map<string, string[]>();
  let ts = 0;
  let waiter: { n: number; resolve: (ok: boolean) => void } | undefined;

  const answer = (method: string, form: URLSearchParams, at: number): Record<string, unknown> => {
    const channel = form.get('channel') ?? '';
    switch (method) {
      case 'auth.test':
        return { ok: true, team_id: teamId, user_id: 'UBOT', bot_id: 'BBOT', team: 'Bench', user: 'werktsamen' };
      case 'users.info': {
        const id = form.get('user') ?? '';
        return { ok: true, user: { id, team_id: teamId, name: `user-${id}`, tz: FAKE_USER_TZ, is_bot: false, profile: {} } };
      }
      case 'conversations.open':
        return { ok: true, channel: { id: `D${form.get('users') ?? ''}`, is_im: true } };
      case 'conversations.history': {
        const messages = (byChannel.get(channel) ?? []).map((marker) => ({ type: 'message', metadata: { event_type: PERSONAL_EVENT, event_payload: { marker } } }));
        return { ok: true, messages, has_more: false };
      }
      case 'chat.postMessage': {
        ts += 1;
        const marker = markerOf(form);
        if (marker !== undefined) {
          const times = personal.get(marker) ?? [];
          times.push(at);
          personal.set(marker, times);
          const mine = byChannel.get(channel) ?? [];
          mine.push(marker);
          byChannel.set(channel, mine);
          if (waiter && personal.size >= waiter.n) {
            waiter.resolve(true);
            waiter = undefined;
          }
        }
        return { ok: true, channel, ts: `1700000000.${String(ts).padStart(6, '0')}` };
      }
      default:
        return { ok: true };
    }
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    // Stamped on arrival, before the body is read: lateness is when Slack got the request.
    const at = Date.now();
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const body = await readBody(req);
    if (req.method !== 'POST' || !path.startsWith('/api/')) {
      res.writeHead(404).end();
      return;
    }
    const method = path.slice('/api/'.length);
    counts.set(method, (counts.get(method) ?? 0) + 1);
    res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' }).end(JSON.stringify(answer(method, new URLSearchParams(body), at)));
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    apiUrl: `http://127.0.0.1:${port}/api/`,
    teamId,
    counts: () => Object.fromEntries(counts),
    personal,
    waitForMarkers(n, timeoutMs) {
      if (personal.size >= n) return Promise.resolve(true);
      return new Promise((resolve) => {
        const timer = setTimeout(() => {
          waiter = undefined;
          resolve(false);
        }, timeoutMs);
        waiter = {
          n,
          resolve: (ok) => {
            clearTimeout(timer);
            resolve(ok);
          },
        };
      });
    },
    resetCounts: () => counts.clear(),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
