import type { webApi } from '@slack/bolt';
import { z } from 'zod';
import { AppError, isPermanent } from '../../domain/errors.js';
import type { Person } from '../../domain/collaboration.js';
import type { CardRef, Place } from '../../app/ports.js';
import type { Messenger, PersonalAddress } from '../../app/messenger.js';
import type { CardView } from '../../app/card-views.js';
import { renderSlackCard } from '../../cards/platform-cards.js';
import type { SlackMessage } from '../../cards/render.js';
import { toAppError } from './errors.js';

const PlaceRefSchema = z.object({ channel: z.string().min(1), threadTs: z.string().optional() });
const CardRefDataSchema = PlaceRefSchema.extend({ ts: z.string().min(1) });
type SlackPlace = z.infer<typeof PlaceRefSchema>;

/** A channel, or the thread under a message, as a Place the core can keep without reading it. */
export function slackPlace(channel: string, threadTs?: string): Place {
  const ref: SlackPlace = threadTs ? { channel, threadTs } : { channel };
  return { platform: 'slack', ref: JSON.stringify(ref), channel, ...(threadTs ? { thread: `${channel}:${threadTs}` } : {}) };
}

/** The channel and ts of a posted card (for tests and the platform's own handlers). */
export function readSlackCard(card: CardRef): { channel: string; ts: string; threadTs?: string } {
  if (card.platform !== 'slack') throw new AppError('invalid_input', 'not a slack card');
  return CardRefDataSchema.parse(JSON.parse(card.ref));
}

const MEMBERS_CACHE_MS = 5 * 60 * 1000;
/** A person's zone changes rarely; a moved person's next nudge is at most this late in following. */
const ZONE_CACHE_MS = 5 * 60 * 1000;
const ZONE_CACHE_MAX = 10_000;
/** Pages of 200 members: far beyond a collaboration's channel, bounded all the same. */
const MEMBER_PAGES_MAX = 25;
const DIRECTS_MAX = 10_000;
/** The metadata event type of personal messages; its payload is a marker of ids. */
const PERSONAL_EVENT = 'werktsamen_nudge';

/** Posts and updates cards with chat.postMessage / chat.update; Web API errors leave as coded AppErrors. */
export class SlackMessenger implements Messenger {
  private readonly memberCounts = new Map<string, { n: number | undefined; at: number }>();
  private readonly directs = new Map<string, string>();
  private readonly zones = new Map<string, { zone: string | undefined; at: number }>();

  constructor(
    private readonly client: webApi.WebClient,
    private readonly now: () => number = () => Date.now(),
    /** The bot's own user id (auth.test), so it is never counted among the members. */
    private readonly botUserId: () => Promise<string | undefined> = async () => undefined,
  ) {}

  async post(place: Place, view: CardView): Promise<CardRef> {
    if (place.platform !== 'slack') throw new AppError('invalid_input', 'not a slack place');
    const where = PlaceRefSchema.parse(JSON.parse(place.ref));
    let first: CardRef | undefined;
    // Long summaries come as several messages; the first one stands for the card.
    for (const message of renderSlackCard(view)) {
      const res = await this.client.chat
        .postMessage({ channel: where.channel, thread_ts: where.threadTs, text: message.text, blocks: message.blocks as webApi.KnownBlock[] })
        .catch((err: unknown) => {
          throw toAppError(err);
        });
      if (!res.ts) throw new AppError('unexpected', 'postMessage returned no ts');
      first ??= { platform: 'slack', ref: JSON.stringify({ ...where, channel: res.channel ?? where.channel, ts: res.ts }) };
    }
    if (!first) throw new AppError('unexpected', 'nothing to post');
    return first;
  }

  async update(card: CardRef, view: CardView): Promise<void> {
    const [message] = renderSlackCard(view);
    if (message) await this.send(card, message);
  }

  threadOf(card: CardRef): Place {
    const c = readSlackCard(card);
    return slackPlace(c.channel, c.threadTs ?? c.ts);
  }

  channelOf(place: Place): Place {
    return slackPlace(PlaceRefSchema.parse(JSON.parse(place.ref)).channel);
  }

  async postFile(place: Place, file: { name: string; title: string; content: string }): Promise<boolean> {
    const where = PlaceRefSchema.parse(JSON.parse(place.ref));
    // filesUploadV2 runs Slack's three-step external upload; sharing into the thread completes on Slack's side.
    await this.client
      .filesUploadV2(
        where.threadTs
          ? { channel_id: where.channel, thread_ts: where.threadTs, filename: file.name, title: file.title, content: file.content }
          : { channel_id: where.channel, filename: file.name, title: file.title, content: file.content },
      )
      .catch((err: unknown) => {
        throw toAppError(err);
      });
    return true;
  }

  async displayNames(people: Person[]): Promise<Record<string, string>> {
    const ids = [...new Set(people.map((p) => p.id))];
    const names: Record<string, string> = {};
    await Promise.all(
      ids.map(async (id) => {
        const res = await this.client.users.info({ user: id }).catch(() => undefined);
        const name = res?.user?.profile?.display_name || res?.user?.real_name || res?.user?.name;
        if (name) names[id] = name;
      }),
    );
    return names;
  }

  async memberCount(place: Place): Promise<number | undefined> {
    const cached = this.memberCounts.get(place.channel);
    if (cached && this.now() - cached.at < MEMBERS_CACHE_MS) return cached.n;
    const res = await this.client.conversations.info({ channel: place.channel, include_num_members: true }).catch(() => undefined);
    const total = res?.channel?.num_members;
    // The count includes the bot itself.
    const n = typeof total === 'number' ? Math.max(0, total - 1) : undefined;
    this.memberCounts.set(place.channel, { n, at: this.now() });
    return n;
  }

  async publishHome(person: Person, view: CardView): Promise<void> {
    const [message] = renderSlackCard(view);
    if (!message) return;
    await this.client.views.publish({ user_id: person.id, view: { type: 'home', blocks: message.blocks as webApi.KnownBlock[] } }).catch((err: unknown) => {
      throw toAppError(err);
    });
  }

  /**
   * conversations.members, page by page, without the bot itself. Telling other bots apart would
   * take a users.info call per member; a message to one fails as person_unreachable instead.
   */
  async members(place: Place): Promise<Person[]> {
    const bot = await this.botUserId().catch(() => undefined);
    const out: Person[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < MEMBER_PAGES_MAX; page++) {
      const res = await this.client.conversations.members({ channel: place.channel, limit: 200, ...(cursor ? { cursor } : {}) }).catch((err: unknown) => {
        throw toAppError(err);
      });
      for (const id of res.members ?? []) if (id !== bot) out.push({ id });
      cursor = res.response_metadata?.next_cursor || undefined;
      if (!cursor) break;
    }
    return out;
  }

  async sendPersonal(to: PersonalAddress, view: CardView, marker: string): Promise<void> {
    const channel = await this.directChannel(to.person.id);
    for (const message of renderSlackCard(view)) {
      await this.client.chat
        .postMessage({
          channel,
          text: message.text,
          blocks: message.blocks as webApi.KnownBlock[],
          // Message metadata carries the marker (ids only) so a retry after a crash can look for it.
          metadata: { event_type: PERSONAL_EVENT, event_payload: { marker } },
        })
        .catch((err: unknown) => {
          throw toAppError(err);
        });
    }
  }

  async personalSent(to: PersonalAddress, marker: string, since: number): Promise<boolean | undefined> {
    const channel = await this.directChannel(to.person.id);
    const res = await this.client.conversations
      .history({ channel, oldest: String(Math.floor(since / 1000) - 1), include_all_metadata: true, limit: 100 })
      .catch((err: unknown) => {
        // A lookup that can work later (429, 5xx, no connection) must not be taken for "not sent":
        // the job tries again. One that never will (no im:history granted) cannot tell.
        const error = toAppError(err);
        if (isPermanent(error.code)) return undefined;
        throw error;
      });
    if (!res?.ok) return undefined;
    return (res.messages ?? []).some((m) => m.metadata?.event_type === PERSONAL_EVENT && (m.metadata.event_payload as Record<string, unknown> | undefined)?.marker === marker);
  }

  async timeZoneOf(person: Person): Promise<string | undefined> {
    const cached = this.zones.get(person.id);
    if (cached && this.now() - cached.at < ZONE_CACHE_MS) return cached.zone;
    const res = await this.client.users.info({ user: person.id }).catch(() => undefined);
    const zone = typeof res?.user?.tz === 'string' && res.user.tz !== '' ? res.user.tz : undefined;
    // Only answers are kept: a failed lookup is asked again next time.
    if (res) {
      if (this.zones.size >= ZONE_CACHE_MAX) this.zones.clear();
      this.zones.set(person.id, { zone, at: this.now() });
    }
    return zone;
  }

  /** The bot's direct-message channel with a person (conversations.open is idempotent; cached per process). */
  private async directChannel(userId: string): Promise<string> {
    const cached = this.directs.get(userId);
    if (cached) return cached;
    const res = await this.client.conversations.open({ users: userId }).catch((err: unknown) => {
      throw toAppError(err);
    });
    const id = res.channel?.id;
    if (!id) throw new AppError('unexpected', 'conversations.open returned no channel');
    if (this.directs.size >= DIRECTS_MAX) this.directs.clear();
    this.directs.set(userId, id);
    return id;
  }

  private async send(card: CardRef, message: SlackMessage): Promise<void> {
    const c = readSlackCard(card);
    await this.client.chat
      .update({ channel: c.channel, ts: c.ts, text: message.text, blocks: message.blocks as webApi.KnownBlock[] })
      .catch((err: unknown) => {
        throw toAppError(err);
      });
  }
}
