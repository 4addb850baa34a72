/**
 * The load generator: a bounded concurrency pool of pre-built HTTP requests over keep-alive
 * connections, with per-request latency. The default client is node:http with a keep-alive agent:
 * on a small machine the load generator competes with the server for CPU, and node:http costs
 * noticeably less per request than the global fetch (undici's WHATWG layer); `--client fetch` switches.
 */
import { Agent, request as httpRequest, type IncomingMessage } from 'node:http';
import { performance } from 'node:perf_hooks';

/** One pre-built request: everything that costs CPU (bodies, signatures) is done before timing. */
export interface PreparedRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
}

export interface RequestResult {
  status: number;
  /** Time from sending the request until the response body was read, in ms. */
  latencyMs: number;
  /** `Date.now()` when the response was complete (same clock as the fakes' `at`). */
  doneAt: number;
  /** Response body (kept so checks can run after timing); '' on network errors. */
  body: string;
  error?: string;
}

export interface BatchResult {
  results: RequestResult[];
  /** Wall time of the whole batch, first send to last response, in ms. */
  wallMs: number;
  startedAt: number;
  /** `Date.now()` of the last response to arrive. */
  lastDoneAt: number;
}

const REQUEST_TIMEOUT_MS = 10_000;

/** Which HTTP client sends the load: node:http with a keep-alive agent (cheaper) or the global fetch (undici). */
export type ClientKind = 'http' | 'fetch';

/** One keep-alive agent per batch size, so every lane keeps its own connection. */
const agents = new Map<number, Agent>();
function agentFor(concurrency: number): Agent {
  let a = agents.get(concurrency);
  if (!a) {
    a = new Agent({ keepAlive: true, maxSockets: concurrency, maxFreeSockets: concurrency, scheduling: 'lifo' });
    agents.set(concurrency, a);
  }
  return a;
}

function sendWithHttp(req: PreparedRequest, agent: Agent): Promise<RequestResult> {
  const t0 = performance.now();
  return new Promise((resolve) => {
    const fail = (err: Error): void =>
      resolve({ status: 0, latencyMs: performance.now() - t0, doneAt: Date.now(), body: '', error: err.name });
    const r = httpRequest(
      req.url,
      { method: 'POST', agent, headers: { ...req.headers, 'content-length': String(Buffer.byteLength(req.body)) }, timeout: REQUEST_TIMEOUT_MS },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, latencyMs: performance.now() - t0, doneAt: Date.now(), body: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', fail);
      },
    );
    r.on('timeout', () => r.destroy(new Error('timeout')));
    r.on('error', fail);
    r.end(req.body);
  });
}

async function sendWithFetch(req: PreparedRequest): Promise<RequestResult> {
  const t0 = performance.now();
  try {
    const res = await fetch(req.url, {
      method: 'POST',
      headers: req.headers,
      body: req.body,
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const body = await res.text();
    return { status: res.status, latencyMs: performance.now() - t0, doneAt: Date.now(), body };
  } catch (err) {
    return { status: 0, latencyMs: performance.now() - t0, doneAt: Date.now(), body: '', error: err instanceof Error ? err.name : 'unknown' };
  }
}

let clientKind: ClientKind = 'http';
export function setClient(kind: ClientKind): void {
  clientKind = kind;
}

/** Sends every request exactly once with at most `concurrency` in flight. */
export async function runBatch(requests: readonly PreparedRequest[], concurrency: number): Promise<BatchResult> {
  const agent = agentFor(concurrency);
  const sendOne = (req: PreparedRequest): Promise<RequestResult> => (clientKind === 'http' ? sendWithHttp(req, agent) : sendWithFetch(req));
  const results: RequestResult[] = new Array<RequestResult>(requests.length);
  let next = 0;
  const startedAt = Date.now();
  const t0 = performance.now();
  const lane = async (): Promise<void> => {
    // Bounded: each lane takes indexes until all `requests.length` are taken.
    while (next < requests.length) {
      const i = next++;
      results[i] = await sendOne(requests[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, requests.length) }, lane));
  const wallMs = performance.now() - t0;
  return { results, wallMs, startedAt, lastDoneAt: Math.max(...results.map((r) => r.doneAt)) };
}

/** Nearest-rank percentile of `values` (p in 0..100). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1]!;
}

export interface LatencySummary {
  requests: number;
  ok: number;
  failed: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  maxMs: number;
  votesPerSec: number;
  wallMs: number;
}

/** Latency and throughput of a batch; a request counts as ok when it answered 200. */
export function summarize(batch: BatchResult): LatencySummary {
  const lat = batch.results.map((r) => r.latencyMs);
  const ok = batch.results.filter((r) => r.status === 200).length;
  return {
    requests: batch.results.length,
    ok,
    failed: batch.results.length - ok,
    p50Ms: percentile(lat, 50),
    p90Ms: percentile(lat, 90),
    p99Ms: percentile(lat, 99),
    maxMs: Math.max(...lat),
    votesPerSec: batch.results.length / (batch.wallMs / 1000),
    wallMs: batch.wallMs,
  };
}

/** Smallest gap between consecutive timestamps (ms), or undefined with fewer than two. */
export function minGap(times: readonly number[]): number | undefined {
  if (times.length < 2) return undefined;
  const sorted = [...times].sort((a, b) => a - b);
  let min = Number.POSITIVE_INFINITY;
  for (let i = 1; i < sorted.length; i++) min = Math.min(min, sorted[i]! - sorted[i - 1]!);
  return min;
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** A request's whole body as text (the fakes and servers of the benchmark read small bodies). */
export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
