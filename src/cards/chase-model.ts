import type { ChaseView } from '../app/card-views.js';
import { followUpFormMessages } from '../content/follow-up-form-messages.js';
import type { Formatting } from './collab-card-models.js';

/** The personal reminder to someone who has not answered a card; every string is final text. */
export interface ChaseCardModel {
  heading: string;
  text: string;
  where: string;
  fallbackText: string;
}

/**
 * `channel` is how the platform points at the thread's channel (Slack: a channel link); empty
 * where it has none, and then the message says where the collaboration runs in words.
 */
export function buildChaseModel(view: ChaseView, f: Formatting, channel: string): ChaseCardModel {
  const m = followUpFormMessages(view.locale).chaseCard;
  const collab = view.collabTitle ? f.text(view.collabTitle) : '';
  const text =
    view.subject.kind === 'sheet'
      ? m.sheet(f.text(view.subject.title), collab)
      : collab
        ? m.pollInCollab(f.text(view.subject.question), collab)
        : m.poll(f.text(view.subject.question));
  return { heading: m.heading, text, where: channel ? m.whereChannel(channel) : m.whereThread, fallbackText: m.fallback };
}
