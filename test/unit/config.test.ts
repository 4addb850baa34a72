import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';

describe('loadConfig', () => {
  it('has sensible defaults and keeps Teams closed without credentials or local mode', () => {
    const c = loadConfig({});
    expect(c.port).toBe(3978);
    expect(c.host).toBeUndefined();
    expect(loadConfig({ HOST: '127.0.0.1' }).host).toBe('127.0.0.1');
    expect(c.role).toBe('all');
    expect(c.redisUrl).toBeUndefined();
    expect(c.slack).toBeUndefined();
    expect(c.teams).toEqual({ mode: 'disabled' });
  });
  it('enables local Teams only with TEAMS_LOCAL_MODE=true', () => {
    expect(loadConfig({ TEAMS_LOCAL_MODE: 'true' }).teams).toEqual({ mode: 'local' });
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
    let error: unknown;
    try {
      loadConfig({ PORT: 'abc', ROLE: 'boss', REDIS_URL: 'http://x', SLACK_SIGNING_SECRET: 'topsecret', MICROSOFT_APP_ID: 'only-id' });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    for (const name of ['PORT', 'ROLE', 'REDIS_URL', 'SLACK_BOT_TOKEN', 'MICROSOFT_APP_PASSWORD']) expect(message).toContain(name);
    expect(message).not.toContain('topsecret');
  });
});
