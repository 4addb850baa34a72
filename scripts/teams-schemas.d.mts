/** Loads a Teams manifest ("manifest") or localization ("localization") schema bundled with @microsoft/app-manifest, with its patterns made Ajv-compatible. */
export function bundledSchema(schemaUrl: string, kind: 'manifest' | 'localization'): Record<string, unknown>;
