import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const src = join(root, 'src');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** Every module a file imports (static, dynamic and type-only), as written. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const found = [...text.matchAll(/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)];
  return found.map((m) => m[1] ?? m[2] ?? '');
}

const area = (file: string): string => relative(src, file).split('/').slice(0, relative(src, file).startsWith('platforms') ? 2 : 1).join('/');

function resolved(file: string, spec: string): string | undefined {
  if (!spec.startsWith('.')) return undefined;
  return resolve(dirname(file), spec).replace(/\.js$/, '.ts');
}

const all = files(src);

describe('layout and dependency rules (DESIGN.md §3)', () => {
  it('domain/ imports only itself and zod', () => {
    for (const f of all.filter((f) => area(f) === 'domain')) {
      for (const spec of importsOf(f)) {
        const target = resolved(f, spec);
        if (target) expect(area(target), `${relative(root, f)} -> ${spec}`).toBe('domain');
        else expect(['zod'], `${relative(root, f)} -> ${spec}`).toContain(spec);
      }
    }
  });

  it('app/ imports domain, content, its own ports and only pure computation libraries without I/O (zod, node:crypto, chrono-node, luxon), never an SDK', () => {
    for (const f of all.filter((f) => area(f) === 'app')) {
      for (const spec of importsOf(f)) {
        const target = resolved(f, spec);
        if (target) expect(['app', 'domain', 'content'], `${relative(root, f)} -> ${spec}`).toContain(area(target));
        else expect(spec, `${relative(root, f)} -> ${spec}`).toMatch(/^(zod|node:crypto|chrono-node|luxon)$/);
      }
    }
  });

  it('Slack and Teams never import each other, and SDKs stay in their own folders', () => {
    for (const f of all) {
      const a = area(f);
      for (const spec of importsOf(f)) {
        const target = resolved(f, spec);
        if (a === 'platforms/slack' && target) expect(area(target), `${relative(root, f)} -> ${spec}`).not.toBe('platforms/teams');
        if (a === 'platforms/teams' && target) expect(area(target), `${relative(root, f)} -> ${spec}`).not.toBe('platforms/slack');
        if (spec.startsWith('botbuilder')) expect(['platforms/teams'], `${relative(root, f)} imports botbuilder`).toContain(a);
        if (spec.startsWith('@slack/')) expect(['platforms/slack', 'main.ts'], `${relative(root, f)} imports ${spec}`).toContain(a);
      }
    }
  });

  it('only config.ts reads the environment', () => {
    for (const f of all) {
      if (relative(src, f) === 'config.ts') continue;
      expect(readFileSync(f, 'utf8'), relative(root, f)).not.toMatch(/process\.env/);
    }
  });

  it('has no circular imports', () => {
    const graph = new Map(all.map((f) => [f, importsOf(f).map((s) => resolved(f, s)).filter((t): t is string => Boolean(t))]));
    const state = new Map<string, 'visiting' | 'done'>();
    const cycles: string[] = [];
    const visit = (f: string, path: string[]): void => {
      if (state.get(f) === 'done') return;
      if (state.get(f) === 'visiting') {
        cycles.push([...path.slice(path.indexOf(f)), f].map((p) => relative(src, p)).join(' -> '));
        return;
      }
      state.set(f, 'visiting');
      for (const t of graph.get(f) ?? []) visit(t, [...path, f]);
      state.set(f, 'done');
    };
    for (const f of all) visit(f, []);
    expect(cycles).toEqual([]);
  });

  it('keeps source files small and free of console.log', () => {
    for (const f of all) {
      const text = readFileSync(f, 'utf8');
      expect(text.split('\n').length, relative(root, f)).toBeLessThanOrEqual(300);
      expect(text, relative(root, f)).not.toMatch(/console\.log/);
    }
  });
});
