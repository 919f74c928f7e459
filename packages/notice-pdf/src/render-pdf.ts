import { type ChangeNotice, renderNoticeMarkdown } from '@criteria/notice';
import { marked, type Token, type Tokens } from 'marked';
import PDFDocument from 'pdfkit';
import { fonts } from './internal/fonts.js';
import { type Run, runsOf } from './internal/runs.js';

/** US letter, in PostScript points (8.5 × 11 in). */
export const LETTER = { width: 612, height: 792 } as const;
const MARGIN = 54; // 0.75 in
const BODY = 10;

/**
 * The calendar day a notice document carries as its date (PDF CreationDate
 * and ModDate): the notice's production date where it carries one (the
 * provider letter's date), else the day the notice is due to providers, else
 * its approval day. Never the clock, so the same notice gives the same bytes.
 *
 * @example documentDate(buildNotice(imrt, '2021-03-02')) // => '2021-06-02'
 */
export function documentDate(notice: ChangeNotice): string {
  const produced = (notice as { producedOn?: unknown }).producedOn;
  return typeof produced === 'string' ? produced : (notice.noticeDueBy ?? notice.approvedOn);
}

/**
 * A change notice as a PDF: the words of the Markdown notice
 * (`renderNoticeMarkdown`, so every format says the same thing), typeset on US
 * letter pages with DejaVu Sans embedded (subset), a running footer with the
 * policy, revision and page number, and fixed metadata: the same notice gives
 * byte-identical output whenever and wherever it is rendered.
 *
 * @example
 * import { buildNotice } from '@criteria/notice';
 * const bytes = await renderNoticePdf(buildNotice(imrt, '2023-01-10'));
 * writeFileSync('notice.pdf', bytes);
 */
export async function renderNoticePdf(notice: ChangeNotice): Promise<Uint8Array> {
  const [y, m, d] = documentDate(notice).split('-').map(Number) as [number, number, number];
  // pdfkit's metadata API takes a JS Date: built from the calendar day at 00:00 UTC, never read from a clock.
  const day = new Date(Date.UTC(y, m - 1, d));
  const title = `Change notice: ${notice.policy.title}, revision ${notice.revision}`;
  const doc = new PDFDocument({
    size: 'LETTER',
    margins: { top: MARGIN, bottom: MARGIN + 18, left: MARGIN, right: MARGIN },
    bufferPages: true,
    compress: true,
    lang: 'en-US',
    displayTitle: true,
    tagged: false,
    info: {
      Title: title,
      Author: notice.policy.plan,
      Subject: `Revision ${notice.revision} of policy ${notice.policy.id}, effective ${notice.effectiveOn}; sha256 ${notice.sha256}`,
      Creator: '@criteria/notice-pdf',
      Producer: 'PDFKit',
      CreationDate: day,
      ModDate: day,
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', () => resolve());
    doc.on('error', reject);
  });
  for (const [name, file] of Object.entries(fonts())) doc.registerFont(name, file);
  doc.font('sans').fontSize(BODY);

  for (const token of marked.lexer(renderNoticeMarkdown(notice))) block(doc, token);

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i += 1) {
    doc.switchToPage(i);
    const bottom = doc.page.height - MARGIN;
    doc
      .font('sans')
      .fontSize(8)
      .fillColor('#333333')
      .text(
        `${notice.policy.title} · revision ${notice.revision} · page ${i + 1} of ${range.count}`,
        MARGIN,
        bottom,
        { width: doc.page.width - 2 * MARGIN, align: 'center', lineBreak: false, height: 10 },
      );
    doc.fillColor('#000000');
  }
  doc.end();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}

type Doc = PDFKit.PDFDocument;

const contentWidth = (doc: Doc) => doc.page.width - doc.page.margins.left - doc.page.margins.right;

/** Writes runs of inline text as one flowing paragraph. */
function runsText(
  doc: Doc,
  runs: Run[],
  options: { size?: number; indent?: number; italic?: boolean; x?: number; width?: number } = {},
): void {
  const size = options.size ?? BODY;
  const x = options.x ?? doc.page.margins.left;
  const width = options.width ?? contentWidth(doc) - (x - doc.page.margins.left);
  const visible = runs.length > 0 ? runs : [{ text: ' ', bold: false, code: false, italic: false }];
  visible.forEach((run, i) => {
    const font = run.code
      ? 'mono'
      : run.bold
        ? options.italic || run.italic
          ? 'sans-bold-oblique'
          : 'sans-bold'
        : options.italic || run.italic
          ? 'sans-oblique'
          : 'sans';
    doc.font(font).fontSize(run.code ? size - 1 : size);
    const last = i === visible.length - 1;
    if (i === 0) doc.text(run.text, x, doc.y, { width, continued: !last, lineGap: 1.5 });
    else doc.text(run.text, { continued: !last, lineGap: 1.5 });
  });
  doc.font('sans').fontSize(BODY);
}

function block(doc: Doc, token: Token): void {
  switch (token.type) {
    case 'heading': {
      const t = token as Tokens.Heading;
      const size = t.depth === 1 ? 17 : t.depth === 2 ? 12.5 : 11;
      doc.moveDown(t.depth === 1 ? 0 : 0.8);
      // Keep a heading with what follows it.
      if (doc.y + size * 4 > doc.page.height - doc.page.margins.bottom) doc.addPage();
      runsText(
        doc,
        runsOf(t.tokens).map((r) => ({ ...r, bold: true })),
        { size },
      );
      if (t.depth === 2) {
        const y = doc.y + 1;
        doc
          .moveTo(doc.page.margins.left, y)
          .lineTo(doc.page.width - doc.page.margins.right, y)
          .lineWidth(0.5)
          .strokeColor('#777777')
          .stroke();
        doc.y = y + 3;
      }
      doc.moveDown(0.3);
      return;
    }
    case 'paragraph': {
      runsText(doc, runsOf((token as Tokens.Paragraph).tokens));
      doc.moveDown(0.5);
      return;
    }
    case 'list': {
      const t = token as Tokens.List;
      t.items.forEach((item, i) => {
        const marker = t.ordered ? `${Number(t.start || 1) + i}.` : '•';
        const y = doc.y;
        doc
          .font('sans')
          .fontSize(BODY)
          .text(marker, doc.page.margins.left + 4, y, { width: 14, lineBreak: false });
        doc.y = y;
        runsText(doc, runsOf(item.tokens), { x: doc.page.margins.left + 18 });
        doc.moveDown(0.15);
      });
      doc.moveDown(0.4);
      return;
    }
    case 'blockquote': {
      const t = token as Tokens.Blockquote;
      const top = doc.y;
      const x = doc.page.margins.left + 12;
      for (const inner of t.tokens)
        if (inner.type === 'paragraph')
          runsText(doc, runsOf((inner as Tokens.Paragraph).tokens), { x, italic: true });
      const bottom = doc.y;
      if (bottom > top)
        doc
          .moveTo(doc.page.margins.left + 2, top)
          .lineTo(doc.page.margins.left + 2, bottom)
          .lineWidth(2)
          .strokeColor('#777777')
          .stroke();
      doc.moveDown(0.6);
      return;
    }
    case 'table': {
      table(doc, token as Tokens.Table);
      doc.moveDown(0.6);
      return;
    }
    case 'hr': {
      doc.moveDown(0.4);
      const y = doc.y;
      doc
        .moveTo(doc.page.margins.left, y)
        .lineTo(doc.page.width - doc.page.margins.right, y)
        .lineWidth(0.5)
        .strokeColor('#777777')
        .stroke();
      doc.y = y + 6;
      return;
    }
    case 'code': {
      doc
        .font('mono')
        .fontSize(BODY - 1)
        .text((token as Tokens.Code).text, doc.page.margins.left, doc.y, {
          width: contentWidth(doc),
        });
      doc.font('sans').fontSize(BODY).moveDown(0.5);
      return;
    }
    case 'space':
      return;
    default: {
      // Anything else the Markdown may grow (HTML blocks, ...) is printed as its text, never dropped.
      const text = 'text' in token && typeof token.text === 'string' ? token.text : token.raw;
      if (text.trim() !== '') {
        doc.text(text.trim(), doc.page.margins.left, doc.y, { width: contentWidth(doc) });
        doc.moveDown(0.5);
      }
    }
  }
}

const plain = (runs: Run[]) => runs.map((r) => r.text).join('');

function table(doc: Doc, t: Tokens.Table): void {
  const width = contentWidth(doc);
  const columns = t.header.length;
  // A narrow first column when it only numbers the rows ("#"), the widest one for the text.
  const widths: number[] = t.header.map((h) => (/^#|no\.?$/i.test(h.text.trim()) ? 22 : 0));
  const fixed = widths.reduce((a, b) => a + b, 0);
  const flexible = widths.filter((w) => w === 0).length;
  const weights: number[] = t.header.map((_, i) =>
    widths[i] ? 0 : i === 1 || columns === 1 ? 3 : 1,
  );
  const total = weights.reduce((a, b) => a + b, 0) || 1;
  const columnWidths = widths.map((w, i) =>
    w > 0 ? w : ((width - fixed) * (weights[i] ?? 1)) / (flexible > 0 ? total : 1),
  );
  // pdfkit reads a cell's `font` ({ src, size }); its published types do not list it yet.
  const font = (src: string, size = 9) => ({ font: { src, size } });
  const options = {
    position: { x: doc.page.margins.left, y: doc.y },
    maxWidth: width,
    columnStyles: columnWidths.map((w) => ({ width: w })),
    defaultStyle: { padding: 3, border: 0.5, borderColor: '#777777', ...font('sans') },
    rowStyles: (i: number) =>
      i === 0 ? { ...font('sans-bold'), backgroundColor: '#eeeeee' } : font('sans'),
    data: [
      t.header.map((h) => plain(runsOf(h.tokens))),
      ...t.rows.map((row) => row.map((cell) => plain(runsOf(cell.tokens)))),
    ],
  };
  doc.table(options as unknown as Parameters<Doc['table']>[0]);
  doc.x = doc.page.margins.left;
}
