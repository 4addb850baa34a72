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
    /** Interface to listen on; unset means all (what a container needs). */
    HOST: optionalString,
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
  });

/** Settings that only make sense together; checked on the raw strings so every problem is listed at once. */
function crossFieldProblems(env: Record<string, string | undefined>): string[] {
  const set = (name: string): boolean => Boolean(env[name]?.trim());
  const problems: string[] = [];
  if (set('SLACK_SIGNING_SECRET') && !set('SLACK_BOT_TOKEN')) problems.push('SLACK_BOT_TOKEN: is required when SLACK_SIGNING_SECRET is set');
  if (set('SLACK_APP_TOKEN') && !set('SLACK_BOT_TOKEN')) problems.push('SLACK_BOT_TOKEN: is required when SLACK_APP_TOKEN is set');
  if (set('SLACK_APP_TOKEN') && !env.SLACK_APP_TOKEN!.startsWith('xapp-')) problems.push('SLACK_APP_TOKEN: must be an app-level token (xapp-...)');
  if (set('MICROSOFT_APP_ID') !== set('MICROSOFT_APP_PASSWORD')) {
    problems.push('MICROSOFT_APP_PASSWORD: MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD must be set together');
  }
  return problems;
}

export type Env = z.infer<typeof EnvSchema>;

export interface Config {
  port: number;
  host?: string;
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
  const problems = [
    ...(parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.') || '(env)'}: ${i.message}`)),
    ...crossFieldProblems(env),
  ];
  if (!parsed.success || problems.length > 0) {
    throw new ConfigError(`Invalid configuration:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  }
  const e = parsed.data;
  const slackEnabled = Boolean(e.SLACK_BOT_TOKEN && (e.SLACK_SIGNING_SECRET || e.SLACK_APP_TOKEN));
  return {
    port: e.PORT,
    host: e.HOST,
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
