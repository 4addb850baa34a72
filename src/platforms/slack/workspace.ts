import type { webApi } from '@slack/bolt';
import { AppError } from '../../domain/errors.js';
import type { Scope } from '../../domain/poll.js';

export interface WorkspaceIdentity {
  teamId: string;
  botUserId?: string;
  botId?: string;
}

/**
 * The one Slack workspace this deployment serves, resolved once with auth.test (and again after
 * a failure, so a Slack outage at start-up does not stick).
 */
export class SlackWorkspace {
  private identity?: Promise<WorkspaceIdentity>;
  private known?: WorkspaceIdentity;

  constructor(private readonly client: webApi.WebClient) {}

  resolve(): Promise<WorkspaceIdentity> {
    this.identity ??= this.client.auth.test().then(
      (res) => {
        if (typeof res.team_id !== 'string' || res.team_id === '') throw new AppError('app_not_authorized', 'auth.test gave no team');
        this.known = { teamId: res.team_id, botUserId: res.user_id, botId: res.bot_id };
        return this.known;
      },
      (err: unknown) => {
        this.identity = undefined;
        throw err;
      },
    );
    return this.identity;
  }

  /** The team id if it was resolved before, without a call. */
  get knownTeamId(): string | undefined {
    return this.known?.teamId;
  }
}

interface PayloadShape {
  team_id?: unknown;
  team?: { id?: unknown } | null;
  type?: unknown;
  event?: { type?: unknown };
}

/** The workspace a payload says it comes from: commands and event envelopes carry team_id, interactions team.id. */
export function claimedTeam(body: unknown): string | undefined {
  const b = (typeof body === 'object' && body !== null ? body : {}) as PayloadShape;
  const team = typeof b.team_id === 'string' ? b.team_id : b.team?.id;
  return typeof team === 'string' && team.length > 0 && team.length <= 64 ? team : undefined;
}

/** Events by which Slack tells us the app is gone; they must get through even with a revoked token. */
export function isUninstallEvent(body: unknown): boolean {
  const b = (typeof body === 'object' && body !== null ? body : {}) as PayloadShape;
  return b.type === 'event_callback' && (b.event?.type === 'app_uninstalled' || b.event?.type === 'tokens_revoked');
}

/**
 * The one function that decides the scope of a Slack payload: the workspace resolved with
 * auth.test, provided the payload claims that same workspace. Anything else is refused with
 * wrong_workspace (or invalid_input when the payload names none).
 */
export async function slackScope(body: unknown, workspace: SlackWorkspace): Promise<Scope> {
  const claimed = claimedTeam(body);
  if (!claimed) throw new AppError('invalid_input', 'payload names no workspace');
  if (isUninstallEvent(body) && (workspace.knownTeamId ?? claimed) === claimed) {
    // A revoked token cannot answer auth.test; Slack's signature vouches for the envelope.
    return { platform: 'slack', tenant: claimed };
  }
  const { teamId } = await workspace.resolve();
  if (claimed !== teamId) throw new AppError('wrong_workspace');
  return { platform: 'slack', tenant: teamId };
}
