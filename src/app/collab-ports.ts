import type { AnswerSet, Collaboration, Decision, SheetId, TemperatureRecord } from '../domain/collaboration.js';
import type { Scope } from '../domain/poll.js';
import type { CollabCardName } from './live-cards.js';
import type { CardRef, Place, RefreshTiming } from './ports.js';

/** A collaboration with where it lives. */
export interface CollabRecord {
  collab: Collaboration;
  /** The root card; absent for a moment while it is being posted. */
  root?: CardRef;
  /** The thread under the root card, where everything else is posted. */
  thread?: Place;
}

export type { CollabCardName } from './live-cards.js';

/** The result of a write that changes what a live card shows. */
export interface Marked {
  /** Delay for a new refresh job of the card, or undefined when one is already pending. */
  refreshDelayMs?: number;
}

/**
 * Persistence of collaborations. Every key of one collaboration shares a hash tag and lives
 * RETENTION_DAYS after the last change; ids from payloads are only ever looked up inside the
 * caller's own scope.
 */
export interface CollabStore {
  create(collab: Collaboration, channelKey: string): Promise<void>;
  /** Stores the posted root card and its thread, and maps the thread to the collaboration. */
  setRoot(scope: Scope, id: string, root: CardRef, thread: Place): Promise<void>;
  get(scope: Scope, id: string): Promise<CollabRecord | undefined>;
  /**
   * Changes the collaboration's fields with `change` applied to the current value, retried when
   * another change came in between. Throws AppError collab_not_found.
   */
  update(scope: Scope, id: string, change: (c: Collaboration) => Collaboration): Promise<Collaboration>;
  findByThread(scope: Scope, threadKey: string): Promise<string | undefined>;
  /** Ids of the collaborations started in a channel or chat, oldest first. */
  listByChannel(scope: Scope, channelKey: string): Promise<string[]>;
  /**
   * Replaces one member's answers to a sheet, or a shared worksheet entry when `set.item` is set
   * (the previous version goes to the history), and marks the sheet's card.
   */
  saveAnswers(scope: Scope, id: string, sheet: SheetId, set: AnswerSet, timing: RefreshTiming): Promise<Marked & { answered: number }>;
  /** Removes one entry of a shared worksheet (a partner); the last version goes to the history. */
  removeEntry(scope: Scope, id: string, sheet: SheetId, item: string, timing: RefreshTiming): Promise<Marked & { answered: number }>;
  getAnswers(scope: Scope, id: string, sheet: SheetId): Promise<AnswerSet[]>;
  /** Earlier versions of answers, oldest first (kept for the dossier). */
  getHistory(scope: Scope, id: string): Promise<{ sheet: SheetId; set: AnswerSet }[]>;
  answeredCount(scope: Scope, id: string, sheet: SheetId): Promise<number>;
  /** Decisions are append-only: a later one supersedes, never edits. */
  appendDecision(scope: Scope, id: string, decision: Decision): Promise<void>;
  getDecisions(scope: Scope, id: string): Promise<Decision[]>;
  appendTemperature(scope: Scope, id: string, record: TemperatureRecord): Promise<void>;
  getTemperatures(scope: Scope, id: string): Promise<TemperatureRecord[]>;
  /** Remembers a poll opened in the thread, so forgetting the collaboration deletes it too. */
  addPoll(scope: Scope, id: string, pollId: string): Promise<void>;
  getPolls(scope: Scope, id: string): Promise<string[]>;
  /** Items the bot proposed (after a tension), by id. */
  addItem(scope: Scope, id: string, itemId: string, text: string): Promise<void>;
  getItems(scope: Scope, id: string): Promise<Record<string, string>>;
  setCard(scope: Scope, id: string, name: CollabCardName, ref: CardRef): Promise<void>;
  getCard(scope: Scope, id: string, name: CollabCardName): Promise<CardRef | undefined>;
  /** Marks a live card's refresh pending (see RefreshTiming). */
  markRefresh(scope: Scope, id: string, name: CollabCardName, timing: RefreshTiming): Promise<Marked>;
  /** Dossier link ids of the collaboration, so forgetting revokes them. */
  addLink(scope: Scope, id: string, linkId: string): Promise<void>;
  getLinks(scope: Scope, id: string): Promise<string[]>;
  /** Deletes every key of the collaboration and its thread and channel entries. */
  delete(scope: Scope, id: string): Promise<void>;
}
