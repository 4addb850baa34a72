import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Logger } from '../logger.js';

export interface RouteRequest {
  method: string;
  /** The request path without its query (routes registered with a trailing '/' get every path below). */
  path: string;
  /** The raw query string without its '?' ('' when there is none). */
  query: string;
  headers: IncomingMessage['headers'];
  body: string;
}
export interface RouteResponse {
  status: number;
  headers?: Record<string, string>;
  /** Bytes (a Buffer is one) for answers that are not text, such as the queue dashboard's images and fonts. */
  body?: string | Uint8Array;
}
/**
 * A route answers every request itself: bad input gets a 4xx from the route. A route that
 * throws has hit a real server fault, and only that becomes a 500.
 */
export type Route = (req: RouteRequest) => Promise<RouteResponse>;

/** Slack and Teams payloads are small; anything bigger is refused before parsing. */
export const MAX_BODY_BYTES = 1024 * 1024;
/**
 * An oversized body is still read to its end (and thrown away) up to this size, so the client
 * gets its 413 instead of a connection reset while it is still sending; beyond it we hang up.
 */
const DRAIN_MAX_BYTES = 16 * MAX_BODY_BYTES;

class TooLarge extends Error {}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > DRAIN_MAX_BYTES) {
      req.destroy();
      reject(new TooLarge());
      return;
    }
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > DRAIN_MAX_BYTES) req.destroy();
      else if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => (size > MAX_BODY_BYTES ? reject(new TooLarge()) : resolve(Buffer.concat(chunks).toString('utf8'))));
    req.on('error', reject);
    req.on('close', () => {
      if (size > DRAIN_MAX_BYTES) reject(new TooLarge());
    });
  });
}

function send(res: ServerResponse, r: RouteResponse): void {
  res.writeHead(r.status, { 'content-type': 'text/plain; charset=utf-8', ...r.headers });
  res.end(r.body ?? '');
}

/**
 * The one HTTP server: /slack/events, /api/messages, /healthz and (with ADMIN_PASSWORD) /admin/queues. Routes get the raw body
 * (Slack's signature is over the exact bytes) and never see a partial request.
 */
export function createHttpServer(routes: Record<string, Route>, logger: Logger): Server {
  return createServer((req, res) => {
    const url = req.url ?? '/';
    const queryAt = url.indexOf('?');
    const path = queryAt < 0 ? url : url.slice(0, queryAt);
    const query = queryAt < 0 ? '' : url.slice(queryAt + 1);
    // Prefix routes end in '/'. Logs name the route, never the path: a dossier path is a credential.
    const key = routes[path] ? path : Object.keys(routes).find((k) => k.endsWith('/') && path.startsWith(k));
    const route = key ? routes[key] : undefined;
    if (!route) {
      req.resume();
      return send(res, { status: 404, body: 'not found' });
    }
    const method = req.method ?? 'GET';
    readBody(req)
      .then((body) => route({ method, path, query, headers: req.headers, body }))
      .then((r) => send(res, r))
      .catch((err: unknown) => {
        if (err instanceof TooLarge) {
          if (!res.headersSent && !res.destroyed) send(res, { status: 413, body: 'payload too large' });
          return;
        }
        logger.error({ route: key, errorClass: err instanceof Error ? err.name : typeof err }, 'request failed');
        if (!res.headersSent) send(res, { status: 500, body: 'internal error' });
      });
  });
}
