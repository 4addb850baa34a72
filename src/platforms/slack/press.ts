import type { webApi } from '@slack/bolt';
import type { Locale, Scope } from '../../domain/poll.js';
import type { SlackContext } from './context.js';

/** One press of a button or menu on any card, as every handler in the action table gets it. */
export interface Press {
  ctx: SlackContext;
  scope: Scope;
  userId: string;
  userName?: string;
  value: string;
  /** The rest of the action id after the table's key (`go` in `decision.record.go`). */
  arg: string;
  triggerId?: string;
  channel?: string;
  client: webApi.WebClient;
  locale: () => Promise<Locale>;
  /** `replace`: the private message with the button gives way to this one (a confirmation). */
  respondPrivately: (message: { text: string; blocks?: webApi.KnownBlock[] }, replace?: boolean) => Promise<void>;
}
