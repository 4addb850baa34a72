import { createHash, timingSafeEqual } from 'node:crypto';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { HonoAdapter } from '@bull-board/hono';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Queue } from 'bullmq';
import { Hono } from 'hono';
import type { Route, RouteRequest, RouteResponse } from './server.js';

/** Where the dashboard lives; its static files are below `/admin/queues/static/`. */
export const DASHBOARD_PATH = '/admin/queues';
const STATIC_PREFIX = `${DASHBOARD_PATH}/static/`;
const REALM = 'Basic realm="WerktSamen queues"';
// The board is read-only, so nothing but reading gets past us (and no other site can make a
// logged-in browser change anything: Basic credentials go along with cross-site requests too).
const READ_METHODS = new Set(['GET', 'HEAD']);
// Only what Bull Board and serveStatic look at; above all not `authorization` or `cookie`.
const FORWARDED_HEADERS = ['accept', 'accept-language', 'range', 'if-modified-since'];

const sha256 = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();

/** The password of an HTTP Basic `authorization` header (any user name), or undefined. */
function basicPassword(header: string | undefined): string | undefined {
  const m = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? '');
  if (!m?.[1]) return undefined;
  const decoded = Buffer.from(m[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? undefined : decoded.slice(colon + 1);
}

/** The Bull Board app, mounted at {@link DASHBOARD_PATH}; it throws its faults to our server. */
function buildBoard(queues: Queue[]): Hono {
  const serverAdapter = new HonoAdapter(serveStatic).setBasePath(DASHBOARD_PATH);
  createBullBoard({
    // Read-only: jobs hold ids only and the worker owns their lifecycle. Retrying, promoting or
    // removing by hand would bypass the refresh lease and pending marks the scheduler keeps.
    queues: queues.map((q) => new BullMQAdapter(q, { readOnlyMode: true })),
    serverAdapter,
    options: { uiConfig: { boardTitle: 'WerktSamen queues' } },
  });
  const rethrow = (err: Error): never => {
    throw err;
  };
  // Without this Hono would answer a fault itself (and console.error it); our server logs the
  // error class only and answers 500.
  const board = serverAdapter.registerPlugin();
  board.onError(rethrow);
  // Not strict: '/admin/queues' and '/admin/queues/' are both the entry page.
  const app = new Hono({ strict: false });
  app.onError(rethrow);
  app.route(DASHBOARD_PATH, board);
  return app;
}

function toFetchRequest(req: RouteRequest): Request {
  const headers = new Headers();
  for (const name of FORWARDED_HEADERS) {
    const value = req.headers[name];
    if (typeof value === 'string') headers.set(name, value);
  }
  // A fixed origin: Bull Board builds no absolute URLs, and the Host header is the client's to forge.
  const url = `http://localhost${req.path}${req.query ? `?${req.query}` : ''}`;
  return new Request(url, { method: req.method, headers });
}

async function fromFetchResponse(res: Response): Promise<RouteResponse> {
  const headers: Record<string, string> = {};
  res.headers.forEach((value, name) => {
    headers[name] = value;
  });
  return { status: res.status, headers, body: Buffer.from(await res.arrayBuffer()) };
}

/**
 * The Bull Board queue dashboard for `queues`, read-only, behind HTTP Basic authentication with
 * `password` (any user name). Register it for both `/admin/queues` and `/admin/queues/` (see
 * {@link adminRoutes}). Answers only GET and HEAD; every answer carries `x-robots-tag: noindex`,
 * and everything but the static files `cache-control: no-store`.
 */
export function queueDashboardRoute(queues: Queue[], password: string): Route {
  const expected = sha256(password);
  const app = buildBoard(queues);
  return async (req) => {
    const given = basicPassword(req.headers.authorization);
    const isStatic = req.path.startsWith(STATIC_PREFIX);
    const common: Record<string, string> = { 'x-robots-tag': 'noindex', ...(isStatic ? {} : { 'cache-control': 'no-store' }) };
    // Digests have equal length whatever was typed, so the comparison takes the same time.
    if (given === undefined || !timingSafeEqual(sha256(given), expected)) {
      return { status: 401, headers: { ...common, 'cache-control': 'no-store', 'www-authenticate': REALM }, body: 'authentication required' };
    }
    if (!READ_METHODS.has(req.method)) {
      return { status: 405, headers: { ...common, allow: 'GET, HEAD' }, body: 'the queue dashboard is read-only' };
    }
    const res = await fromFetchResponse(await app.fetch(toFetchRequest(req)));
    return { ...res, headers: { ...res.headers, ...common } };
  };
}

/**
 * The dashboard's entries for the server's route map: none without a password (so /admin/queues
 * is a plain 404), else the page itself and every path below it.
 */
export function adminRoutes(queues: Queue[], password?: string): Record<string, Route> {
  if (!password) return {};
  const route = queueDashboardRoute(queues, password);
  return { [DASHBOARD_PATH]: route, [`${DASHBOARD_PATH}/`]: route };
}
