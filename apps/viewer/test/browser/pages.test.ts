import AxeBuilder from '@axe-core/playwright';
import type { FastifyInstance } from 'fastify';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSite } from '../../src/site.js';
import { launchBrowser, startViewer, viewerData } from '../support/browser.js';

// One browser for this file; the viewer on a loopback port. Timeouts only catch a hang.
const HANG = 600_000;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let app: FastifyInstance;
let base: string;
let pages: string[];
let current = '';
const problems: string[] = [];
beforeAll(async () => {
  ({ app, base } = await startViewer());
  browser = await launchBrowser();
  // axe-core/playwright needs a page made by browser.newContext().
  context = await browser.newContext();
  page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`${current}: console error: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`${current}: page error: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`${current}: failed request ${r.url()}`));
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`${current}: ${r.status()} ${r.url()}`);
  });
  pages = createSite(await viewerData()).paths.filter((p) => p.endsWith('.html'));
}, HANG);
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await app?.close();
});

const visit = async (path: string) => {
  current = path;
  const response = await page.goto(`${base}/${path}`, { waitUntil: 'load' });
  expect(response?.status(), path).toBe(200);
  // Pages with forms run the bundle, which marks the document once it has wired them.
  if (await page.$('script[src$="viewer.js"]'))
    await page.waitForSelector('html[data-viewer-ready="true"]');
};

describe('every page in a real browser', () => {
  it(
    'loads with no console error and no failed request',
    async () => {
      // 3 site pages; per policy 4 pages, 8 revisions, 8 notices and 56 ordered diff pairs.
      expect(pages).toHaveLength(79);
      for (const path of pages) await visit(path);
      expect(problems).toEqual([]);
    },
    HANG,
  );

  it(
    'has no serious or critical axe-core violation (every page but the 56 diff pairs, which share one template: three of them)',
    async () => {
      const pairs = pages.filter((p) => /\/diff\/.+-to-.+\.html$/.test(p));
      const scanned = [
        ...pages.filter((p) => !pairs.includes(p)),
        'policies/imrt/diff/2021-03-02-to-2023-01-10.html',
        'policies/imrt/diff/2023-01-10-to-2015-07-07.html',
        'policies/imrt/diff/2016-03-01-to-2016-03-01.html'.replace(
          '-to-2016-03-01',
          '-to-2016-11-01',
        ),
      ];
      expect(scanned).toHaveLength(26);
      const violations: string[] = [];
      for (const path of scanned) {
        await visit(path);
        // Only violations are read: axe skips collecting passes and incomplete results (much faster).
        const axe = await new AxeBuilder({ page })
          .options({ resultTypes: ['violations'] })
          .analyze();
        for (const v of axe.violations)
          if (v.impact === 'serious' || v.impact === 'critical')
            violations.push(
              `${path}: ${v.impact} ${v.id}: ${v.nodes
                .map((n) => n.target.join(' '))
                .slice(0, 3)
                .join(', ')}`,
            );
      }
      expect(violations).toEqual([]);
      expect(problems).toEqual([]);
    },
    HANG,
  );
});
