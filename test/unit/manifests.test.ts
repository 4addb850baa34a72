import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inflateSync } from 'node:zlib';
import { AppManifestUtils, type AppManifest } from '@microsoft/app-manifest';
import { unzipSync } from 'fflate';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { bundledSchema } from '../../scripts/teams-schemas.mjs';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const teamsDir = join(repoRoot, 'manifests/teams');
const slackDir = join(repoRoot, 'manifests/slack');
const packageScript = join(repoRoot, 'scripts/package-teams.mjs');
const sampleGuid = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
const placeholder = '${{MICROSOFT_APP_ID}}';

type Json = Record<string, unknown>;

function readJson(path: string): Json {
  return JSON.parse(readFileSync(path, 'utf8')) as Json;
}

function teamsManifestWith(appId: string): Json {
  const text = readFileSync(join(teamsDir, 'manifest.json'), 'utf8').split(placeholder).join(appId);
  return JSON.parse(text) as Json;
}

const schemaUrl = (version: string, file: string): string =>
  `https://developer.microsoft.com/json-schemas/teams/v${version}/${file}`;

function bundledTeamsSchema(version: string, file: string): Json {
  const kind = file.includes('Localization') ? 'localization' : 'manifest';
  return bundledSchema(schemaUrl(version, file), kind);
}

interface Png {
  width: number;
  height: number;
  bitDepth: number;
  colorType: number;
  interlace: number;
  data: Buffer; // concatenated IDAT payload (still deflated)
}

function parsePng(bytes: Buffer): Png {
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(bytes.toString('ascii', 12, 16)).toBe('IHDR');
  const idat: Buffer[] = [];
  let offset = 8;
  let sawEnd = false;
  while (offset < bytes.length) {
    const length = bytes.readUInt32BE(offset);
    const type = bytes.toString('ascii', offset + 4, offset + 8);
    if (type === 'IDAT') idat.push(bytes.subarray(offset + 8, offset + 8 + length));
    if (type === 'IEND') sawEnd = true;
    offset += 12 + length;
  }
  expect(sawEnd).toBe(true);
  return {
    width: bytes.readUInt32BE(16),
    height: bytes.readUInt32BE(20),
    bitDepth: bytes[24]!,
    colorType: bytes[25]!,
    interlace: bytes[28]!,
    data: Buffer.concat(idat),
  };
}

/** Decodes a non-interlaced 8-bit RGBA PNG into raw RGBA bytes (all five scanline filters). */
function decodeRgba(png: Png): Uint8Array {
  const bpp = 4;
  const stride = png.width * bpp;
  const raw = inflateSync(png.data);
  const out = new Uint8Array(png.height * stride);
  for (let y = 0; y < png.height; y++) {
    const filter = raw[y * (stride + 1)]!;
    for (let x = 0; x < stride; x++) {
      const value = raw[y * (stride + 1) + 1 + x]!;
      const a = x >= bpp ? out[y * stride + x - bpp]! : 0;
      const b = y > 0 ? out[(y - 1) * stride + x]! : 0;
      const c = x >= bpp && y > 0 ? out[(y - 1) * stride + x - bpp]! : 0;
      let predicted = 0;
      if (filter === 1) predicted = a;
      else if (filter === 2) predicted = b;
      else if (filter === 3) predicted = (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        predicted = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      out[y * stride + x] = (value + predicted) & 0xff;
    }
  }
  return out;
}

function runPackageScript(env: NodeJS.ProcessEnv, outPath: string) {
  return spawnSync(process.execPath, [packageScript, outPath], { cwd: repoRoot, env, encoding: 'utf8' });
}

describe('Teams manifest', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('keeps the app id placeholder in the committed template', () => {
    const template = readJson(join(teamsDir, 'manifest.json'));
    expect(template.id).toBe(placeholder);
    expect((template.bots as Json[])[0]!.botId).toBe(placeholder);
  });

  it('validates against the schema bundled with @microsoft/app-manifest, offline', async () => {
    // Any attempt to download a schema fails the test.
    const fetchSpy = vi.fn(() => Promise.reject(new Error('network access is not allowed in this test')));
    vi.stubGlobal('fetch', fetchSpy);

    const manifest = teamsManifestWith(sampleGuid);
    expect(manifest.manifestVersion).toBe('1.19');
    expect(manifest.$schema).toBe('https://developer.microsoft.com/json-schemas/teams/v1.19/MicrosoftTeams.schema.json');

    // With the schema passed explicitly ...
    const schema = bundledTeamsSchema('1.19', 'MicrosoftTeams.schema.json');
    const explicitErrors = await AppManifestUtils.validateAgainstSchema(
      manifest as unknown as AppManifest,
      schema as unknown as Parameters<typeof AppManifestUtils.validateAgainstSchema>[1],
    );
    expect(explicitErrors).toEqual([]);

    // ... and resolved by the package from "$schema" (it maps developer.microsoft.com URLs to its bundled copy).
    const resolvedErrors = await AppManifestUtils.validateAgainstSchema(manifest as unknown as AppManifest);
    expect(resolvedErrors).toEqual([]);
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('reports schema errors (the validation is not vacuous)', async () => {
    const manifest = teamsManifestWith('not-a-guid');
    const errors = await AppManifestUtils.validateAgainstSchema(
      manifest as unknown as AppManifest,
      bundledTeamsSchema('1.19', 'MicrosoftTeams.schema.json') as unknown as Parameters<
        typeof AppManifestUtils.validateAgainstSchema
      >[1],
    );
    expect(errors.some((e) => e.startsWith('/id '))).toBe(true);
    expect(errors.some((e) => e.startsWith('/bots/0/botId '))).toBe(true);
  });

  it('declares the bot in every scope, with the collaboration commands in teams and group chats', () => {
    const manifest = teamsManifestWith(sampleGuid);
    const bot = (manifest.bots as Json[])[0]!;
    expect(bot.scopes).toEqual(['personal', 'team', 'groupChat']);
    expect(bot.supportsFiles).toBe(false);
    expect(bot.isNotificationOnly).toBe(false);
    const lists = bot.commandLists as { scopes: string[]; commands: { title: string; description: string }[] }[];
    expect(lists.flatMap((l) => l.scopes).sort()).toEqual(['groupChat', 'personal', 'team']);
    for (const list of lists) {
      const expected = list.scopes[0] === 'personal' ? ['poll', 'hulp'] : ['start', 'overzicht', 'stap', 'besluit', 'poll', 'dossier', 'hulp'];
      expect(list.commands.map((c) => c.title)).toEqual(expected);
      expect(list.commands.find((c) => c.title === 'poll')!.description).toBe('Peil het enthousiasme van het team');
    }
    expect(manifest.validDomains).toEqual([]);
    expect(manifest.localizationInfo).toEqual({
      defaultLanguageTag: 'nl-be',
      additionalLanguages: [{ languageTag: 'en', file: 'en.json' }],
    });
  });

  it('has an English localization file that validates and translates the commands', async () => {
    const strings = readJson(join(teamsDir, 'en.json'));
    const schema = bundledTeamsSchema('1.19', 'MicrosoftTeams.Localization.schema.json');
    const errors = await AppManifestUtils.validateAgainstSchema(
      strings as unknown as AppManifest,
      schema as unknown as Parameters<typeof AppManifestUtils.validateAgainstSchema>[1],
    );
    expect(errors).toEqual([]);
    for (const key of ['name.short', 'name.full', 'description.short', 'description.full']) {
      expect(typeof strings[key]).toBe('string');
    }
    expect(strings['bots[0].commandLists[0].commands[0].title']).toBe('poll');
    expect(strings['bots[0].commandLists[0].commands[1].title']).toBe('help');
    for (const list of [1, 2]) {
      const titles = [0, 1, 2, 3, 4, 5, 6].map((i) => strings[`bots[0].commandLists[${list}].commands[${i}].title`]);
      expect(titles).toEqual(['start', 'list', 'step', 'decide', 'poll', 'dossier', 'help']);
    }
  });
});

describe('Teams icons', () => {
  it('color.png is a 192x192 PNG', () => {
    const png = parsePng(readFileSync(join(teamsDir, 'color.png')));
    expect([png.width, png.height]).toEqual([192, 192]);
    expect(png.bitDepth).toBe(8);
  });

  it('outline.png is a 32x32 PNG with an alpha channel, white on transparent', () => {
    const png = parsePng(readFileSync(join(teamsDir, 'outline.png')));
    expect([png.width, png.height]).toEqual([32, 32]);
    expect(png.colorType).toBe(6); // truecolour with alpha
    expect(png.bitDepth).toBe(8);
    expect(png.interlace).toBe(0);

    const pixels = decodeRgba(png);
    let transparent = 0;
    let visible = 0;
    for (let i = 0; i < pixels.length; i += 4) {
      const alpha = pixels[i + 3]!;
      if (alpha === 0) transparent++;
      else {
        visible++;
        expect([pixels[i], pixels[i + 1], pixels[i + 2]]).toEqual([255, 255, 255]);
      }
    }
    expect(transparent).toBeGreaterThan(32 * 32 * 0.4); // a transparent background ...
    expect(visible).toBeGreaterThan(32 * 32 * 0.1); // ... and a recognisable glyph
    // The corners are background.
    for (const [x, y] of [[0, 0], [31, 0], [0, 31], [31, 31]] as const) {
      expect(pixels[(y * 32 + x) * 4 + 3]).toBe(0);
    }
  });
});

describe('Slack manifests', () => {
  // channels:read and groups:read: member counts and the bot joining a channel; files:write: the dossier file;
  // im:write and im:history: nudges as personal messages, and finding one after a crash mid-send.
  const expectedScopes = ['app_mentions:read', 'channels:read', 'chat:write', 'commands', 'files:write', 'groups:read', 'im:history', 'im:write', 'users:read'];

  interface SlackManifest {
    display_information: { name: string; description: string; background_color: string; long_description: string };
    features: {
      app_home: { messages_tab_enabled: boolean; home_tab_enabled: boolean };
      bot_user: { display_name: string; always_online: boolean };
      slash_commands: { command: string; url?: string; description: string; usage_hint: string; should_escape: boolean }[];
    };
    oauth_config: { scopes: { bot: string[]; user?: string[] } };
    settings: {
      event_subscriptions: { request_url?: string; bot_events: string[] };
      interactivity: { is_enabled: boolean; request_url?: string };
      org_deploy_enabled: boolean;
      socket_mode_enabled: boolean;
      token_rotation_enabled: boolean;
    };
  }

  const http = readJson(join(slackDir, 'manifest.json')) as unknown as SlackManifest;
  const socket = readJson(join(slackDir, 'manifest.socket-mode.json')) as unknown as SlackManifest;

  for (const [name, manifest] of [['HTTP', http], ['Socket Mode', socket]] as const) {
    it(`${name}: declares /werktsamen, app_mention, interactivity and only the expected scopes`, () => {
      expect(manifest.display_information.name).toBe('WerktSamen');
      expect(manifest.display_information.description.length).toBeLessThanOrEqual(140);
      expect(manifest.display_information.long_description.length).toBeGreaterThanOrEqual(175);
      expect(manifest.display_information.background_color).toMatch(/^#[0-9a-fA-F]{6}$/);
      // The bot does not read direct messages (no message.im), so the Messages tab is off.
      // Nudges arrive in the app's Messages tab; people act on them with buttons, not by typing there.
      expect(manifest.features.app_home.messages_tab_enabled).toBe(true);
      // The Home tab holds the personal overview (mijn opvolgpunten, mijn samenwerkingen).
      expect(manifest.features.app_home.home_tab_enabled).toBe(true);
      expect(manifest.features.bot_user).toEqual({ display_name: 'WerktSamen', always_online: true });

      expect(manifest.features.slash_commands).toHaveLength(1);
      const command = manifest.features.slash_commands[0]!;
      expect(command.command).toBe('/werktsamen');
      expect(command.usage_hint).toBe('start <titel> | overzicht | stap 1-4 | besluit | dossier | poll [vraag] | help');
      // Escaped, `@An` arrives as `<@U…>`: how a follow-up names its owner.
      expect(command.should_escape).toBe(true);

      expect([...manifest.oauth_config.scopes.bot].sort()).toEqual(expectedScopes);
      expect(manifest.oauth_config.scopes.user).toBeUndefined();
      // app_uninstalled and tokens_revoked delete the workspace's data; member_joined_channel says welcome;
      // app_home_opened shows the personal overview on the Home tab.
      expect(manifest.settings.event_subscriptions.bot_events).toEqual(['app_mention', 'app_uninstalled', 'tokens_revoked', 'member_joined_channel', 'app_home_opened']);
      expect(manifest.settings.interactivity.is_enabled).toBe(true);
      expect(manifest.settings.org_deploy_enabled).toBe(false);
      expect(manifest.settings.token_rotation_enabled).toBe(false);
    });
  }

  it('HTTP: points every request URL at /slack/events', () => {
    const url = 'https://YOUR-HOST/slack/events';
    expect(http.settings.socket_mode_enabled).toBe(false);
    expect(http.features.slash_commands[0]!.url).toBe(url);
    expect(http.settings.event_subscriptions.request_url).toBe(url);
    expect(http.settings.interactivity.request_url).toBe(url);
  });

  it('Socket Mode: has no request URLs and otherwise matches the HTTP manifest', () => {
    expect(socket.settings.socket_mode_enabled).toBe(true);
    expect(socket.features.slash_commands[0]!.url).toBeUndefined();
    expect(socket.settings.event_subscriptions.request_url).toBeUndefined();
    expect(socket.settings.interactivity.request_url).toBeUndefined();

    const strip = (m: SlackManifest) => {
      const copy = structuredClone(m);
      delete copy.features.slash_commands[0]!.url;
      delete copy.settings.event_subscriptions.request_url;
      delete copy.settings.interactivity.request_url;
      copy.settings.socket_mode_enabled = true;
      return copy;
    };
    expect(strip(http)).toEqual(socket);
  });
});

describe('scripts/package-teams.mjs', () => {
  const workDir = mkdtempSync(join(tmpdir(), 'werktsamen-teams-'));
  afterAll(() => rmSync(workDir, { recursive: true, force: true }));

  const baseEnv = (): NodeJS.ProcessEnv => {
    const env = { ...process.env };
    delete env.MICROSOFT_APP_ID;
    return env;
  };

  it('builds a flat zip with the app id substituted', () => {
    const outPath = join(workDir, 'nested', 'teams-app.zip');
    const result = runPackageScript({ ...baseEnv(), MICROSOFT_APP_ID: sampleGuid }, outPath);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout.trim()).toBe(outPath);

    const entries = unzipSync(new Uint8Array(readFileSync(outPath)));
    expect(Object.keys(entries).sort()).toEqual(['color.png', 'en.json', 'manifest.json', 'outline.png']);

    const manifestText = new TextDecoder().decode(entries['manifest.json']);
    expect(manifestText).not.toContain('${{');
    const manifest = JSON.parse(manifestText) as { id: string; bots: { botId: string }[] };
    expect(manifest.id).toBe(sampleGuid);
    expect(manifest.bots[0]!.botId).toBe(sampleGuid);

    expect(Buffer.from(entries['color.png']!).equals(readFileSync(join(teamsDir, 'color.png')))).toBe(true);
    expect(Buffer.from(entries['outline.png']!).equals(readFileSync(join(teamsDir, 'outline.png')))).toBe(true);
    expect(Buffer.from(entries['en.json']!).equals(readFileSync(join(teamsDir, 'en.json')))).toBe(true);
  });

  it('fails with a clear message when MICROSOFT_APP_ID is not set', () => {
    const outPath = join(workDir, 'missing-id.zip');
    const result = runPackageScript(baseEnv(), outPath);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('MICROSOFT_APP_ID is not set');
    expect(result.stderr).toMatch(/Set MICROSOFT_APP_ID/);
    expect(() => readFileSync(outPath)).toThrow();
  });

  it('rejects a MICROSOFT_APP_ID that is not a GUID', () => {
    const outPath = join(workDir, 'bad-id.zip');
    const result = runPackageScript({ ...baseEnv(), MICROSOFT_APP_ID: 'my-bot' }, outPath);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('must be a GUID');
    expect(() => readFileSync(outPath)).toThrow();
  });
});
