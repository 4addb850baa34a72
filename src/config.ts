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
const days = (fallback: number) => z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(3650).default(fallback));

/** The least a voter secret may be: an HMAC key shorter than this is guessable from a member list. */
export const VOTER_SECRET_MIN = 32;
/** The queue dashboard is reachable wherever the bot is, so its password must not be guessable online. */
export const ADMIN_PASSWORD_MIN = 12;

/** The environment, validated. `config.ts` is the only module that reads `process.env`. */
export const EnvSchema = z.object({
  PORT: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).max(65535).default(3978)),
  /** Interface to listen on; unset means all (what a container needs). */
  HOST: optionalString,
  REDIS_URL: z.preprocess(emptyToUndefined, z.url({ protocol: /^rediss?$/ }).optional()),
  REDIS_CONNECT_TIMEOUT_S: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(3600).default(30)),
  /** Server-side key for voter pseudonyms; never stored in Redis. */
  VOTER_SECRET: z.preprocess(
    emptyToUndefined,
    z.string().min(VOTER_SECRET_MIN, `must be at least ${VOTER_SECRET_MIN} characters`).optional(),
  ),
  POLL_MAX_DAYS: days(30),
  RETENTION_DAYS: days(365),
  SLACK_SIGNING_SECRET: optionalString,
  SLACK_BOT_TOKEN: optionalString,
  SLACK_API_URL: z.preprocess(emptyToUndefined, z.url().optional()),
  SLACK_APP_TOKEN: optionalString,
  MICROSOFT_APP_ID: optionalString,
  MICROSOFT_APP_PASSWORD: optionalString,
  MICROSOFT_APP_TENANT_ID: optionalString,
  TEAMS_ALLOWED_TENANTS: optionalString,
  TEAMS_LOCAL_MODE: bool,
  ROLE: z.preprocess(emptyToUndefined, z.enum(['web', 'worker', 'all']).default('all')),
  LOG_LEVEL: z.preprocess(
    emptyToUndefined,
    z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ),
  /** Base of dossier links (what people's browsers reach); default http://localhost:PORT. */
  PUBLIC_URL: z.preprocess(emptyToUndefined, z.url({ protocol: /^https?$/ }).optional()),
  /** How long a dossier link works. */
  DOSSIER_LINK_DAYS: days(7),
  /** Directory for the private redis-server (and its voter secret) used when REDIS_URL is unset. */
  DATA_DIR: z.preprocess(emptyToUndefined, z.string().default('.data')),
  /** Password of the queue dashboard at /admin/queues; unset means no dashboard at all. */
  ADMIN_PASSWORD: z.preprocess(
    emptyToUndefined,
    z.string().min(ADMIN_PASSWORD_MIN, `must be at least ${ADMIN_PASSWORD_MIN} characters (or unset, which turns the queue dashboard off)`).optional(),
  ),
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
  if (set('REDIS_URL') && !set('VOTER_SECRET')) {
    problems.push(
      `VOTER_SECRET: is required when REDIS_URL is set (at least ${VOTER_SECRET_MIN} random characters, e.g. from \`openssl rand -base64 48\`; keep it out of Redis)`,
    );
  }
  return problems;
}

export type Env = z.infer<typeof EnvSchema>;

export type TeamsConfig =
  | { mode: 'authenticated'; appId: string; appPassword: string; tenantId?: string; allowedTenants?: string[] }
  | { mode: 'local'; allowedTenants?: string[] }
  | { mode: 'disabled' };

export interface Config {
  port: number;
  host?: string;
  redisUrl?: string;
  redisConnectTimeoutMs: number;
  /** Required with REDIS_URL; with the private Redis, main.ts keeps one under DATA_DIR. */
  voterSecret?: string;
  retention: { pollMaxDays: number; retentionDays: number };
  /** Base URL of dossier links, without a trailing slash. */
  publicUrl: string;
  dossierLinkDays: number;
  dataDir: string;
  role: 'web' | 'worker' | 'all';
  logLevel: Env['LOG_LEVEL'];
  slack?: { signingSecret?: string; botToken: string; apiUrl?: string; appToken?: string };
  /** `allowedTenants` undefined means any tenant (the start-up log says so). */
  teams: TeamsConfig;
  /** Password of the queue dashboard; undefined means it is not served. */
  adminPassword?: string;
  /** Things the start-up log must say (settings that were overridden for safety). */
  warnings: string[];
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

/** The tenant allow-list: the explicit list, else the app's own tenant, else undefined (any). */
function allowedTenants(e: Env): string[] | undefined {
  const list = e.TEAMS_ALLOWED_TENANTS?.split(',').map((t) => t.trim().toLowerCase()).filter(Boolean);
  if (list && list.length > 0) return list;
  return e.MICROSOFT_APP_TENANT_ID ? [e.MICROSOFT_APP_TENANT_ID.toLowerCase()] : undefined;
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
  const warnings: string[] = [];
  const slackEnabled = Boolean(e.SLACK_BOT_TOKEN && (e.SLACK_SIGNING_SECRET || e.SLACK_APP_TOKEN));
  const tenants = allowedTenants(e);
  const teams: TeamsConfig =
    e.MICROSOFT_APP_ID && e.MICROSOFT_APP_PASSWORD
      ? { mode: 'authenticated', appId: e.MICROSOFT_APP_ID, appPassword: e.MICROSOFT_APP_PASSWORD, tenantId: e.MICROSOFT_APP_TENANT_ID, allowedTenants: tenants }
      : e.TEAMS_LOCAL_MODE
        ? { mode: 'local', allowedTenants: tenants }
        : { mode: 'disabled' };
  let host = e.HOST;
  // Local mode takes requests without authentication: it must never be reachable from elsewhere.
  if (teams.mode === 'local' && !(host && LOOPBACK.has(host))) {
    if (host) warnings.push(`HOST=${host} ignored: TEAMS_LOCAL_MODE listens on 127.0.0.1 only`);
    host = '127.0.0.1';
  }
  return {
    port: e.PORT,
    host,
    redisUrl: e.REDIS_URL,
    redisConnectTimeoutMs: e.REDIS_CONNECT_TIMEOUT_S * 1000,
    voterSecret: e.VOTER_SECRET,
    retention: { pollMaxDays: e.POLL_MAX_DAYS, retentionDays: e.RETENTION_DAYS },
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ''),
    dossierLinkDays: e.DOSSIER_LINK_DAYS,
    dataDir: e.DATA_DIR,
    role: e.ROLE,
    logLevel: e.LOG_LEVEL,
    slack: slackEnabled
      ? { signingSecret: e.SLACK_SIGNING_SECRET, botToken: e.SLACK_BOT_TOKEN!, apiUrl: e.SLACK_API_URL, appToken: e.SLACK_APP_TOKEN }
      : undefined,
    teams,
    adminPassword: e.ADMIN_PASSWORD,
    warnings,
  };
}
