#!/usr/bin/env node
// Builds the Microsoft Teams app package (a zip with manifest.json, the two icons and the
// localization files at its root) from manifests/teams/.
//
//   MICROSOFT_APP_ID=<bot app id> npm run package:teams [-- <output.zip>]
//
// The committed manifest holds the placeholder ${{MICROSOFT_APP_ID}} in `id` and `bots[0].botId`;
// it is replaced here by the environment variable. The result is validated offline against the
// JSON schema bundled with @microsoft/app-manifest before anything is written.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppManifestUtils } from '@microsoft/app-manifest';
import { zipSync } from 'fflate';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const teamsDir = resolve(repoRoot, 'manifests/teams');
const placeholder = '${{MICROSOFT_APP_ID}}';
const guidPattern = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const require = createRequire(import.meta.url);

function fail(message) {
  process.stderr.write(`package-teams: ${message}\n`);
  process.exit(1);
}

/**
 * Loads a schema shipped inside @microsoft/app-manifest, so validation never needs the network.
 * The package would also find it from a developer.microsoft.com `$schema` URL, but it silently
 * downloads anything it does not bundle (there is, for example, no v1.18), so we insist on a
 * local copy.
 */
function bundledSchema(schemaUrl, kind) {
  const match = /\/json-schemas\/teams\/(v[^/]+)\/[^/]+$/.exec(new URL(schemaUrl).pathname);
  if (!match) fail(`${kind}: unexpected $schema URL ${schemaUrl}`);
  const file = `@microsoft/app-manifest/build/json-schemas/teams/${match[1]}/${
    kind === 'manifest' ? 'MicrosoftTeams.schema.json' : 'MicrosoftTeams.Localization.schema.json'
  }`;
  let path;
  try {
    path = require.resolve(file);
  } catch {
    fail(`${kind}: @microsoft/app-manifest does not bundle a schema for ${match[1]}; pick a bundled manifest version`);
  }
  return repairPatterns(JSON.parse(readFileSync(path, 'utf8')));
}

/**
 * Every bundled MicrosoftTeams.Localization.schema.json (v1.17 up to v1.30) has pattern keys such as
 * `^activities.activityTypes\[\b(...)\b]\.description$` with an unescaped `]`. That is legal in a
 * plain JavaScript RegExp but not with the `u` flag Ajv compiles patterns with, so
 * validateAgainstSchema throws "Lone quantifier brackets" before validating anything. Escaping a
 * `]` that does not close a character class keeps the meaning and makes the pattern compile.
 */
function escapeLoneBrackets(pattern) {
  let out = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '\\') {
      out += ch + (pattern[i + 1] ?? '');
      i++;
    } else if (ch === '[' && !inClass) {
      inClass = true;
      out += ch;
    } else if (ch === ']') {
      out += inClass ? ch : '\\]';
      inClass = false;
    } else {
      out += ch;
    }
  }
  return out;
}

function compilesAsUnicode(pattern) {
  try {
    new RegExp(pattern, 'u');
    return true;
  } catch {
    return false;
  }
}

function repairPatterns(node) {
  if (Array.isArray(node)) return node.map(repairPatterns);
  if (node === null || typeof node !== 'object') return node;
  const out = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'patternProperties' && value && typeof value === 'object') {
      out[key] = Object.fromEntries(
        Object.entries(value).map(([p, sub]) => [compilesAsUnicode(p) ? p : escapeLoneBrackets(p), repairPatterns(sub)]),
      );
    } else if (key === 'pattern' && typeof value === 'string') {
      out[key] = compilesAsUnicode(value) ? value : escapeLoneBrackets(value);
    } else {
      out[key] = repairPatterns(value);
    }
  }
  return out;
}

function readPngSize(bytes) {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length < 24 || signature.some((b, i) => bytes[i] !== b)) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** Reads a file named by the manifest; it must stay inside manifests/teams and is stored flat. */
function packageFile(name) {
  if (isAbsolute(name) || name.includes('/') || name.includes('\\')) {
    fail(`"${name}" must be a plain file name next to manifest.json (the package is flat)`);
  }
  const path = resolve(teamsDir, name);
  if (!existsSync(path)) fail(`${relative(repoRoot, path)} is referenced by the manifest but does not exist`);
  return new Uint8Array(readFileSync(path));
}

const appId = process.env.MICROSOFT_APP_ID?.trim();
if (!appId) {
  fail('MICROSOFT_APP_ID is not set. Set MICROSOFT_APP_ID to the Microsoft App ID (a GUID) of the bot registration, e.g. MICROSOFT_APP_ID=00000000-0000-0000-0000-000000000000 npm run package:teams');
}
if (!guidPattern.test(appId)) {
  fail(`MICROSOFT_APP_ID must be a GUID like 00000000-0000-0000-0000-000000000000, got "${appId}"`);
}

const template = readFileSync(resolve(teamsDir, 'manifest.json'), 'utf8');
const manifestText = template.split(placeholder).join(appId);
const leftover = /\$\{\{[^}]*\}\}/.exec(manifestText);
if (leftover) fail(`manifest.json still contains the unknown placeholder ${leftover[0]}`);
const manifest = JSON.parse(manifestText);

const errors = (await AppManifestUtils.validateAgainstSchema(manifest, bundledSchema(manifest.$schema, 'manifest'))).map(
  (e) => `manifest.json: ${e}`,
);

const files = { 'manifest.json': new TextEncoder().encode(manifestText) };

const iconSizes = { color: 192, outline: 32 };
for (const [kind, size] of Object.entries(iconSizes)) {
  const name = manifest.icons?.[kind];
  if (typeof name !== 'string') continue; // reported by the schema
  const bytes = packageFile(name);
  const dims = readPngSize(bytes);
  if (!dims) errors.push(`${name}: not a PNG file`);
  else if (dims.width !== size || dims.height !== size) {
    errors.push(`${name}: the ${kind} icon must be ${size}x${size}, is ${dims.width}x${dims.height}`);
  }
  files[name] = bytes;
}

const localization = manifest.localizationInfo;
const languageFiles = [
  ...(localization?.defaultLanguageFile ? [localization.defaultLanguageFile] : []),
  ...(localization?.additionalLanguages ?? []).map((l) => l.file),
];
for (const name of languageFiles) {
  const bytes = packageFile(name);
  const strings = JSON.parse(new TextDecoder().decode(bytes));
  const schemaUrl = strings.$schema ?? manifest.$schema.replace(/MicrosoftTeams\.schema\.json$/, 'MicrosoftTeams.Localization.schema.json');
  const localizationErrors = await AppManifestUtils.validateAgainstSchema(strings, bundledSchema(schemaUrl, 'localization'));
  errors.push(...localizationErrors.map((e) => `${name}: ${e}`));
  files[name] = bytes;
}

if (errors.length > 0) {
  fail(`the Teams app package is not valid:\n${errors.map((e) => `  - ${e}`).join('\n')}`);
}

const outPath = resolve(process.cwd(), process.argv[2] ?? resolve(repoRoot, 'dist/teams-app.zip'));
// A fixed timestamp keeps the zip byte-identical for identical inputs.
const zip = zipSync(files, { level: 9, mtime: new Date('2020-01-01T00:00:00Z') });
mkdirSync(dirname(outPath), { recursive: true });
writeFileSync(outPath, zip);
process.stdout.write(`${outPath}\n`);
