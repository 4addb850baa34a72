import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';

const SECRET = 'a-voter-secret-of-at-least-32-characters!';
const problemsOf = (env: Record<string, string>): string => {
  try {
    loadConfig(env);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as Error).message;
  }
  return '';
};

describe('loadConfig', () => {
  it('has sensible defaults and keeps Teams closed without credentials or local mode', () => {
    const c = loadConfig({});
    expect(c.port).toBe(3978);
    expect(c.host).toBeUndefined();
    expect(loadConfig({ HOST: '127.0.0.1' }).host).toBe('127.0.0.1');
    expect(c.role).toBe('all');
    expect(c.redisUrl).toBeUndefined();
    expect(c.redisConnectTimeoutMs).toBe(30_000);
    expect(c.retention).toEqual({ pollMaxDays: 30, retentionDays: 365 });
    expect(c.slack).toBeUndefined();
    expect(c.teams).toEqual({ mode: 'disabled' });
  });
  it('enables local Teams only with TEAMS_LOCAL_MODE=true', () => {
    expect(loadConfig({ TEAMS_LOCAL_MODE: 'true' }).teams).toEqual({ mode: 'local', allowedTenants: undefined });
    expect(loadConfig({ TEAMS_LOCAL_MODE: 'false' }).teams).toEqual({ mode: 'disabled' });
  });
  it('prefers credentials over local mode', () => {
    const c = loadConfig({ MICROSOFT_APP_ID: 'id', MICROSOFT_APP_PASSWORD: 'pw', TEAMS_LOCAL_MODE: 'true' });
    expect(c.teams.mode).toBe('authenticated');
  });
  it('enables Slack with a signing secret and a bot token', () => {
    const c = loadConfig({ SLACK_SIGNING_SECRET: 's', SLACK_BOT_TOKEN: 'xoxb-1', SLACK_API_URL: 'http://127.0.0.1:1/api/' });
    expect(c.slack).toEqual({ signingSecret: 's', botToken: 'xoxb-1', apiUrl: 'http://127.0.0.1:1/api/', appToken: undefined });
  });
  it('names every bad setting without echoing secrets', () => {
    const message = problemsOf({ PORT: 'abc', ROLE: 'boss', REDIS_URL: 'http://x', SLACK_SIGNING_SECRET: 'topsecret', MICROSOFT_APP_ID: 'only-id' });
    for (const name of ['PORT', 'ROLE', 'REDIS_URL', 'SLACK_BOT_TOKEN', 'MICROSOFT_APP_PASSWORD', 'VOTER_SECRET']) expect(message).toContain(name);
    expect(message).not.toContain('topsecret');
  });
  it('requires a voter secret of at least 32 characters whenever REDIS_URL is set, and never echoes it', () => {
    expect(problemsOf({ REDIS_URL: 'redis://127.0.0.1:6379' })).toMatch(/VOTER_SECRET: is required when REDIS_URL is set/);
    const short = problemsOf({ REDIS_URL: 'redis://127.0.0.1:6379', VOTER_SECRET: 'short-but-secret' });
    expect(short).toMatch(/VOTER_SECRET: must be at least 32 characters/);
    expect(short).not.toContain('short-but-secret');
    expect(loadConfig({ REDIS_URL: 'redis://127.0.0.1:6379', VOTER_SECRET: SECRET }).voterSecret).toBe(SECRET);
    // Without REDIS_URL the private Redis is used, and main.ts keeps a generated secret beside it.
    expect(loadConfig({}).voterSecret).toBeUndefined();
  });
  it('reads the lifetimes and the Redis start-up bound', () => {
    const c = loadConfig({ POLL_MAX_DAYS: '7', RETENTION_DAYS: '90', REDIS_CONNECT_TIMEOUT_S: '5' });
    expect(c.retention).toEqual({ pollMaxDays: 7, retentionDays: 90 });
    expect(c.redisConnectTimeoutMs).toBe(5000);
    expect(problemsOf({ POLL_MAX_DAYS: '0', RETENTION_DAYS: 'forever' })).toMatch(/POLL_MAX_DAYS[\s\S]*RETENTION_DAYS/);
  });
  it('reads the base of dossier links and their lifetime, with defaults', () => {
    expect(loadConfig({ PORT: '4000' })).toMatchObject({ publicUrl: 'http://localhost:4000', dossierLinkDays: 7 });
    expect(loadConfig({ PUBLIC_URL: 'https://werktsamen.school.be/', DOSSIER_LINK_DAYS: '3' })).toMatchObject({
      publicUrl: 'https://werktsamen.school.be',
      dossierLinkDays: 3,
    });
    expect(problemsOf({ PUBLIC_URL: 'ftp://example.org', DOSSIER_LINK_DAYS: '0' })).toMatch(/PUBLIC_URL[\s\S]*DOSSIER_LINK_DAYS/);
  });
  it('serves the allowed Teams tenants: the list, else the app\'s own tenant, else any', () => {
    const creds = { MICROSOFT_APP_ID: 'id', MICROSOFT_APP_PASSWORD: 'pw' };
    expect(loadConfig({ ...creds, TEAMS_ALLOWED_TENANTS: ' T-One ,t-two,' }).teams).toMatchObject({ allowedTenants: ['t-one', 't-two'] });
    expect(loadConfig({ ...creds, MICROSOFT_APP_TENANT_ID: 'Home' }).teams).toMatchObject({ allowedTenants: ['home'] });
    expect(loadConfig({ ...creds, MICROSOFT_APP_TENANT_ID: 'home', TEAMS_ALLOWED_TENANTS: 'a,b' }).teams).toMatchObject({ allowedTenants: ['a', 'b'] });
    expect(loadConfig(creds).teams).toMatchObject({ allowedTenants: undefined });
  });
  it('listens on loopback only in local mode, with a warning when HOST said otherwise', () => {
    expect(loadConfig({ TEAMS_LOCAL_MODE: 'true' })).toMatchObject({ host: '127.0.0.1', warnings: [] });
    const c = loadConfig({ TEAMS_LOCAL_MODE: 'true', HOST: '0.0.0.0' });
    expect(c.host).toBe('127.0.0.1');
    expect(c.warnings).toEqual(['HOST=0.0.0.0 ignored: TEAMS_LOCAL_MODE listens on 127.0.0.1 only']);
    expect(loadConfig({ TEAMS_LOCAL_MODE: 'true', HOST: '::1' }).host).toBe('::1');
    expect(loadConfig({ MICROSOFT_APP_ID: 'id', MICROSOFT_APP_PASSWORD: 'pw', HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
  });
  it('serves the queue dashboard only with an ADMIN_PASSWORD of at least 12 characters, and never echoes it', () => {
    expect(loadConfig({}).adminPassword).toBeUndefined();
    expect(loadConfig({ ADMIN_PASSWORD: '  ' }).adminPassword).toBeUndefined();
    expect(loadConfig({ ADMIN_PASSWORD: 'twelve-chars' }).adminPassword).toBe('twelve-chars');
    const short = problemsOf({ ADMIN_PASSWORD: 'elevenchars' });
    expect(short).toMatch(/ADMIN_PASSWORD: must be at least 12 characters/);
    expect(short).not.toContain('elevenchars');
  });
});
