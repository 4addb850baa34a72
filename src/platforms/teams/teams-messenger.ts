import { CardFactory, MessageFactory, TeamsInfo, type CloudAdapter, type TeamsChannelAccount, type ConversationParameters, type ConversationReference, type TurnContext } from 'botbuilder';
import { z } from 'zod';
import { AppError, isAppError } from '../../domain/errors.js';
import { NAME_MAX, type Person } from '../../domain/collaboration.js';
import type { CardRef, Place } from '../../app/ports.js';
import type { Messenger, PersonalAddress } from '../../app/messenger.js';
import type { CardView } from '../../app/card-views.js';
import { renderTeamsCard } from '../../cards/platform-cards.js';
import { toAppError } from './errors.js';
import { isLoopbackUrl } from './identity.js';

const ReferenceSchema = z.record(z.string(), z.unknown());
const PlaceRefSchema = z.object({ reference: ReferenceSchema });
const CardRefDataSchema = PlaceRefSchema.extend({ activityId: z.string().min(1) });
type Reference = Partial<ConversationReference>;

const conversationIdOf = (reference: Reference): string => String(reference.conversation?.id ?? '');
/** A channel thread's conversation id is the channel's with `;messageid=<root>` appended. */
const topLevel = (conversationId: string): string => conversationId.split(';')[0] ?? conversationId;

/** A conversation (a channel, a channel thread or a chat) as a Place; `reference` has no user in it. */
export function teamsPlace(reference: Reference): Place {
  const id = conversationIdOf(reference);
  return {
    platform: 'teams',
    ref: JSON.stringify({ reference }),
    channel: topLevel(id),
    ...(id.includes(';messageid=') ? { thread: id } : {}),
  };
}

/** The reference and activity id of a posted card. */
export function readTeamsCard(card: CardRef): { reference: Reference; activityId: string } {
  if (card.platform !== 'teams') throw new AppError('invalid_input', 'not a teams card');
  const parsed = CardRefDataSchema.parse(JSON.parse(card.ref));
  return { reference: parsed.reference as Reference, activityId: parsed.activityId };
}

const MEMBERS_CACHE_MS = 5 * 60 * 1000;

/**
 * Posts cards into a conversation and updates them in place (proactively, from any process).
 * Connector errors leave as coded AppErrors. In local mode nothing is ever sent off this machine.
 */
export class TeamsMessenger implements Messenger {
  private readonly memberCounts = new Map<string, { n: number | undefined; at: number }>();

  constructor(
    private readonly adapter: CloudAdapter,
    private readonly appId: string,
    private readonly localOnly: boolean,
    private readonly now: () => number = () => Date.now(),
  ) {}

  async post(place: Place, view: CardView): Promise<CardRef> {
    const reference = this.reference(place);
    const ids: string[] = [];
    await this.inConversation(reference, async (ctx) => {
      for (const card of renderTeamsCard(view)) {
        const id = (await ctx.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card))))?.id;
        if (id) ids.push(id);
      }
    });
    const activityId = ids[0];
    if (!activityId) throw new AppError('unexpected', 'teams returned no activity id');
    return { platform: 'teams', ref: JSON.stringify({ reference, activityId }) };
  }

  async update(card: CardRef, view: CardView): Promise<void> {
    const { reference, activityId } = readTeamsCard(card);
    this.check(reference);
    const [rendered] = renderTeamsCard(view);
    if (!rendered) return;
    await this.inConversation(reference, async (ctx) => {
      await ctx.updateActivity({ ...MessageFactory.attachment(CardFactory.adaptiveCard(rendered)), id: activityId });
    });
  }

  threadOf(card: CardRef): Place {
    const { reference, activityId } = readTeamsCard(card);
    const id = conversationIdOf(reference);
    // Only channel posts start a thread; in a group chat the chat itself is the thread.
    if (reference.conversation?.conversationType !== 'channel' || id.includes(';messageid=')) return teamsPlace(reference);
    return teamsPlace({ ...reference, conversation: { ...reference.conversation, id: `${id};messageid=${activityId}` } });
  }

  channelOf(place: Place): Place {
    const reference = this.reference(place);
    const id = topLevel(conversationIdOf(reference));
    return teamsPlace({ ...reference, conversation: { ...reference.conversation!, id } });
  }

  /** Bots can send files only in personal chats; in channels the dossier link is the way. */
  async postFile(): Promise<boolean> {
    return false;
  }

  /** Teams people carry the name they had when they acted. */
  async displayNames(people: Person[]): Promise<Record<string, string>> {
    return Object.fromEntries(people.filter((p) => p.name).map((p) => [p.id, p.name!]));
  }

  async memberCount(place: Place): Promise<number | undefined> {
    const cached = this.memberCounts.get(place.channel);
    if (cached && this.now() - cached.at < MEMBERS_CACHE_MS) return cached.n;
    let n: number | undefined;
    // The roster belongs to the channel or chat, not to one of its threads.
    await this.inConversation(this.reference(this.channelOf(place)), async (ctx) => {
      n = await countMembers(ctx);
    }).catch(() => undefined);
    this.memberCounts.set(place.channel, { n, at: this.now() });
    return n;
  }

  /** The roster of the channel's team or of the chat (users only: the roster lists no bots). */
  async members(place: Place): Promise<Person[]> {
    let people: Person[] = [];
    await this.inConversation(this.reference(this.channelOf(place)), async (ctx) => {
      people = (await listMembers(ctx)).map((m) => ({ id: m.id, name: m.name.slice(0, NAME_MAX) }));
    });
    return people;
  }

  /**
   * Finds the person in the roster of the channel or chat they share with the bot, then opens the
   * one-to-one chat with them. Not in the roster any more, or 403 (blocked the bot): unreachable.
   */
  async sendPersonal(to: PersonalAddress, view: CardView, _marker: string): Promise<void> {
    const shared = this.reference(this.channelOf(to.via));
    let memberId: string | undefined;
    await this.inConversation(shared, async (ctx) => {
      memberId = await teamsMemberId(ctx, to.person.id);
    }).catch((err: unknown) => {
      throw isAppError(err, 'card_gone') || isAppError(err, 'app_not_authorized') ? new AppError('person_unreachable', 'not in roster', { cause: err }) : err;
    });
    if (!memberId || !shared.serviceUrl) throw new AppError('person_unreachable', 'no member id');
    const tenantId = shared.conversation?.tenantId;
    const parameters = {
      isGroup: false,
      bot: shared.bot,
      members: [{ id: memberId, name: '' }],
      tenantId,
      channelData: { tenant: { id: tenantId } },
    } as ConversationParameters;
    let failure: unknown;
    await this.adapter
      .createConversationAsync(this.appId, shared.channelId ?? 'msteams', shared.serviceUrl, '', parameters, async (ctx) => {
        try {
          for (const card of renderTeamsCard(view)) await ctx.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));
        } catch (err) {
          failure = err;
        }
      })
      .catch((err: unknown) => {
        failure = err;
      });
    if (failure === undefined) return;
    const error = toAppError(failure);
    throw error.code === 'app_not_authorized' ? new AppError('person_unreachable', error.message, { cause: failure }) : error;
  }

  /** Bots cannot read a chat's history in Teams: whether a message arrived cannot be told. */
  async personalSent(): Promise<boolean | undefined> {
    return undefined;
  }

  /** The roster has no time zone; Teams zones are stored from each person's own activities. */
  async timeZoneOf(): Promise<string | undefined> {
    return undefined;
  }

  private reference(place: Place): Reference {
    if (place.platform !== 'teams') throw new AppError('invalid_input', 'not a teams place');
    const reference = PlaceRefSchema.parse(JSON.parse(place.ref)).reference as Reference;
    this.check(reference);
    return reference;
  }

  private check(reference: Reference): void {
    if (this.localOnly && !isLoopbackUrl(reference.serviceUrl)) throw new AppError('app_not_authorized', 'local mode sends to this machine only');
  }

  /**
   * Runs `work` in the conversation. The error is caught inside: CloudAdapter would hand it to
   * onTurnError and report success, and a refresh must know that its update did not arrive.
   */
  private async inConversation(reference: Reference, work: (ctx: TurnContext) => Promise<void>): Promise<void> {
    let failure: unknown;
    await this.adapter.continueConversationAsync(this.appId, reference, async (ctx) => {
      try {
        await work(ctx);
      } catch (err) {
        failure = err;
      }
    });
    if (failure !== undefined) throw toAppError(failure);
  }
}

const MEMBER_PAGES_MAX = 20;

/** The roster of the turn's conversation (the team, for a channel), page by page. */
async function* rosterPages(ctx: TurnContext): AsyncGenerator<TeamsChannelAccount[]> {
  let token: string | undefined;
  for (let page = 0; page < MEMBER_PAGES_MAX; page++) {
    const res = await TeamsInfo.getPagedMembers(ctx, 100, token);
    yield res.members;
    token = res.continuationToken;
    if (!token) return;
  }
}

/**
 * The Teams id (`29:…`) of a person known by their Entra object id or Teams id. Teams answers the
 * direct lookup for both; a service that only knows Teams ids (the Agents Playground) answers 404,
 * and then the roster is searched. Not found either way: the 404 stands.
 */
async function teamsMemberId(ctx: TurnContext, id: string): Promise<string | undefined> {
  try {
    return (await TeamsInfo.getMember(ctx, id)).id;
  } catch (err) {
    if (!isAppError(toAppError(err), 'card_gone')) throw err;
    for await (const members of rosterPages(ctx)) {
      const found = members.find((m) => m.aadObjectId === id || m.id === id);
      if (found) return found.id;
    }
    throw err;
  }
}

/** The people in the turn's conversation (the team, for a channel), by Entra id where the roster gives it. */
export async function listMembers(ctx: TurnContext): Promise<{ id: string; name: string }[]> {
  const out: { id: string; name: string }[] = [];
  for await (const members of rosterPages(ctx)) for (const m of members) out.push({ id: m.aadObjectId ?? m.id, name: m.name ?? m.givenName ?? '?' });
  return out;
}

async function countMembers(ctx: TurnContext): Promise<number> {
  return (await listMembers(ctx)).length;
}
