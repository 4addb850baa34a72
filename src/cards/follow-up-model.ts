import type { FollowUpsView } from '../app/card-views.js';
import { followUpMessages, formatDue } from '../content/follow-up-messages.js';
import { isOverdue } from '../domain/follow-up.js';
import { collabMessages } from '../content/collab-messages.js';
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
  /** Teams: the hand-over picker (empty when not handing over). */
  handOver: { value: string; label: string; placeholder: string; choices: { title: string; value: string }[] };
  /** Which card a button was on (Teams sends it back): the overview answers with itself. */
  origin: string;
  /** A private line on top (Slack Home tab). */
  notice: string;
  /** Under a list cut short at {@link LISTED_MAX}. */
  more: string;
  /** The personal overview's second part; an empty heading leaves it out. */
  collabsHeading: string;
  collabsEmpty: string;
  collabs: { title: string; detail: string; mrkdwn: string }[];
}

/**
 * At most this many items on one card: a Slack message holds 50 blocks, a Home tab 100, and a
 * longer list is no longer read. The thread's `opvolgpunten` is the place for the whole list.
 */
export const LISTED_MAX = 20;

/** Builds the follow-ups card for either platform. */
export function buildFollowUpModel(view: FollowUpsView, f: Formatting): FollowUpCardModel {
  const m = followUpMessages(view.locale);
  const due = (d: string): string => formatDue(view.locale, d, view.today);
  const first = view.entries[0];
  const heading = view.handOver ? m.buttons.reassign : ((): string => {
    switch (view.purpose) {
      case 'list':
        return m.listHeading;
      case 'mine':
        return m.mineHeading;
      case 'digest':
        return m.digestHeading;
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
  if (view.purpose === 'digest') intro = m.digestIntro(new Set(view.entries.map((e) => e.item.collabId)).size);
  const many = view.purpose === 'change' && view.entries.length > 1;
  if (many && view.change) intro = m.line.addedMany(view.entries.length, f.person(view.change.by));
  else if (view.purpose === 'change' && first && view.change) {
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
  const showItems = view.purpose !== 'change' || many;
  if (view.handOver) intro = m.handOverIntro;
 const listed = view.entries.slice(0, LISTED_MAX);
  const items = showItems
    ? listed.map(({ item, collabTitle }, i) => {
        const title = view.purpose === 'mine' || view.purpose === 'digest' ? `${f.text(item.text)} (${f.text(collabTitle)})` : f.text(item.text);
        const detail = m.itemDetail(f.person(item.owner), due(item.due), isOverdue(item, view.today));
        return { title, detail, mrkdwn: `*${title}*\n${detail}`, hasActions: view.actions && item.status === 'open', value: `${item.collabId}/${item.id}`, menuId: `fu.menu.${i}` };
      })
    : [];
  const single = items.length === 1 && items[0]!.hasActions ? items[0]!.value : '';
  return {
    heading,
    intro,
    empty: showItems && items.length === 0 ? f.text(view.purpose === 'mine' ? m.mineEmpty : m.listEmpty) : '',
    fallbackText: view.purpose === 'change' ? intro : `${heading}: ${m.fallback(items.length)}`,
    // With real buttons below, a lone item needs no menu of its own.
    items: single ? items.map((i) => ({ ...i, hasActions: false })) : items,
    single,
    buttons: { done: m.buttons.done, day: m.buttons.day, week: m.buttons.week, reassign: m.buttons.reassign },
    origin: view.purpose,
    handOver: {
      value: view.handOver && first ? `${first.item.collabId}/${first.item.id}` : '',
      label: m.newOwner,
      placeholder: m.pickOwner,
      choices: (view.handOver?.members ?? []).map((p) => ({ title: p.name ?? p.id, value: p.id })),
    },
    notice: view.notice ? f.text(view.notice) : '',
    more: showItems && view.entries.length > LISTED_MAX ? f.text(m.more(view.entries.length - LISTED_MAX)) : '',
    ...collabsPart(view, f),
  };
}

/** "Mijn samenwerkingen": each collaboration with the reader's part in it and where it stands. */
function collabsPart(view: FollowUpsView, f: Formatting): Pick<FollowUpCardModel, 'collabsHeading' | 'collabsEmpty' | 'collabs'> {
  if (view.purpose !== 'mine' || !view.collabs) return { collabsHeading: '', collabsEmpty: '', collabs: [] };
  const m = followUpMessages(view.locale);
  const c = collabMessages(view.locale);
  const collabs = view.collabs.slice(0, LISTED_MAX).map((x) => {
    const title = f.text(x.title);
    const detail = m.collabDetail(x.lead, x.stage === 'steps' ? c.stepLabel(x.step) : c.stage[x.stage]);
    return { title, detail, mrkdwn: `*${title}*\n${detail}` };
  });
  return { collabsHeading: m.myCollabsHeading, collabsEmpty: collabs.length === 0 ? f.text(m.myCollabsEmpty) : '', collabs };
}
