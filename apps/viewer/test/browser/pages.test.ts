import axe from 'axe-core';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createSite } from '../../src/site.js';
import {
  HANG,
  openViewer,
  recordProblems,
  type ViewerSession,
  viewerData,
} from '../support/browser.js';

// Every page is loaded once, by two tabs at a time: the pages to scan are scanned with
// axe-core on that same load. The tabs share one context: with a context each, chromium
// started a renderer process for almost every load (docs/performance.md). Timeouts only
// catch a hang.
const TABS = 2;
let viewer: ViewerSession;
let pages: string[];
let scanned: string[];
const visited: string[] = [];
const problems: string[] = [];
const violations: string[] = [];
/** Per page scanned, how many of axe's rules applied to it (none would mean no scan). */
const rulesApplied = new Map<string, number>();

/** axe-core's serious and critical violations on the page shown, one line each. */
async function scan(page: Page, path: string): Promise<void> {
  // axe-core injected once per page load (through @axe-core/playwright it was three times,
  // plus a blank page per scan to merge frame results: these pages have no frames).
  await page.evaluate(axe.source);
  const found = await page.evaluate(async () => {
    const run = (window as unknown as { axe: typeof axe }).axe.run;
    // Only violations are collected: axe skips passes and incomplete results (much faster).
    const result = await run(document, { resultTypes: ['violations'] });
    const applied = result.violations.length + result.passes.length + result.incomplete.length;
    const serious = result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map(
        (v) =>
          `${v.impact} ${v.id}: ${v.nodes
            .map((n) => n.target.join(' '))
            .slice(0, 3)
            .join(', ')}`,
      );
    return { applied, serious };
  });
  rulesApplied.set(path, found.applied);
  violations.push(...found.serious.map((v) => `${path}: ${v}`));
}

beforeAll(async () => {
  viewer = await openViewer(inject('chromium'));
  pages = createSite(await viewerData()).paths.filter((p) => p.endsWith('.html'));
  // Every page but the 56 diff pairs, which share one template: three of them.
  const pairs = pages.filter((p) => /\/diff\/.+-to-.+\.html$/.test(p));
  scanned = [
    ...pages.filter((p) => !pairs.includes(p)),
    'policies/imrt/diff/2021-03-02-to-2023-01-10.html',
    'policies/imrt/diff/2023-01-10-to-2015-07-07.html',
    'policies/imrt/diff/2016-03-01-to-2016-11-01.html',
  ];
  const queue = [...pages];
  const context = await viewer.newContext();
  await Promise.all(
    Array.from({ length: TABS }, async () => {
      const page = await context.newPage();
      let current = '';
      recordProblems(page, problems, () => current);
      for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
        current = path;
        const response = await page.goto(`${viewer.base}/${path}`, { waitUntil: 'load' });
        if (response?.status() !== 200) problems.push(`${path}: HTTP ${response?.status()}`);
        // Pages with a script (the bundle, or the diff chooser) are marked once it has wired their forms.
        if (await page.$('script[src]'))
          await page.waitForSelector('html[data-viewer-ready="true"]');
        if (scanned.includes(path)) await scan(page, path);
        visited.push(path);
      }
    }),
  );
}, HANG);
afterAll(async () => {
  await viewer?.close();
});

describe('every page in a real browser', () => {
  it('loads with no console error and no failed request', () => {
    // 3 site pages; per policy 4 pages, 8 revisions, 8 notices and 56 ordered diff pairs.
    expect(pages).toHaveLength(79);
    expect(visited.toSorted()).toEqual(pages.toSorted());
    expect(problems).toEqual([]);
  });

  it('has no serious or critical axe-core violation (every page but the 56 diff pairs, which share one template: three of them)', () => {
    expect(scanned).toHaveLength(26);
    expect(new Set(scanned).size).toBe(26);
    expect(scanned.every((p) => pages.includes(p))).toBe(true);
    expect([...rulesApplied.keys()].toSorted()).toEqual(scanned.toSorted());
    for (const [path, applied] of rulesApplied) expect(applied, path).toBeGreaterThan(10);
    expect(violations).toEqual([]);
  });
});
