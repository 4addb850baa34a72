/**
 * Builds and signs inbound Slack HTTP requests exactly as Slack sends them, so tests
 * exercise the real signature verification and body parsing of the receiver.
 *
 * Signature scheme (https://api.slack.com/authentication/verifying-requests-from-slack):
 * `v0=` + hex(HMAC-SHA256(signingSecret, `v0:${timestamp}:${rawBody}`)).
 */
import { createHmac, randomBytes } from 'node:crypto';

/** App id placed in every fake payload. */
export const TEST_API_APP_ID = 'A0WERKTSAMEN';
/** Legacy verification token Slack still includes in payloads (Bolt ignores it). */
export const TEST_VERIFICATION_TOKEN = 'legacy-verification-token';
/** Bot user id used in `authorizations` (matches fake-slack's auth.test answer). */
export const TEST_BOT_USER_ID = 'UBOT';

/** A request body plus the Content-Type Slack would send it with. */
export interface SlackRequestBody {
  body: string;
  contentType: string;
}

/** Headers of a signed Slack request. */
export interface SlackSignatureHeaders {
  'X-Slack-Request-Timestamp': string;
  'X-Slack-Signature': string;
}

/** Current time in whole Unix seconds (the unit Slack uses for the timestamp header). */
export function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

/**
 * Signs `rawBody` with `secret` like Slack does.
 * @param timestampSeconds Unix seconds; pass an old value to test replay protection (Bolt rejects > 5 min).
 */
export function signSlackRequest(
  secret: string,
  rawBody: string,
  timestampSeconds: number = nowSeconds(),
): SlackSignatureHeaders {
  const ts = String(timestampSeconds);
  const hex = createHmac('sha256', secret).update(`v0:${ts}:${rawBody}`, 'utf8').digest('hex');
  return { 'X-Slack-Request-Timestamp': ts, 'X-Slack-Signature': `v0=${hex}` };
}

/** Slack trigger ids look like `<ts>.<team-ish number>.<32 hex>`; only uniqueness matters to us. */
function fakeTriggerId(): string {
  return `${nowSeconds()}.${Math.floor(Math.random() * 1e12)}.${randomBytes(16).toString('hex')}`;
}

const FORM = 'application/x-www-form-urlencoded';

/** Fields for {@link slashCommandBody}. */
export interface SlashCommandInput {
  command?: string;
  text: string;
  userId: string;
  teamId: string;
  channelId: string;
  triggerId?: string;
  responseUrl: string;
  userName?: string;
}

/** A slash command POST body (form-encoded, field set as Slack sends it). */
export function slashCommandBody(input: SlashCommandInput): SlackRequestBody {
  const params = new URLSearchParams({
    token: TEST_VERIFICATION_TOKEN,
    team_id: input.teamId,
    team_domain: 'werktsamen-test',
    channel_id: input.channelId,
    channel_name: 'general',
    user_id: input.userId,
    user_name: input.userName ?? 'testuser',
    command: input.command ?? '/werktsamen',
    text: input.text,
    api_app_id: TEST_API_APP_ID,
    is_enterprise_install: 'false',
    response_url: input.responseUrl,
    trigger_id: input.triggerId ?? fakeTriggerId(),
  });
  return { body: params.toString(), contentType: FORM };
}

/** Fields for {@link blockActionsBody}. */
export interface BlockActionsInput {
  actionId: string;
  value: string;
  blockId?: string;
  userId: string;
  teamId: string;
  channelId: string;
  messageTs: string;
  responseUrl: string;
  /** Only present when the app requested it; mirrors the `user.locale` Slack may include. */
  userLocale?: string;
  /** The user's Slack handle as the payload carries it (`user.name`, `user.username`). */
  userName?: string;
}

/** A `block_actions` interaction for a button click, sent as form-encoded `payload=<JSON>`. */
export function blockActionsBody(input: BlockActionsInput): SlackRequestBody {
  const actionTs = `${nowSeconds()}.${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`;
  const payload = {
    type: 'block_actions',
    user: {
      id: input.userId,
      username: input.userName ?? 'testuser',
      name: input.userName ?? 'testuser',
      team_id: input.teamId,
      ...(input.userLocale !== undefined ? { locale: input.userLocale } : {}),
    },
    api_app_id: TEST_API_APP_ID,
    token: TEST_VERIFICATION_TOKEN,
    container: { type: 'message', message_ts: input.messageTs, channel_id: input.channelId, is_ephemeral: false },
    trigger_id: fakeTriggerId(),
    team: { id: input.teamId, domain: 'werktsamen-test' },
    enterprise: null,
    is_enterprise_install: false,
    channel: { id: input.channelId, name: 'general' },
    message: { type: 'message', ts: input.messageTs, text: '', bot_id: 'BBOT', user: TEST_BOT_USER_ID },
    state: { values: {} },
    response_url: input.responseUrl,
    actions: [
      {
        type: 'button',
        action_id: input.actionId,
        block_id: input.blockId ?? 'b1',
        value: input.value,
        text: { type: 'plain_text', text: 'x', emoji: true },
        action_ts: actionTs,
      },
    ],
  };
  return { body: new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), contentType: FORM };
}

/** Fields for {@link appMentionEventBody}. */
export interface AppMentionInput {
  eventId: string;
  teamId: string;
  channelId: string;
  userId: string;
  text: string;
  ts: string;
  threadTs?: string;
}

/** An Events API `event_callback` envelope carrying an `app_mention` event (JSON). */
export function appMentionEventBody(input: AppMentionInput): SlackRequestBody {
  const envelope = {
    token: TEST_VERIFICATION_TOKEN,
    team_id: input.teamId,
    api_app_id: TEST_API_APP_ID,
    event: {
      type: 'app_mention',
      user: input.userId,
      text: input.text,
      ts: input.ts,
      team: input.teamId,
      channel: input.channelId,
      event_ts: input.ts,
      ...(input.threadTs !== undefined ? { thread_ts: input.threadTs } : {}),
    },
    type: 'event_callback',
    event_id: input.eventId,
    event_time: Math.floor(Number(input.ts)) || nowSeconds(),
    authorizations: [
      { enterprise_id: null, team_id: input.teamId, user_id: TEST_BOT_USER_ID, is_bot: true, is_enterprise_install: false },
    ],
    is_ext_shared_channel: false,
    event_context: `4-${randomBytes(8).toString('hex')}`,
  };
  return { body: JSON.stringify(envelope), contentType: 'application/json' };
}

/** The Events API `url_verification` handshake body (JSON). */
export function urlVerificationBody(challenge: string): SlackRequestBody {
  return {
    body: JSON.stringify({ token: TEST_VERIFICATION_TOKEN, challenge, type: 'url_verification' }),
    contentType: 'application/json',
  };
}

/** Status and body text of an HTTP response. */
export interface SimpleResponse {
  status: number;
  text: string;
}

/** POSTs `body` with exactly the given headers (no signing); for malformed/unsigned request tests. */
export async function sendRaw(url: string, body: string, headers: Record<string, string>): Promise<SimpleResponse> {
  const res = await fetch(url, { method: 'POST', headers, body });
  return { status: res.status, text: await res.text() };
}

/** Options for {@link postSigned}. */
export interface PostSignedOptions {
  /** Override the signature timestamp (Unix seconds), e.g. to test replay rejection. */
  timestamp?: number;
  /** Extra headers, e.g. `X-Slack-Retry-Num`; applied last so they can also override. */
  extraHeaders?: Record<string, string>;
}

/** Signs and POSTs a Slack request body to `url` as Slack would. */
export async function postSigned(
  url: string,
  secret: string,
  req: SlackRequestBody,
  opts: PostSignedOptions = {},
): Promise<SimpleResponse> {
  const headers: Record<string, string> = {
    'Content-Type': req.contentType,
    ...signSlackRequest(secret, req.body, opts.timestamp),
    'User-Agent': 'Slackbot 1.0 (+https://api.slack.com/robots)',
    ...opts.extraHeaders,
  };
  return sendRaw(url, req.body, headers);
}

/** Fields for {@link viewSubmissionBody}: a modal's state as Slack sends it on submit. */
export interface ViewSubmissionInput {
  callbackId: string;
  privateMetadata: string;
  /** block id -> the `value` element's state (`{ type, value }`, `{ selected_option }`, ...). */
  values: Record<string, Record<string, unknown>>;
  userId: string;
  teamId: string;
}

/** A `view_submission` interaction (form-encoded `payload=<JSON>`), as sent when a modal is submitted. */
export function viewSubmissionBody(input: ViewSubmissionInput): SlackRequestBody {
  const payload = {
    type: 'view_submission',
    team: { id: input.teamId, domain: 'werktsamen-test' },
    user: { id: input.userId, username: 'testuser', name: 'testuser', team_id: input.teamId },
    api_app_id: TEST_API_APP_ID,
    token: TEST_VERIFICATION_TOKEN,
    trigger_id: fakeTriggerId(),
    view: {
      id: `V${randomBytes(5).toString('hex').toUpperCase()}`,
      team_id: input.teamId,
      type: 'modal',
      callback_id: input.callbackId,
      private_metadata: input.privateMetadata,
      state: { values: Object.fromEntries(Object.entries(input.values).map(([block, state]) => [block, { value: state }])) },
      hash: '1700000000.abcdefgh',
      app_id: TEST_API_APP_ID,
      bot_id: 'BBOT',
    },
    response_urls: [],
    is_enterprise_install: false,
    enterprise: null,
  };
  return { body: new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), contentType: FORM };
}
