import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { TODAY, viewerData } from '../test/support/browser.js';
import type { ViewerData } from './data.js';
import { exportSite } from './export.js';
import { href } from './internal/html.js';
import { paths } from './internal/paths.js';
import { viewerPlugin } from './plugin.js';
import { createSite, type Site } from './site.js';

let data: ViewerData;
let site: Site;
const pages = new Map<string, string>();
beforeAll(async () => {
  data = await viewerData();
  site = createSite(data);
  for (const path of site.paths)
    if (path.endsWith('.html')) pages.set(path, String((await site.render(path, TODAY))?.body));
});

describe('href', () => {
  it.each([
    ['index.html', 'policies/imrt/index.html', 'policies/imrt/index.html'],
    [
      'policies/imrt/revisions/2021-03-02.html',
      'policies/imrt/source.html#L150',
      '../source.html#L150',
    ],
    ['policies/imrt/index.html', 'index.html', '../../index.html'],
    ['policies/imrt/diff/a-to-b.html', 'policies/imrt/diff/b-to-a.html', 'b-to-a.html'],
    ['codes.html', 'assets/viewer.js', 'assets/viewer.js'],
  ])('from %s to %s is %s', (from, to, expected) => {
    expect(href(from, to)).toBe(expected);
  });
});

describe('the site', () => {
  it('has every page: 8 revisions, 56 ordered diff pairs, 8 notices as HTML and PDF', () => {
    const imrt = data.policies.find((e) => e.policy.id === 'imrt');
    expect(imrt?.policy.revisions).toHaveLength(8);
    const list = site.paths;
    expect(list.filter((p) => p.startsWith('policies/imrt/revisions/'))).toHaveLength(8);
    expect(list.filter((p) => /^policies\/imrt\/diff\/.+-to-.+\.html$/.test(p))).toHaveLength(56);
    expect(list.filter((p) => /^policies\/imrt\/notices\/.+\.pdf$/.test(p))).toHaveLength(8);
    expect(list.filter((p) => /^policies\/imrt\/notices\/\d.+\.html$/.test(p))).toHaveLength(8);
    expect(list).toEqual(
      expect.arrayContaining([
        paths.home,
        paths.codes,
        paths.check,
        paths.css,
        paths.js,
        paths.diffJs,
      ]),
    );
  });

  it('every link and script of every page resolves to a file of the site, and every #L anchor to a line', () => {
    const broken: string[] = [];
    const source = pages.get(paths.source('imrt')) as string;
    for (const [path, html] of pages)
      for (const m of html.matchAll(/(?:href|src)="([^"]+)"/g)) {
        const link = (m[1] as string).replace(/&amp;/g, '&');
        if (link === 'data:,') continue; // the empty icon: no request
        if (/^[a-z]+:/.test(link)) {
          if (!link.startsWith('http://www.w3.org/')) broken.push(`${path}: external ${link}`);
          continue;
        }
        const [file, fragment] = link.split('#') as [string, string | undefined];
        const dirs = path.split('/').slice(0, -1);
        for (const part of file.split('/'))
          if (part === '..') dirs.pop();
          else if (part !== '.' && part !== '') dirs.push(part);
        const target = file === '' ? path : dirs.join('/');
        if (!site.paths.includes(target)) broken.push(`${path}: ${link}`);
        if (fragment && target === paths.source('imrt') && !source.includes(`id="${fragment}"`))
          broken.push(`${path}: ${link} (no such line)`);
        if (fragment && file === '' && !html.includes(`id="${fragment}"`))
          broken.push(`${path}: ${link}`);
      }
    expect(broken).toEqual([]);
  });

  it('loads the whole bundle only where it computes (code and request checks); the diff pages only the chooser', async () => {
    const scripts = new Map<string, string[]>();
    for (const [path, html] of pages) {
      const src = [...html.matchAll(/<script[^>]* src="([^"]+)"/g)].map((m) => m[1] as string);
      if (src.length > 0) scripts.set(path, src);
    }
    const diffPages = [...pages.keys()].filter((p) => p.startsWith('policies/imrt/diff/'));
    expect(diffPages).toHaveLength(57);
    expect(scripts).toEqual(
      new Map<string, string[]>([
        [paths.codes, [paths.js]],
        [paths.check, [paths.js]],
        ...diffPages.map((p): [string, string[]] => [p, ['../../../assets/diff.js']]),
      ]),
    );
    const chooser = String((await site.render(paths.diffJs, TODAY))?.body);
    const bundle = String((await site.render(paths.js, TODAY))?.body);
    // The chooser is its own few hundred bytes: no policy, no evaluator in it.
    expect(chooser).toContain('data-diff-chooser');
    expect(chooser).toContain('data-viewer-ready');
    expect(chooser).not.toContain('imrt');
    expect(chooser.length).toBeLessThan(bundle.length / 100);
  });

  it('serves the same bytes live (fastify plugin) as it exports (static files), at every path', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'viewer-site-')), 'site');
    const app = Fastify();
    try {
      await app.register(viewerPlugin, { data, today: () => TODAY });
      const n = await exportSite(site, out, TODAY);
      expect(n).toBe(site.paths.length);
      for (const path of site.paths) {
        const live = await app.inject({ method: 'GET', url: `/${path}` });
        expect(live.statusCode, path).toBe(200);
        expect(live.rawPayload.equals(readFileSync(join(out, ...path.split('/')))), path).toBe(
          true,
        );
      }
      const home = await app.inject({ method: 'GET', url: '/' });
      expect(home.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(home.body).toBe(pages.get('index.html'));
      expect((await app.inject({ method: 'GET', url: '/policies/imrt/' })).body).toBe(
        pages.get(paths.policy('imrt')),
      );
      const pdf = await app.inject({
        method: 'GET',
        url: `/${paths.noticePdf('imrt', '2023-01-10')}`,
      });
      expect(pdf.headers['content-type']).toBe('application/pdf');
      expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
      expect(
        (await app.inject({ method: 'GET', url: '/policies/imrt/nope.html' })).statusCode,
      ).toBe(404);
    } finally {
      await app.close();
      rmSync(join(out, '..'), { recursive: true, force: true });
    }
  });

  it('refuses to export over a directory that is not an earlier export, and leaves it untouched', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'viewer-keep-'));
    try {
      const keep = join(dir, 'keep.txt');
      writeFileSync(keep, 'mine');
      await expect(exportSite(site, dir, TODAY)).rejects.toThrow(
        /not empty and not an earlier export/,
      );
      expect(readFileSync(keep, 'utf8')).toBe('mine');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('marks "today" only where it is injected: the policy page changes with it, nothing else', async () => {
    const other = '2030-01-01';
    for (const path of site.paths.filter((p) => p.endsWith('.html'))) {
      const a = pages.get(path);
      const b = String((await site.render(path, other))?.body);
      if (path === paths.policy('imrt')) {
        expect(b).not.toBe(a);
        expect(b).toContain(`data-today="${other}"`);
      } else expect(b, path).toBe(a);
    }
  });
});
