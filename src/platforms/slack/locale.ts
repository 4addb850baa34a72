import type { webApi } from '@slack/bolt';
import type { Pseudonyms } from '../../app/pseudonyms.js';
import { toLocale } from '../../content/messages.js';
import type { Locale, Scope } from '../../domain/poll.js';
import { personKey } from '../../store/keys.js';
import type { RedisKvStore } from '../../store/kv-store.js';

const CACHE_SECONDS = 24 * 60 * 60;

/**
 * A Slack user's language. Slack payloads carry no locale, so it comes from users.info
 * (include_locale) and is cached a day under a keyed pseudonym, never the user id. Anything that
 * fails falls back to Dutch.
 */
export class SlackLocales {
  constructor(
    private readonly kv: RedisKvStore,
    private readonly pseudonyms: Pseudonyms,
  ) {}

  async get(client: webApi.WebClient, scope: Scope, userId: string): Promise<Locale> {
    const key = personKey(scope, 'locale', this.pseudonyms.person(scope, userId));
    const cached = await this.kv.get(key).catch(() => undefined);
    if (cached === 'nl' || cached === 'en') return cached;
    try {
      const info = await client.users.info({ user: userId, include_locale: true });
      const locale = toLocale(info.user?.locale);
      await this.kv.put(scope, key, locale, CACHE_SECONDS).catch(() => undefined);
      return locale;
    } catch {
      return 'nl';
    }
  }
}
