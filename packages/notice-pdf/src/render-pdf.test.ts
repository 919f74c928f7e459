import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildNotice, renderNoticeMarkdown } from '@criteria/notice';
import { imrt } from '@criteria/policy-imrt';
import { afterAll, describe, expect, it } from 'vitest';
import { documentDate, LETTER, renderNoticePdf } from './index.js';

// Poppler's tools read the PDF as a reader would (CI installs poppler-utils from Debian).
const dir = mkdtempSync(join(tmpdir(), 'notice-pdf-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const poppler = (tool: string, file: string, ...args: string[]) =>
  execFileSync(tool, [...args, file, ...(tool === 'pdftotext' ? ['-'] : [])], {
    encoding: 'utf8',
  });
const write = (name: string, bytes: Uint8Array) => {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  return file;
};
const words = (text: string) => text.replace(/\s+/g, ' ').trim();

describe('renderNoticePdf', () => {
  it('gives the same bytes for the same notice, whatever the clock or time zone', async () => {
    const notice = buildNotice(imrt, '2023-01-10');
    const a = await renderNoticePdf(notice);
    const b = await renderNoticePdf(structuredClone(notice));
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    expect(Buffer.from(a).subarray(0, 8).toString('latin1')).toBe('%PDF-1.3');
    // Another revision's notice is another document.
    const other = await renderNoticePdf(buildNotice(imrt, '2021-03-02'));
    expect(Buffer.from(other).equals(Buffer.from(a))).toBe(false);
  }, 120_000);

  it('dates the document by the notice: its production date, else its due date, else its approval', () => {
    const due = buildNotice(imrt, '2021-03-02');
    expect(documentDate(due)).toBe('2021-06-02');
    expect(documentDate({ ...due, producedOn: '2021-05-03' } as unknown as typeof due)).toBe(
      '2021-05-03',
    );
    const none = buildNotice(imrt, '2020-07-07');
    expect(documentDate({ ...none, producedOn: undefined } as unknown as typeof none)).toBe(
      none.noticeDueBy ?? none.approvedOn,
    );
  });

  it.each(imrt.revisions.map((r) => [r.id]))(
    'the notice of %s: letter pages, fonts embedded, the text of the Markdown notice extractable and inside the page',
    async (id) => {
      const notice = buildNotice(imrt, id);
      const file = write(`${id}.pdf`, await renderNoticePdf(notice));
      const info = poppler('pdfinfo', file);
      expect(info).toMatch(/Page size:\s+612 x 792 pts \(letter\)/);
      expect(info).toContain(`Title:           Change notice: ${imrt.title}, revision ${id}`);
      // The document's date is the notice's own day, written as that day at 00:00 UTC.
      const stamp = `(D:${documentDate(notice).replace(/-/g, '')}000000Z)`;
      const raw = readFileSync(file, 'latin1');
      // CreationDate and ModDate, and no other date.
      expect(raw.match(/\(D:\d{14}Z\)/g)).toEqual([stamp, stamp]);

      const fontsTable = poppler('pdffonts', file).split('\n').slice(2).filter(Boolean);
      expect(fontsTable.length).toBeGreaterThan(0);
      for (const row of fontsTable)
        expect(row).toMatch(/DejaVu\S*\s+CID TrueType\s+Identity-H\s+yes yes yes/);

      const text = words(poppler('pdftotext', file));
      expect(text).toContain(`Effective: ${notice.effectiveOn}`);
      if (notice.noticeDueBy) expect(text).toContain(`Notice due by: ${notice.noticeDueBy}`);
      expect(text).toContain(notice.sha256);
      // Every word of the Markdown notice is in the PDF (Markdown markup aside; table cells
      // are read row by row across columns, so the order is not the Markdown's).
      const md = words(
        renderNoticeMarkdown(notice)
          .replace(/^#+ |^> |^- |^---$/gm, '')
          .replace(/\|[-|]+\|/g, ' ')
          .replace(/<br>/g, ' ')
          .replace(/\\([\\`*_[\]<>|])/g, '$1')
          .replace(/[*`|#]/g, ' '),
      );
      // A word may be broken at a hyphen at a line end, and pdftotext joins such a break without
      // its hyphen ("kp-" / "imrt" reads "kpimrt"): compare without spaces and hyphens.
      const bare = (s: string) => s.replace(/[ -]/g, '');
      const flat = bare(text);
      const missing = md.split(' ').filter((w) => bare(w) !== '' && !flat.includes(bare(w)));
      expect(missing).toEqual([]);

      // No word is drawn outside the page (pdftotext -bbox gives every word's box).
      const boxes = [
        ...poppler('pdftotext', file, '-bbox').matchAll(
          /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">/g,
        ),
      ].map((m) => m.slice(1).map(Number) as [number, number, number, number]);
      expect(boxes.length).toBeGreaterThan(50);
      for (const [x0, y0, x1, y1] of boxes) {
        expect(x0).toBeGreaterThanOrEqual(36);
        expect(y0).toBeGreaterThanOrEqual(36);
        expect(x1).toBeLessThanOrEqual(LETTER.width - 36);
        expect(y1).toBeLessThanOrEqual(LETTER.height - 36);
      }
    },
    120_000,
  );
});
