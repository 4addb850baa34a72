import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Logger } from '../logger.js';

export interface RouteRequest {
  method: string;
  headers: IncomingMessage['headers'];
  body: string;
}
export interface RouteResponse {
  status: number;
  headers?: Record<string, string>;
  body?: string;
}
export type Route = (req: RouteRequest) => Promise<RouteResponse>;

/** Slack and Teams payloads are small; anything bigger is refused before parsing. */
export const MAX_BODY_BYTES = 1024 * 1024;

class TooLarge extends Error {}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new TooLarge());
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, r: RouteResponse): void {
  res.writeHead(r.status, { 'content-type': 'text/plain; charset=utf-8', ...r.headers });
  res.end(r.body ?? '');
}

/**
 * The one HTTP server: /slack/events, /api/messages and /healthz. Routes get the raw body
 * (Slack's signature is over the exact bytes) and never see a partial request.
 */
export function createHttpServer(routes: Record<string, Route>, logger: Logger): Server {
  return createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const route = routes[path];
    if (!route) return send(res, { status: 404, body: 'not found' });
    const method = req.method ?? 'GET';
    readBody(req)
      .then((body) => route({ method, headers: req.headers, body }))
      .then((r) => send(res, r))
      .catch((err: unknown) => {
        if (err instanceof TooLarge) return send(res, { status: 413, body: 'payload too large' });
        logger.error({ path, err: err instanceof Error ? err.name : 'unknown' }, 'request failed');
        if (!res.headersSent) send(res, { status: 500, body: 'internal error' });
      });
  });
}
