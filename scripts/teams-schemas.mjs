// Offline access to the Teams app manifest JSON schemas bundled with @microsoft/app-manifest,
// shared by scripts/package-teams.mjs and the manifest tests.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * Loads a schema shipped inside @microsoft/app-manifest, so validation never needs the network.
 * The package would also find it from a developer.microsoft.com `$schema` URL, but it silently
 * downloads anything it does not bundle (there is, for example, no v1.18), so we insist on a
 * local copy.
 */
export function bundledSchema(schemaUrl, kind) {
  const match = /\/json-schemas\/teams\/(v[^/]+)\/[^/]+$/.exec(new URL(schemaUrl).pathname);
  if (!match) throw new Error(`${kind}: unexpected $schema URL ${schemaUrl}`);
  const file = `@microsoft/app-manifest/build/json-schemas/teams/${match[1]}/${
    kind === 'manifest' ? 'MicrosoftTeams.schema.json' : 'MicrosoftTeams.Localization.schema.json'
  }`;
  let path;
  try {
    path = require.resolve(file);
  } catch {
    throw new Error(`${kind}: @microsoft/app-manifest does not bundle a schema for ${match[1]}; pick a bundled manifest version`);
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

