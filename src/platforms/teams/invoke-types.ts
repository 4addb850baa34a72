import type { TurnContext } from 'botbuilder';
import type { CardView } from '../../app/card-views.js';
import type { AppDeps } from '../../app/deps.js';
import type { Person } from '../../domain/collaboration.js';
import type { Locale, Scope } from '../../domain/poll.js';

export interface Invoke {
  deps: AppDeps;
  ctx: TurnContext;
  scope: Scope;
  user: Person;
  locale: Locale;
  data: Record<string, unknown>;
}

/** What the clicker sees at once: a card (their personal view of it) or a private notice. */
export type InvokeResult = { view: CardView } | { notice: string };
