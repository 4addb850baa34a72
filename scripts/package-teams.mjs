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
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppManifestUtils } from '@microsoft/app-manifest';
import { zipSync } from 'fflate';
import { bundledSchema as loadBundledSchema } from './teams-schemas.mjs';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const teamsDir = resolve(repoRoot, 'manifests/teams');
const placeholder = '${{MICROSOFT_APP_ID}}';
const guidPattern = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

function bundledSchema(schemaUrl, kind) {
  try {
    return loadBundledSchema(schemaUrl, kind);
  } catch (err) {
    return fail(err.message);
  }
}

function fail(message) {
  process.stderr.write(`package-teams: ${message}\n`);
  process.exit(1);
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
