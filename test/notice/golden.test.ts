/**
 * Golden files: the generated notices and changelog, committed and reviewed
 * like code. A change in output fails here; regenerate on purpose with
 * `pnpm golden:update` and review the diff.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { imrt } from '@criteria/policy-imrt';
import { type DefaultTreeAdapterMap, parse } from 'parse5';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

const dir = fileURLToPath(new URL('./golden/', import.meta.url));
const update = process.env.UPDATE_GOLDEN === '1';

/** A notice golden for every IMRT revision that requires advance notice. */
const noticed = imrt.revisions.filter((r) => r.notice.required).map((r) => r.id);

const goldens: [file: string, args: string[]][] = [
  ...noticed.flatMap((rev) =>
    (['md', 'html', 'json'] as const).map((f): [string, string[]] => [
      `notice-${rev}.${f}`,
      ['notice', 'imrt', rev, '--format', f],
    ]),
  ),
  ['changelog.md', ['changelog', 'imrt', '--format', 'md']],
  ['changelog.json', ['changelog', 'imrt', '--format', 'json']],
];

describe('golden files', () => {
  it('cover the notice of every revision that requires one (there are some)', () => {
    expect(noticed.length).toBeGreaterThan(0);
    for (const rev of noticed) expect(existsSync(join(dir, `notice-${rev}.md`))).toBe(true);
  });

  it.each(goldens)('%s matches `criteria %s`', async (file, args) => {
    const r = await runCli(args);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const path = join(dir, file);
    if (update) writeFileSync(path, r.stdout);
    expect(existsSync(path), `${file} is missing: run pnpm golden:update`).toBe(true);
    expect(r.stdout, `${file} drifted: review, then pnpm golden:update`).toBe(
      readFileSync(path, 'utf8'),
    );
  });

  it('every golden file is listed here (none left over)', async () => {
    const { readdirSync } = await import('node:fs');
    expect(readdirSync(dir).sort()).toEqual(goldens.map(([f]) => f).sort());
  });
});

type Element = DefaultTreeAdapterMap['element'];
const walk = (node: unknown, visit: (e: Element) => void) => {
  const n = node as { tagName?: string; childNodes?: unknown[]; content?: unknown };
  if (n.tagName) visit(n as Element);
  for (const c of n.childNodes ?? []) walk(c, visit);
  if (n.content) walk(n.content, visit);
};

describe('the HTML notices', () => {
  it.each(noticed)('%s: parses cleanly, tables have headers, no script', (rev) => {
    const html = readFileSync(join(dir, `notice-${rev}.html`), 'utf8');
    const errors: string[] = [];
    const doc = parse(html, { onParseError: (e) => errors.push(`${e.code} at ${e.startLine}`) });
    expect(errors).toEqual([]);
    const tags: Element[] = [];
    walk(doc, (e) => tags.push(e));
    const named = (name: string) => tags.filter((e) => e.tagName === name);
    expect(named('html')[0]?.attrs).toContainEqual({ name: 'lang', value: 'en' });
    expect(named('title')).toHaveLength(1);
    expect(named('h1')).toHaveLength(1);
    expect(named('script')).toEqual([]);
    expect(named('link')).toEqual([]);
    expect(tags.some((e) => e.attrs.some((a) => a.name === 'src' || a.name === 'href'))).toBe(
      false,
    );
    const tables = named('table');
    expect(tables.length).toBeGreaterThanOrEqual(3);
    for (const t of tables) {
      const inner: Element[] = [];
      walk(t, (e) => inner.push(e));
      expect(inner.filter((e) => e.tagName === 'caption')).toHaveLength(1);
      const th = inner.filter((e) => e.tagName === 'th');
      expect(th.length).toBeGreaterThan(0);
      for (const h of th)
        expect(h.attrs.find((a) => a.name === 'scope')?.value).toMatch(/^(col|row)$/);
    }
  });
});
