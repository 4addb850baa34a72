import { createHmac, timingSafeEqual } from 'node:crypto';

/** Slack signs with the request time; requests outside this window (past or future) are refused. */
export const MAX_CLOCK_SKEW_SECONDS = 5 * 60;

export type VerifyResult = { ok: true; signature: string } | { ok: false; reason: 'missing' | 'stale' | 'future' | 'bad_signature' };

/**
 * Checks a request's Slack signature (`v0=` HMAC-SHA256 over `v0:{timestamp}:{raw body}`) and
 * that its timestamp is within five minutes of now in either direction. Bolt alone accepts
 * future timestamps; we do not.
 */
export function verifySlackSignature(
  signingSecret: string,
  headers: { timestamp?: string; signature?: string },
  rawBody: string,
  nowSeconds: number,
): VerifyResult {
  const { timestamp, signature } = headers;
  if (!timestamp || !signature || !/^\d{1,12}$/.test(timestamp)) return { ok: false, reason: 'missing' };
  const ts = Number(timestamp);
  if (ts < nowSeconds - MAX_CLOCK_SKEW_SECONDS) return { ok: false, reason: 'stale' };
  if (ts > nowSeconds + MAX_CLOCK_SKEW_SECONDS) return { ok: false, reason: 'future' };
  const expected = `v0=${createHmac('sha256', signingSecret).update(`v0:${timestamp}:${rawBody}`).digest('hex')}`;
  const a = Buffer.from(expected);
  const b = Buffer.from(signature);
  if (a.length !== b.length || !timingSafeEqual(a, b)) return { ok: false, reason: 'bad_signature' };
  return { ok: true, signature };
}
