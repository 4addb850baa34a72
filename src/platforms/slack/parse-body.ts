import { z } from 'zod';

/** Slack sends commands and interactions form-encoded (interactions as a JSON `payload` field) and events as JSON. */
export function parseSlackBody(rawBody: string, contentType: string | undefined): Record<string, unknown> | undefined {
  try {
    if (contentType?.startsWith('application/json')) {
      const parsed: unknown = JSON.parse(rawBody);
      return z.record(z.string(), z.unknown()).parse(parsed);
    }
    if (contentType?.startsWith('application/x-www-form-urlencoded')) {
      const form = Object.fromEntries(new URLSearchParams(rawBody));
      if (typeof form.payload === 'string') {
        return z.record(z.string(), z.unknown()).parse(JSON.parse(form.payload));
      }
      return form;
    }
  } catch {
    return undefined;
  }
  return undefined;
}
