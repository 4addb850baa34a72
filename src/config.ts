import { z } from 'zod';

const emptyToUndefined = (v: unknown): unknown => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optionalString = z.preprocess(emptyToUndefined, z.string().optional());
const bool = z.preprocess(
  emptyToUndefined,
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no'])
    .optional()
    .transform((v) => v === 'true' || v === '1' || v === 'yes'),
);

/** The environment, validated. `config.ts` is the only module that reads `process.env`. */
export const EnvSchema = z
  .object({
    PORT: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).max(65535).default(3978)),
    REDIS_URL: z.preprocess(emptyToUndefined, z.url({ protocol: /^rediss?$/ }).optional()),
    SLACK_SIGNING_SECRET: optionalString,
    SLACK_BOT_TOKEN: optionalString,
    SLACK_API_URL: z.preprocess(emptyToUndefined, z.url().optional()),
    SLACK_APP_TOKEN: optionalString,
    MICROSOFT_APP_ID: optionalString,
    MICROSOFT_APP_PASSWORD: optionalString,
    MICROSOFT_APP_TENANT_ID: optionalString,
    TEAMS_LOCAL_MODE: bool,
    ROLE: z.preprocess(emptyToUndefined, z.enum(['web', 'worker', 'all']).default('all')),
    LOG_LEVEL: z.preprocess(
      emptyToUndefined,
      z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    ),
    /** Directory for the private redis-server started when REDIS_URL is unset. */
    DATA_DIR: z.preprocess(emptyToUndefined, z.string().default('.data')),
  })
  .superRefine((env, ctx) => {
    if (env.SLACK_SIGNING_SECRET && !env.SLACK_BOT_TOKEN) {
      ctx.addIssue({ code: 'custom', path: ['SLACK_BOT_TOKEN'], message: 'is required when SLACK_SIGNING_SECRET is set' });
    }
    if (env.SLACK_APP_TOKEN && !env.SLACK_BOT_TOKEN) {
      ctx.addIssue({ code: 'custom', path: ['SLACK_BOT_TOKEN'], message: 'is required when SLACK_APP_TOKEN is set' });
    }
    if (env.SLACK_APP_TOKEN && !env.SLACK_APP_TOKEN.startsWith('xapp-')) {
      ctx.addIssue({ code: 'custom', path: ['SLACK_APP_TOKEN'], message: 'must be an app-level token (xapp-...)' });
    }
    if (Boolean(env.MICROSOFT_APP_ID) !== Boolean(env.MICROSOFT_APP_PASSWORD)) {
      ctx.addIssue({
        code: 'custom',
        path: ['MICROSOFT_APP_PASSWORD'],
        message: 'MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD must be set together',
      });
    }
  });

export type Env = z.infer<typeof EnvSchema>;

export interface Config {
  port: number;
  redisUrl?: string;
  dataDir: string;
  role: 'web' | 'worker' | 'all';
  logLevel: Env['LOG_LEVEL'];
  slack?: { signingSecret?: string; botToken: string; apiUrl?: string; appToken?: string };
  teams: { mode: 'authenticated'; appId: string; appPassword: string; tenantId?: string } | { mode: 'local' } | { mode: 'disabled' };
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * Reads and validates the configuration. Throws a ConfigError listing every bad setting by name,
 * without echoing secret values.
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(env)'}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const slackEnabled = Boolean(e.SLACK_BOT_TOKEN && (e.SLACK_SIGNING_SECRET || e.SLACK_APP_TOKEN));
  return {
    port: e.PORT,
    redisUrl: e.REDIS_URL,
    dataDir: e.DATA_DIR,
    role: e.ROLE,
    logLevel: e.LOG_LEVEL,
    slack: slackEnabled
      ? { signingSecret: e.SLACK_SIGNING_SECRET, botToken: e.SLACK_BOT_TOKEN!, apiUrl: e.SLACK_API_URL, appToken: e.SLACK_APP_TOKEN }
      : undefined,
    teams:
      e.MICROSOFT_APP_ID && e.MICROSOFT_APP_PASSWORD
        ? { mode: 'authenticated', appId: e.MICROSOFT_APP_ID, appPassword: e.MICROSOFT_APP_PASSWORD, tenantId: e.MICROSOFT_APP_TENANT_ID }
        : e.TEAMS_LOCAL_MODE
          ? { mode: 'local' }
          : { mode: 'disabled' },
  };
}
