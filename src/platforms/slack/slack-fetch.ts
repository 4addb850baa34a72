import type { webApi } from '@slack/bolt';
import { Agent, request } from 'undici';

type FetchFunction = NonNullable<webApi.WebClientOptions['fetch']>;
type FetchResponse = Awaited<ReturnType<FetchFunction>>;

export interface SlackFetch {
  fetch: FetchFunction;
  /** Ends the kept-alive connections (shutdown). */
  close(): Promise<void>;
}

/**
 * The HTTP transport of our Slack Web API clients (WebClient's `fetch` option).
 *
 * Why not the global fetch: every Web API call is a form-encoded POST with a small JSON answer,
 * and the WHATWG layer (streams, Request and Response objects) around undici cost about three
 * times the CPU of undici's own `request` per call (measured with bench/follow-ups: a Slack call
 * was the largest part of adding a follow-up). WebClient reads only what FetchResponse names, so
 * that is all an answer carries here. Multipart bodies (file uploads) still go through the
 * global fetch, which knows how to encode a FormData.
 */
export function createSlackFetch(): SlackFetch {
  // One pool per client set: connections to Slack are kept alive between calls, as fetch's are.
  const agent = new Agent({ keepAliveTimeout: 30_000 });
  const slackFetch: FetchFunction = async (url, init) => {
    if (init?.body !== undefined && typeof init.body !== 'string') return fetch(url, init);
    const href = String(url);
    const res = await request(href, {
      method: 'POST',
      ...(init?.headers ? { headers: init.headers } : {}),
      ...(init?.body !== undefined ? { body: init.body } : {}),
      ...(init?.signal ? { signal: init.signal } : {}),
      dispatcher: agent,
    });
    const bytes = new Uint8Array(await res.body.arrayBuffer());
    return leanResponse(href, res.statusCode, res.headers, bytes);
  };
  return { fetch: slackFetch, close: () => agent.close() };
}

function leanResponse(url: string, status: number, raw: Record<string, string | string[] | undefined>, bytes: Uint8Array): FetchResponse {
  const headers = new Map<string, string>();
  for (const [name, value] of Object.entries(raw)) if (value !== undefined) headers.set(name.toLowerCase(), Array.isArray(value) ? value.join(', ') : value);
  const text = (): string => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  return {
    ok: status >= 200 && status < 300,
    status,
    // HTTP/1.1 reason phrases are optional and Slack's answers are judged by status and body.
    statusText: '',
    // Redirects are not followed (WebClient asks fetch to refuse them), so this is the URL asked.
    url,
    headers: { get: (name) => headers.get(name.toLowerCase()) ?? null, entries: () => headers.entries() },
    arrayBuffer: async () => bytes.slice().buffer,
    text: async () => text(),
    json: async () => JSON.parse(text()) as unknown,
  };
}
