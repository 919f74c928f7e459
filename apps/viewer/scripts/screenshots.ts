/**
 * Regenerates docs/screenshots/*.png: the viewer's main pages in Debian's
 * chromium. Not part of CI's freshness check (pixels vary between machines).
 *
 *   pnpm --filter @criteria/viewer screenshots
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser, root, startViewer } from '../test/support/browser.js';

const shots: {
  name: string;
  path: string;
  act?: (page: import('playwright-core').Page) => Promise<void>;
}[] = [
  { name: 'policy-timeline', path: 'policies/imrt/index.html' },
  { name: 'revision', path: 'policies/imrt/revisions/2021-03-02.html' },
  { name: 'source', path: 'policies/imrt/source.html#L144' },
  { name: 'diff', path: 'policies/imrt/diff/2021-03-02-to-2023-01-10.html' },
  { name: 'notices', path: 'policies/imrt/notices/index.html' },
  {
    name: 'code-check',
    path: 'codes.html',
    act: async (page) => {
      await page.fill('#cc-code', '77385');
      await page.fill('#cc-date', '2021-09-01');
      await page.click('#code-check button[type=submit]');
      await page.waitForSelector('#code-result table');
    },
  },
  {
    name: 'check-request',
    path: 'check.html',
    act: async (page) => {
      await page.selectOption('#rq-lineOfBusiness', 'non-medicare');
      await page.fill('#rq-dateOfService', '2021-07-31');
      await page.fill('#rq-procedureCodes', '77385');
      await page.fill('#rq-indication', 'pancreatic-cancer');
      await page.click('#request-form button[type=submit]');
      await page.waitForSelector('#determination-json');
    },
  },
];

const out = join(root, 'docs', 'screenshots');
mkdirSync(out, { recursive: true });
const { app, base } = await startViewer();
const browser = await launchBrowser();
try {
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  for (const shot of shots) {
    await page.goto(`${base}/${shot.path}`);
    await shot.act?.(page);
    await page.screenshot({ path: join(out, `${shot.name}.png`), fullPage: false });
    process.stdout.write(`wrote docs/screenshots/${shot.name}.png\n`);
  }
} finally {
  await browser.close();
  await app.close();
}
