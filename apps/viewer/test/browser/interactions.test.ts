import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { diffRevisions } from '@criteria/diff';
import { imrt } from '@criteria/policy-imrt';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { HANG, openViewer, type ViewerSession, visit } from '../support/browser.js';

// The run's one chromium, a context of this file's own. Timeouts only catch a hang.
let viewer: ViewerSession;
let page: Page;
beforeAll(async () => {
  viewer = await openViewer(inject('chromium'));
  page = await viewer.newPage({ acceptDownloads: true });
}, HANG);
afterAll(async () => {
  await viewer?.close();
});

const open = async (path: string) => {
  await visit(page, viewer.base, path);
};

describe('the policy page', () => {
  it(
    'draws all eight IMRT revisions on the timeline, 2015-07-07 as never governing, today marked',
    async () => {
      await open('policies/imrt/index.html');
      const rows = await page.$$eval('svg.timeline g[data-revision]', (gs) =>
        gs.map((g) => [g.getAttribute('data-revision'), g.getAttribute('data-status')]),
      );
      expect(rows).toEqual([
        ['2015-07-07', 'superseded-before-effective'],
        ['2015-09-08', 'governs'],
        ['2016-03-01', 'governs'],
        ['2016-11-01', 'governs'],
        ['2017-12-05', 'governs'],
        ['2020-07-07', 'governs'],
        ['2021-03-02', 'governs'],
        ['2023-01-10', 'governs'],
      ]);
      expect(await page.textContent('svg.timeline [data-today]')).toBe('today 2026-11-28');
      expect(await page.isVisible('svg.timeline')).toBe(true);
    },
    HANG,
  );
});

describe('from the keyboard alone', () => {
  it(
    'choosing two revisions shows their diff',
    async () => {
      await open('policies/imrt/diff/index.html');
      await page.focus('#diff-from');
      // From the default (2021-03-02 → 2023-01-10): from one earlier, to one earlier.
      await page.keyboard.press('ArrowUp');
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('diff-to');
      await page.keyboard.press('ArrowUp');
      await page.keyboard.press('Tab');
      await Promise.all([
        page.waitForURL(/2020-07-07-to-2021-03-02\.html$/),
        page.keyboard.press('Enter'),
      ]);
      expect(await page.textContent('h1')).toBe('Changes from 2020-07-07 to 2021-03-02');
      const rev = (id: string) =>
        imrt.revisions.find((r) => r.id === id) as (typeof imrt.revisions)[number];
      // The page diffs with the latest readings edition (route changes are readings).
      const readings = imrt.readings.at(-1);
      const expected = diffRevisions(
        rev('2020-07-07'),
        rev('2021-03-02'),
        readings ? { readings } : {},
      );
      expect(await page.textContent('#diff-summary')).toContain(
        `${expected.changes.length} changes: ${expected.counts['expands-coverage']} expand coverage`,
      );
      expect(await page.$$eval('#diff-changes tbody tr', (rows) => rows.length)).toBe(
        expected.changes.length,
      );
      expect(await page.textContent('#diff-changes')).toContain('Pancreatic cancer');
      expect(await page.inputValue('#diff-from')).toBe('2020-07-07');
      // The same revision twice is refused on the page, not sent anywhere.
      await page.selectOption('#diff-to', '2020-07-07');
      await page.focus('#diff-to');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      expect(await page.textContent('#diff-error')).toBe('Choose two different revisions.');
      expect(page.url()).toMatch(/2020-07-07-to-2021-03-02\.html$/);
    },
    HANG,
  );

  it(
    'the code check gives the revision and the routes for a code and a date',
    async () => {
      await open('codes.html');
      await page.focus('#cc-code');
      await page.keyboard.type('77385');
      await page.keyboard.press('Tab');
      await page.keyboard.type('2021-09-01');
      await page.keyboard.press('Enter');
      await page.waitForSelector('#code-result table');
      expect(await page.getAttribute('#code-result [data-revision]', 'data-revision')).toBe(
        '2021-03-02',
      );
      const routes = await page.$$eval('#code-result tbody tr', (rows) =>
        Object.fromEntries(
          rows.map((r) => [
            r.querySelector('th')?.textContent,
            [...r.querySelectorAll('td')].map((td) => td.textContent),
          ]),
        ),
      );
      expect(routes['Pancreatic cancer']).toEqual(['criteria-review', 'criteria-review']);
      // A code the policy does not cover, and a date before any revision.
      await page.fill('#cc-code', '99213');
      await page.focus('#cc-code');
      await page.keyboard.press('Enter');
      await page.waitForSelector('#code-result [data-route="not-applicable"]');
      await page.fill('#cc-code', '77385');
      await page.fill('#cc-date', '2015-10-31');
      await page.focus('#cc-date');
      await page.keyboard.press('Enter');
      await page.waitForSelector('#code-result [data-route="no-criteria-in-effect"]');
      await page.fill('#cc-date', '2021-02-30');
      await page.keyboard.press('Enter');
      expect(await page.textContent('#code-result .error')).toContain('2021-02-30');
    },
    HANG,
  );

  it(
    'the request form: add and remove documents, evaluate',
    async () => {
      await open('check.html');
      await page.focus('#rq-add-document');
      await page.keyboard.press('Enter');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('rq-doc-0-kind');
      await page.keyboard.type('clinical-notes');
      await page.keyboard.press('Tab');
      await page.keyboard.type('oncology');
      await page.keyboard.press('Tab');
      await page.keyboard.type('2021-06-01');
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(
        'Remove document 1',
      );
      await page.focus('#rq-add-document');
      await page.keyboard.press('Space');
      expect(await page.$$eval('#rq-documents .document', (r) => r.length)).toBe(2);
      await page.focus('#rq-documents .document:nth-child(2) button');
      await page.keyboard.press('Enter');
      expect(await page.$$eval('#rq-documents .document', (r) => r.length)).toBe(1);
      // Documentation is asked of non-Medicare members only (source 24 to 30).
      await page.selectOption('#rq-lineOfBusiness', 'non-medicare');
      await page.fill('#rq-dateOfService', '2021-07-31');
      await page.fill('#rq-procedureCodes', '77385');
      await page.fill('#rq-indication', 'pancreatic-cancer');
      await page.focus('#rq-indication');
      await page.keyboard.press('Enter');
      await page.waitForSelector('#determination-json');
      const d = JSON.parse((await page.textContent('#determination-json')) as string);
      expect(d.revision.id).toBe('2020-07-07');
      expect(d.documentation.complete).toBe(false);
      // An invalid request lists its problems instead.
      await page.fill('#rq-dateOfService', '2021-2-3');
      await page.keyboard.press('Enter');
      // The evaluator's issue names the field and what it expects (input values are not echoed).
      expect(await page.textContent('#request-result [role=alert]')).toMatch(
        /dateOfService: .*calendar date YYYY-MM-DD/,
      );
    },
    HANG,
  );

  it(
    'the PDF link downloads a PDF whose text holds the due and effective dates',
    async () => {
      await open('policies/imrt/notices/index.html');
      await page.focus('article[data-revision="2023-01-10"] a[download]');
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.keyboard.press('Enter'),
      ]);
      expect(download.suggestedFilename()).toBe('imrt-notice-2023-01-10.pdf');
      // The shared browser is a remote one to this file: the download is saved, not read in place.
      const dir = mkdtempSync(join(tmpdir(), 'viewer-pdf-'));
      const file = join(dir, download.suggestedFilename());
      await download.saveAs(file);
      const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
      expect(text).toContain('Notice due by: 2023-04-02');
      expect(text).toContain('Effective: 2023-06-01');
      rmSync(dir, { recursive: true, force: true });
    },
    HANG,
  );

  it.each([
    ['index.html'],
    ['policies/imrt/index.html'],
    ['policies/imrt/revisions/2021-03-02.html'],
    ['policies/imrt/source.html'],
    ['policies/imrt/diff/2021-03-02-to-2023-01-10.html'],
    ['policies/imrt/notices/index.html'],
    ['policies/imrt/notices/2023-01-10.html'],
    ['codes.html'],
    ['check.html'],
  ])(
    'Tab reaches every control of %s, in order, and each shows its focus',
    async (path) => {
      await open(path);
      if (path === 'check.html') await page.click('#rq-add-document');
      const count = await page.evaluate(() => {
        const controls = [
          ...document.querySelectorAll<HTMLElement>(
            'a[href], button, input, select, textarea, [tabindex]:not([tabindex="-1"])',
          ),
        ].filter(
          (e) =>
            (!(e as HTMLButtonElement).disabled && e.getClientRects().length > 0) ||
            e.classList.contains('skip'),
        );
        for (const [i, c] of controls.entries()) c.setAttribute('data-kbd', String(i));
        (document.activeElement as HTMLElement | null)?.blur();
        return controls.length;
      });
      expect(count).toBeGreaterThan(2);
      const reached: string[] = [];
      for (let i = 0; i < 2 * count + 5 && reached.length < count; i++) {
        await page.keyboard.press('Tab');
        const [kbd, outline] = await page.evaluate(() => {
          const e = document.activeElement as HTMLElement | null;
          return [
            e?.getAttribute('data-kbd') ?? null,
            e ? getComputedStyle(e).outlineStyle : 'none',
          ];
        });
        if (kbd !== null) {
          reached.push(kbd);
          expect(outline, `focus ring on control ${kbd} of ${path}`).not.toBe('none');
        }
      }
      // Every control once, in the order of the page. Tab order is a cycle and a click (the
      // check page's "Add a document") moves where it starts: read it from control 0.
      const start = reached.indexOf('0');
      const cycle = [...reached.slice(start), ...reached.slice(0, start)];
      expect(cycle).toEqual(Array.from({ length: count }, (_, i) => String(i)));
    },
    HANG,
  );
});
