/** A JSON object (not an array or a scalar); the handlers validate the fields they use with zod. */
function asObject(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/**
 * Slack sends commands and interactions form-encoded (interactions as a JSON `payload` field) and
 * events as JSON. Returns undefined for anything else or anything unreadable.
 */
export function parseSlackBody(rawBody: string, contentType: string | undefined): Record<string, unknown> | undefined {
  try {
    if (contentType?.startsWith('application/json')) return asObject(JSON.parse(rawBody));
    if (contentType?.startsWith('application/x-www-form-urlencoded')) {
      const form = Object.fromEntries(new URLSearchParams(rawBody));
      return typeof form.payload === 'string' ? asObject(JSON.parse(form.payload)) : form;
    }
  } catch {
    return undefined;
  }
  return undefined;
}
