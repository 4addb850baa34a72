import type { FollowUpsView } from '../app/card-views.js';
import { followUpMessages, formatDue } from '../content/follow-up-messages.js';
import { isOverdue } from '../domain/follow-up.js';
import type { Formatting } from './collab-card-models.js';

/** What the follow-ups templates read; every string is final text for the platform. */
export interface FollowUpCardModel {
  heading: string;
  intro: string;
  empty: string;
  fallbackText: string;
  items: {
    title: string;
    detail: string;
    /** Slack: title and detail in one mrkdwn block. */
    mrkdwn: string;
    hasActions: boolean;
    /** What a button sends back: `<collabId>/<itemId>`. */
    value: string;
    /** Slack: the item's menu; action ids must differ within a message. */
    menuId: string;
  }[];
  /**
   * Slack: real buttons under a card with one item (a nudge); an overflow menu per item otherwise.
   * Slack lists items with a menu before those without; a card holds one kind or the other.
   */
  single: string;
  buttons: { done: string; day: string; week: string; reassign: string };
}

/** Builds the follow-ups card for either platform. */
export function buildFollowUpModel(view: FollowUpsView, f: Formatting): FollowUpCardModel {
  const m = followUpMessages(view.locale);
  const due = (d: string): string => formatDue(view.locale, d, view.today);
  const first = view.entries[0];
  const heading = ((): string => {
    switch (view.purpose) {
      case 'list':
      case 'mine':
        return m.listHeading;
      case 'soon':
      case 'due':
        return m.nudgeHeading[view.purpose];
      case 'overdue':
        return m.overdueHeading;
      case 'change':
        return '';
    }
  })();
  let intro = '';
  if (view.purpose === 'soon' || view.purpose === 'due') intro = first ? m.nudgeIntro(f.text(first.collabTitle)) : '';
  if (view.purpose === 'overdue') intro = first ? m.overdueIntro(f.text(first.collabTitle)) : '';
  if (view.purpose === 'change' && first && view.change) {
    const { item } = first;
    const text = f.text(item.text);
    const lines = {
      added: () => m.line.added(text, f.person(item.owner), due(item.due)),
      done: () => m.line.done(text, f.person(view.change!.by)),
      snoozed: () => m.line.snoozed(text, due(item.due)),
      reassigned: () => m.line.reassigned(text, f.person(item.owner)),
    };
    intro = lines[view.change.kind]();
  }
  const showItems = view.purpose !== 'change';
  const items = showItems
    ? view.entries.map(({ item, collabTitle }, i) => {
        const title = view.purpose === 'mine' ? `${f.text(item.text)} (${f.text(collabTitle)})` : f.text(item.text);
        const detail = m.itemDetail(f.person(item.owner), due(item.due), isOverdue(item, view.today));
        return { title, detail, mrkdwn: `*${title}*\n${detail}`, hasActions: view.actions && item.status === 'open', value: `${item.collabId}/${item.id}`, menuId: `fu.menu.${i}` };
      })
    : [];
  const single = items.length === 1 && items[0]!.hasActions ? items[0]!.value : '';
  return {
    heading,
    intro,
    empty: showItems && items.length === 0 ? f.text(m.listEmpty) : '',
    fallbackText: view.purpose === 'change' ? intro : `${heading}: ${m.fallback(items.length)}`,
    // With real buttons below, a lone item needs no menu of its own.
    items: single ? items.map((i) => ({ ...i, hasActions: false })) : items,
    single,
    buttons: { done: m.buttons.done, day: m.buttons.day, week: m.buttons.week, reassign: m.buttons.reassign },
  };
}
